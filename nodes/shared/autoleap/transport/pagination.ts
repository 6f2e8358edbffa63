import type { IDataObject } from 'n8n-workflow';

import { PAGE_SIZE } from '../endpoints';
import { pageFactsOf, recordsOf } from './envelope';
import { ListError } from './errors';

/** A hard stop: a list longer than this many pages is refused, never cut short silently. */
export const MAX_PAGES = 1_000;

export interface PageOptions {
	/** The page to start at (a chunk of a list starts where the last one ended); 1 by default. */
	firstPage?: number;
	/** Stop after this many records; undefined reads every page. */
	limit?: number;
	pageSize?: number;
	maxPages?: number;
	/** What identifies a record across pages (its id); the whole record by default. */
	keyOf?: (record: IDataObject) => string;
	/** At `maxPages` with more to come: fail (a ListError, the default), or stop and say so. */
	atMaxPages?: 'fail' | 'stop';
	/** Stop after a page whose records this says to stop at. */
	stopWhen?: (records: IDataObject[]) => boolean;
}

/** A list as its pages held it. */
export interface PagesRead {
	/** Every record once, as first met. */
	records: IDataObject[];
	/** Each page as AutoLeap answered it (a record met twice is on both pages). */
	pages: IDataObject[][];
	/** AutoLeap's totalCount on each page, where it gave one. */
	counts: Array<number | undefined>;
	/** How the records fail to add up to the last page's totalCount, when they do. */
	countProblem?: string;
	/** Why it stopped before the last page: `maxPages` (with `atMaxPages: 'stop'`) or `stopWhen`. */
	stopped?: 'maxPages' | 'stopWhen';
}

const wholeRecord = (record: IDataObject) => JSON.stringify(record);

/**
 * Reads pages 1, 2, … (AutoLeap pages are 1-based; or from `firstPage` on) until the server says
 * last, a page is short, or the limit is reached. A page that repeats the one before (an endpoint or proxy that ignores
 * `page`), an empty page while more are promised or a last page before `totalPages` is a
 * ListError; a record count other than the last `totalCount` is reported, for the caller to
 * judge (records may have joined or left while it was read). A record met twice is kept once.
 */
export async function readPages(
	fetchPage: (page: number, size: number) => Promise<unknown>,
	{
		firstPage = 1,
		limit,
		pageSize = PAGE_SIZE,
		maxPages = MAX_PAGES,
		keyOf = wholeRecord,
		atMaxPages = 'fail',
		stopWhen,
	}: PageOptions = {},
): Promise<PagesRead> {
	const read: PagesRead = { records: [], pages: [], counts: [] };
	if (limit !== undefined && limit <= 0) return read;
	// One size for every page, or the page numbers would not line up.
	const size = limit === undefined ? pageSize : Math.min(pageSize, limit);
	const seen = new Set<string>();
	let previous = '';
	for (let page = firstPage; page < firstPage + maxPages; page++) {
		const body = await fetchPage(page, size);
		const pageRecords = recordsOf(body);
		const keys = pageRecords.map(keyOf);
		const signature = keys.join('\n');
		if (page > firstPage && pageRecords.length > 0 && signature === previous) {
			throw new ListError(
				`page ${page} holds the same records as page ${page - 1}, so the list ignores paging`,
			);
		}
		previous = signature;
		const facts = pageFactsOf(body);
		read.pages.push(pageRecords);
		read.counts.push(facts.totalCount);
		pageRecords.forEach((record, i) => {
			if (seen.has(keys[i])) return;
			seen.add(keys[i]);
			read.records.push(record);
		});
		if (stopWhen?.(pageRecords)) {
			read.stopped = 'stopWhen';
			return read;
		}
		if (limit !== undefined && read.records.length >= limit) {
			read.records = read.records.slice(0, limit);
			return read;
		}
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
			// The pages before the first one read hold a full page each.
			const held = (firstPage - 1) * size + read.records.length;
			if (facts.totalCount !== undefined && held !== facts.totalCount)
				read.countProblem = `AutoLeap counts ${facts.totalCount} records, but its pages held ${held}`;
			return read;
		}
	}
	if (atMaxPages === 'fail')
		throw new ListError(`it has more than ${maxPages} pages; narrow it with filters`);
	read.stopped = 'maxPages';
	return read;
}

/** The records of a list whose pages add up (see readPages), or a ListError. */
export async function collectPages(
	fetchPage: (page: number, size: number) => Promise<unknown>,
	options: PageOptions = {},
): Promise<IDataObject[]> {
	const read = await readPages(fetchPage, options);
	if (read.countProblem) throw new ListError(read.countProblem);
	return read.records;
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
