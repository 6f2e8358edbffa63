import type { IDataObject } from 'n8n-workflow';

import { PAGE_SIZE, SORT_PARAMETERS } from '../endpoints';
import { recordsOf } from './envelope';
import { changesSince, compareIds, filtersBeyond, orderOf } from './moves';
import type { Timed } from './moves';
import { isLastPage, readPages } from './pagination';
import { judge, keyOf, readTillStill, timedPages } from './wholeList';
import type { Attempt, GetPage, ReadChecks } from './wholeList';

/**
 * A big list in chunks, read one per call: the `size` records after the last record of the chunk
 * before, in ID order. Pages are offsets, which records leaving or joining before them shift, so
 * a chunk does not trust an offset: it reads the page where the last chunk ended again and starts
 * after that chunk's last ID, wherever it now is. Ids keep their order whatever changes, so the
 * chunks before stay right; records moving while a chunk is read are found as in a Return All
 * (wholeList.ts), and that chunk is read once more, then fails.
 */

/** Where the last chunk ended: after the record with this id, then record number `at` of the list. */
export interface ChunkStart {
	after: string;
	at: number;
	descending: boolean;
}

export interface ChunkRead extends Attempt {
	/** Where the next chunk starts; none when this one reached the list's end. */
	next?: ChunkStart;
}

/** A list AutoLeap's pages do not let a chunk continue: the read must start again, or cannot be chunked. */
export class ChunkError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
	}
}

/** How many pages a chunk looks back for where the last one ended, after records before it left. */
export const PAGES_BACK = 3;

const AGAIN = 'Start the read again from the first chunk (Continue From empty).';
const WHOLE = 'Use Return All without chunks.';

/** Whether `id` comes after `anchor` in the list's ID order. */
const follows = (id: string, anchor: string, descending: boolean) =>
	descending ? compareIds(id, anchor) < 0 : compareIds(id, anchor) > 0;

/** The chunk after `start` (the first chunk without), once no record moved while it was read. */
export async function readChunk(
	get: GetPage,
	qs: IDataObject,
	checks: ReadChecks,
	{ size, start, number }: { size: number; start?: ChunkStart; number: number },
): Promise<ChunkRead> {
	const sort = qs[SORT_PARAMETERS.field];
	if (sort !== undefined && sort !== checks.idField)
		throw new ChunkError(
			`A list sorted by ${String(sort)} cannot be read in chunks: a record whose ${String(sort)} changes between chunks would move across them unseen`,
			`Chunks follow AutoLeap's ID order (Sort Direction Descending reads the newest first). Remove Sort By, or ${WHOLE.toLowerCase()}`,
		);
	const attempt = async (previous?: ChunkRead) =>
		await chunkOnce(get, qs, checks, { size, start, settled: new Set(previous?.changes) });
	return await readTillStill(attempt, checks, number);
}

