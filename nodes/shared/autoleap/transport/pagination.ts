import type { IDataObject } from 'n8n-workflow';

import { PAGE_SIZE } from '../endpoints';
import { pageFactsOf, recordsOf } from './envelope';
/** A hard stop, so that a server that never says "last" cannot keep a workflow busy forever. */
export const MAX_PAGES = 1_000;

export interface PageOptions {
	/** Stop after this many records; undefined reads every page. */
	limit?: number;
	pageSize?: number;
	maxPages?: number;
}

/**
 * Reads pages 1, 2, … (AutoLeap pages are 1-based) until the server says last, a page is
 * short or empty, the limit is reached, or the page cap is hit.
 */
export async function collectPages(
	fetchPage: (page: number, size: number) => Promise<unknown>,
	{ limit, pageSize = PAGE_SIZE, maxPages = MAX_PAGES }: PageOptions = {},
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	if (limit !== undefined && limit <= 0) return records;
	// One size for every page, or the page numbers would not line up.
	const size = limit === undefined ? pageSize : Math.min(pageSize, limit);
	for (let page = 1; page <= maxPages; page++) {
		const body = await fetchPage(page, size);
		const pageRecords = recordsOf(body);
		records.push(...pageRecords);
		if (limit !== undefined && records.length >= limit) return records.slice(0, limit);
		if (isLastPage(body, page, pageRecords.length, size)) break;
	}
	return records;
}

export function isLastPage(body: unknown, page: number, received: number, pageSize: number): boolean {
	const facts = pageFactsOf(body);
	if (facts.last !== undefined) return facts.last || received === 0;
	if (facts.totalPages !== undefined) return page >= facts.totalPages;
	// More than a page means the endpoint does not page at all (inventory levels may not).
	return received !== pageSize;
}
