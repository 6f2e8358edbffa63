import type { IDataObject } from 'n8n-workflow';

import { PAGE_SIZE } from '../endpoints';
import { pageFactsOf, recordsOf } from './envelope';
import { ListError } from './errors';

/** A hard stop: a list longer than this many pages is refused, never cut short silently. */
export const MAX_PAGES = 1_000;

export interface PageOptions {
	/** Stop after this many records; undefined reads every page. */
	limit?: number;
	pageSize?: number;
	maxPages?: number;
	/** What identifies a record across pages (its id); the whole record by default. */
	keyOf?: (record: IDataObject) => string;
}

const wholeRecord = (record: IDataObject) => JSON.stringify(record);

/**
 * Reads pages 1, 2, … (AutoLeap pages are 1-based) until the server says last, a page is short,
 * or the limit is reached. A list is returned only when its pages add up: a page that repeats the
 * one before (an endpoint or proxy that ignores `page`), an empty page while more are promised,
 * a last page before `totalPages`, or a record count other than `totalCount` is a ListError.
 * A record met twice (the list shifted while it was read) is output once.
 */
export async function collectPages(
	fetchPage: (page: number, size: number) => Promise<unknown>,
	{ limit, pageSize = PAGE_SIZE, maxPages = MAX_PAGES, keyOf = wholeRecord }: PageOptions = {},
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	if (limit !== undefined && limit <= 0) return records;
	// One size for every page, or the page numbers would not line up.
	const size = limit === undefined ? pageSize : Math.min(pageSize, limit);
	const seen = new Set<string>();
	let previous = '';
	for (let page = 1; page <= maxPages; page++) {
		const body = await fetchPage(page, size);
		const pageRecords = recordsOf(body);
		const keys = pageRecords.map(keyOf);
		const signature = keys.join('\n');
		if (page > 1 && pageRecords.length > 0 && signature === previous) {
			throw new ListError(
				`page ${page} holds the same records as page ${page - 1}, so the list ignores paging`,
			);
		}
		previous = signature;
		pageRecords.forEach((record, i) => {
			if (seen.has(keys[i])) return;
			seen.add(keys[i]);
			records.push(record);
		});
		if (limit !== undefined && records.length >= limit) return records.slice(0, limit);
		const facts = pageFactsOf(body);
		const promised =
			facts.totalCount !== 0 &&
			(facts.last === false || (facts.totalPages !== undefined && page < facts.totalPages));
		if (pageRecords.length === 0 && promised)
			throw new ListError(`page ${page} is empty although AutoLeap says more pages follow`);
		if (isLastPage(body, page, pageRecords.length, size)) {
			if (promised)
				throw new ListError(
					`page ${page} was marked the last although AutoLeap counts ${facts.totalPages} pages`,
				);
			if (facts.totalCount !== undefined && records.length !== facts.totalCount) {
				throw new ListError(
					`AutoLeap counts ${facts.totalCount} records, but its pages held ${records.length}`,
				);
			}
			return records;
		}
	}
	throw new ListError(`it has more than ${maxPages} pages; narrow it with filters`);
}

export function isLastPage(
	body: unknown,
	page: number,
	received: number,
	pageSize: number,
): boolean {
	const facts = pageFactsOf(body);
	if (facts.last !== undefined) return facts.last || received === 0;
	if (facts.totalPages !== undefined) return page >= facts.totalPages;
	// More than a page means the endpoint does not page at all (inventory levels may not).
	return received !== pageSize;
}