async function chunkOnce(
	get: GetPage,
	qs: IDataObject,
	checks: ReadChecks,
	{ size, start, settled }: { size: number; start?: ChunkStart; settled: Set<string> },
): Promise<ChunkRead> {
	const idOf = (record: IDataObject) => String(record[checks.idField]);
	// Records at or before the last chunk's last one: output by it (or not matching then).
	const passed = (record: IDataObject) =>
		start !== undefined && !follows(idOf(record), start.after, start.descending);
	const answers: Timed[] = [];
	const fetch = timedPages(get, qs, answers);
	let last: { page: number; body: unknown } | undefined;
	const located = start ? await locate(fetch, start, passed) : undefined;
	const firstPage = located?.page ?? 1;
	const fresh = new Set<string>();
	const read = await readPages(
		async (page, pageSize) => {
			const body = located && page === firstPage ? located.body : await fetch(page, pageSize);
			last = { page, body };
			return body;
		},
		{
			firstPage,
			keyOf: keyOf(checks.idField),
			stopWhen: (records) => {
				for (const record of records) if (!passed(record)) fresh.add(idOf(record));
				return fresh.size >= size;
			},
		},
	);
	if (!read.records.every((record) => record[checks.idField] !== undefined))
		throw new ChunkError(
			`Records without ${checks.idField} cannot be read in chunks`,
			`A chunk starts after the last record of the one before, by its ID. ${WHOLE}`,
		);
	const descending = orderOfChunk(read.pages, checks.idField, read.records.length, start);
	const after = read.records.filter((record) => !passed(record));
	const records = after.slice(0, size);
	const endOfList =
		last !== undefined &&
		isLastPage(last.body, last.page, recordsOf(last.body).length, PAGE_SIZE) &&
		after.length <= size;
	const final = records[records.length - 1];
	// A filtered list: records before the chunk may leave the filters while it is read. Where the
	// last chunk's last record is after the pages tells whether the chunk's start held still.
	const recheck =
		start && checks.tracked && read.pages.length > 1 && filtersBeyond(qs, changesSince(answers[0]));
	const again = recheck
		? await get(qs, firstPage, PAGE_SIZE, `page ${firstPage} of the list, read again`)
		: undefined;
	const indexOfStart = (body: unknown) =>
		recordsOf(body).findIndex((r) => idOf(r) === start?.after);
	const attempt = await judge(get, qs, checks, {
		read,
		answers,
		output: records,
		held: (firstPage - 1) * PAGE_SIZE + read.records.length,
		reachedEnd: endOfList,
		chunk: {
			placeOf: (id) => {
				if (start && !follows(id, start.after, descending)) return 'before';
				if (!endOfList && final && follows(id, idOf(final), descending)) return 'after';
				return undefined;
			},
			settled,
			startHeld:
				again !== undefined &&
				indexOfStart(read.pages[0]) >= 0 &&
				indexOfStart(read.pages[0]) === indexOfStart(again.body) &&
				read.pages.flat().length === read.records.length,
		},
	});
	const requests = attempt.requests + (again ? 1 : 0);
	if (endOfList || !final) return { ...attempt, requests };
	const id = idOf(final);
	const next = { after: id, at: positionOf(read.pages, firstPage, id, idOf), descending };
	return { ...attempt, requests, next };
}

/**
 * The first page to read: the one holding the last chunk's last record when it was read, or
 * before it, if records before it left since and every record there comes after it now.
 */
async function locate(
	fetch: (page: number, size: number) => Promise<unknown>,
	start: ChunkStart,
	passed: (record: IDataObject) => boolean,
): Promise<{ page: number; body: unknown }> {
	let page = Math.floor((start.at - 1) / PAGE_SIZE) + 1;
	for (let back = 0; ; back++, page--) {
		const body = await fetch(page, PAGE_SIZE);
		// The pages after it, read while looking back, are read again: the chunk's pages in order.
		if (page === 1 || recordsOf(body).some(passed)) return { page, body };
		if (back === PAGES_BACK)
			throw new ChunkError(
				`More than ${PAGES_BACK} pages of records before this chunk left AutoLeap's list since the chunk before it, so this chunk cannot tell where that one ended`,
				AGAIN,
			);
	}
}

/** Whether the chunk's pages run in descending ID order (they must run one way, as they did before). */
function orderOfChunk(
	pages: IDataObject[][],
	idField: string,
	records: number,
	start?: ChunkStart,
): boolean {
	const order = orderOf(pages, idField);
	if (!order.known) {
		if (records <= 1) return start?.descending ?? false;
		throw new ChunkError(
			"AutoLeap's pages of this list are not in ID order, so it cannot be read in chunks",
			`A chunk starts after the last record of the one before, by its ID, which needs the list in ID order (either way). ${WHOLE}`,
		);
	}
	const descending = order.descending === true;
	if (start && descending !== start.descending)
		throw new ChunkError(
			`AutoLeap lists this list ${descending ? 'newest' : 'oldest'} first now, not as when its first chunk was read`,
			AGAIN,
		);
	return descending;
}

/** The record's number in the list (1-based), where the pages last showed it. */
function positionOf(
	pages: IDataObject[][],
	firstPage: number,
	id: string,
	idOf: (record: IDataObject) => string,
): number {
	for (let i = pages.length - 1; i >= 0; i--) {
		const index = pages[i].findIndex((record) => idOf(record) === id);
		if (index >= 0) return (firstPage + i - 1) * PAGE_SIZE + index + 1;
	}
	throw new Error(`record ${id} is on none of the pages read`);
}
