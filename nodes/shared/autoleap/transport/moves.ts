import type { IDataObject } from 'n8n-workflow';

import {
	AUTOLEAP_DATE_TIME,
	autoLeapStartBound,
	parseAutoLeapDate,
	SECOND_MS,
	startOfSecond,
} from '../dates';
import { SORT_PARAMETERS, UPDATED_WINDOW } from '../endpoints';

/**
 * Whether records moved while a list was read page by page. Pages are offsets into an order
 * AutoLeap does not document: a record that leaves the list after its page was read shifts the
 * rest one place left, and the record at the next page's boundary is never read. Pure functions;
 * the reading is in wholeList.ts.
 */

/** AutoLeap may commit a change a moment after stamping it, so a page taken then misses it. */
export const COMMIT_LAG_MS = 2_000;

/** Without a Date header, how far n8n's clock may be from AutoLeap's. */
export const CLOCK_SKEW_MS = 60_000;

/** How a list is ordered, as far as its pages show. */
export interface Order {
	/** By id, or by `key` then id: a change that keeps a record listed (and its key) moves nothing. */
	known: boolean;
	/** The field the list is sorted by before the id (Sort By), if not by id alone. */
	key?: string;
	/** By id alone, newest (highest) first. */
	descending?: boolean;
}

/** An answer, with n8n's clock when its request left and when it came back. */
export interface Timed {
	serverTime?: number;
	sentAt: number;
	receivedAt: number;
}

/**
 * No later than when AutoLeap took the page of this answer, on its clock: after the request left,
 * so at least its Date (rounded down) minus the time the request took. Unknown without a Date.
 */
export function takenAfter({ serverTime, sentAt, receivedAt }: Timed): number | undefined {
	return serverTime === undefined ? undefined : serverTime - (receivedAt - sentAt);
}

/**
 * No earlier than when AutoLeap took the page of this answer: before its Date's second was over.
 * Without a Date, n8n's clock when it came back plus the margin for the two clocks being apart.
 */
export function takenBefore({ serverTime, receivedAt }: Timed): number {
	return serverTime === undefined ? receivedAt + CLOCK_SKEW_MS : serverTime + SECOND_MS;
}

/**
 * When a read began, on AutoLeap's clock: when it took page 1 (a slow page is taken long before
 * its Date), rounded down, minus the commit lag.
 */
export function changesSince(first: Timed): number {
	const taken = takenAfter(first);
	if (taken !== undefined) return startOfSecond(taken) - COMMIT_LAG_MS;
	// No Date header, so no AutoLeap clock: n8n's, with a margin for the two being apart.
	return startOfSecond(first.sentAt) - CLOCK_SKEW_MS;
}

/** AutoLeap's ids in their order: numeric ids by value, others as text. */
export function compareIds(a: string, b: string): number {
	if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
	return a < b ? -1 : a > b ? 1 : 0;
}

const compareValues = (a: unknown, b: unknown) =>
	typeof a === 'number' && typeof b === 'number' ? a - b : compareIds(String(a), String(b));

/**
 * The order of a list as its pages show it: by id (or creation), which no change can alter,
 * when the ids run one way across all pages; else, with `key` (the Sort By field), by that
 * field one way, ties by id one way. A page may start with the last records of the page before
 * (records joined before it, shifting the rest right). Anything else is not known.
 */
export function orderOf(pages: IDataObject[][], idField: string, key?: string): Order {
	const idOf = (record: IDataObject) => String(record[idField]);
	const unknown: Order = { known: false };
	if (key !== undefined && pages.some((page) => page.some((r) => r[key] === undefined)))
		return unknown;
	let [byKey, byId] = [0, 0]; // 1: ascending, -1: descending
	let last: IDataObject | undefined;
	let previous: string[] = [];
	const seen = new Set<string>();
	for (const records of pages) {
		const page = records.map(idOf);
		let repeated = 0;
		while (repeated < page.length && seen.has(page[repeated])) repeated++;
		const tail = previous.slice(previous.length - repeated);
		if (page.slice(0, repeated).some((id, i) => id !== tail[i])) return unknown;
		for (const record of records.slice(repeated)) {
			if (seen.has(idOf(record))) return unknown;
			if (last !== undefined) {
				const k = key === undefined ? 0 : -Math.sign(compareValues(last[key], record[key]));
				const i = -Math.sign(compareIds(idOf(last), idOf(record)));
				if (k !== 0 && byKey !== 0 && k !== byKey) return unknown;
				if (k === 0 && (i === 0 || (byId !== 0 && i !== byId))) return unknown;
				if (k !== 0) byKey = k;
				else byId = i;
			}
			last = record;
			seen.add(idOf(record));
		}
		previous = page;
	}
	if (byKey === 0 && byId === 0) return unknown;
	if (key !== undefined) return { known: true, key };
	return byId < 0 ? { known: true, descending: true } : { known: true };
}

/**
 * The updated window of the records that changed since `since` and match the user's filters now:
 * the user's own window narrowed to start no earlier; undefined when the two do not meet.
 */
export function matchingWindow(qs: IDataObject, since: number): IDataObject | undefined {
	const { start, end } = UPDATED_WINDOW;
	const userStart = parseAutoLeapDate(qs[start]);
	const from = userStart !== undefined && userStart > since ? qs[start] : autoLeapStartBound(since);
	const userEnd = qs[end];
	// An end given to the second may cover that whole second (AutoLeap does not say).
	if (typeof userEnd === 'string' && AUTOLEAP_DATE_TIME.test(userEnd)) {
		if (Date.parse(userEnd) + 999 < since) return undefined;
	}
	return { ...qs, [start]: from };
}

/** Whether the user's query filters the list at all beyond the updated window's start (so every changed record matches). */
export function filtersBeyond(qs: IDataObject, since: number): boolean {
	const order: string[] = Object.values(SORT_PARAMETERS);
	return Object.keys(qs).some((name) => {
		if (order.includes(name) || qs[name] === undefined) return false;
		if (name !== UPDATED_WINDOW.start) return true;
		const userStart = parseAutoLeapDate(qs[name]);
		return userStart === undefined || userStart > since;
	});
}

/** What a read saw, and what AutoLeap says changed since it began. */
export interface ReadFacts {
	/** The records output, by id, and the order the pages showed. */
	output: Map<string, IDataObject>;
	order: Order;
	/** AutoLeap's count on the first and on the last page. */
	counts: { first?: number; last?: number };
	/** The earliest the read may have begun (page 1 taken, less the commit lag), and the latest. */
	since: number;
	begun: number;
	/** No later than AutoLeap took the last page (see takenAfter). */
	lastTaken?: number;
	/** Records changed since the read began, by id; and which of them match the filters now. */
	changed: Map<string, IDataObject>;
	matching: Set<string>;
	/** Set when the read is one chunk of a list (chunks.ts). */
	chunk?: ChunkFacts;
}

/** What a read of one chunk of a list knows besides its pages. */
export interface ChunkFacts {
	/**
	 * Where a record lies: before the records the chunk outputs (passed by an earlier chunk, which
	 * output it if it matched then), after them (left to the next chunk), or among them.
	 */
	placeOf: (id: string) => 'before' | 'after' | undefined;
	/** Changes (`id@stamp`) an earlier attempt at this chunk saw: made before this attempt began. */
	settled: Set<string>;
	/**
	 * The chunk's start held still: the last chunk's last record was at the same place when the
	 * chunk's first page was read and again after its last, and no page repeated a record.
	 */
	startHeld: boolean;
}

/** Where records carry their times, and what they are called. */
export interface RecordNames {
	label: string;
	updatedAt: string;
	createdAt: string;
}

/**
 * Each way the read may have missed a record that matched throughout; none when it is whole.
 * With an order by id, a change that keeps a record in the list moves nothing, and a record that
 * joined did not match throughout; a record output that no longer matches left after it was read.
 * With any other order a changed record may have moved across the pages. Records that left
 * without a trace the lists show (deleted, or archived where lists hide archived records) are
 * what AutoLeap's counts say left beyond the changed records that do not match now.
 */
export function movesOf(facts: ReadFacts, names: RecordNames): string[] {
	const moves: string[] = [];
	let joined = 0;
	let left = 0;
	const mayHaveLeft = beforeChunkMayHaveLeft(facts, names);
	for (const [id, record] of facts.changed) {
		const read = facts.output.get(id);
		const output = read !== undefined;
		const matches = facts.matching.has(id);
		// Created once the read had surely begun: it did not match throughout, nor count at first.
		const created = (parseAutoLeapDate(record[names.createdAt]) ?? -Infinity) >= facts.begun;
		// Output as it is now, it changed before its page was read: it moved only among pages not
		// yet read (had it been read before, the earlier version would have been output).
		const stamp = record[names.updatedAt];
		const changedAfterRead = output && (stamp === undefined || read[names.updatedAt] !== stamp);
		const what = `${names.label} ${id} changed${stamp ? ` at ${String(stamp)}` : ''}`;
		const { known, key } = facts.order;
		const rekeyed =
			key !== undefined && output && JSON.stringify(read[key]) !== JSON.stringify(record[key]);
		const place = facts.chunk?.placeOf(id);
		if (changedAfterRead && !matches) moves.push(`${what} and no longer matches the filters`);
		else if (changedAfterRead && !known)
			moves.push(`${what}, and the list is not in ID order, so it may have moved between pages`);
		else if (changedAfterRead && rekeyed)
			moves.push(`${what}, its ${key} too, by which the list is sorted: it may have moved`);
		// Passed by an earlier chunk (output, if it matched then), it may have left during this one.
		else if (place === 'before' && !matches && !created && mayHaveLeft(id, stamp))
			moves.push(
				`${what}, before this chunk, and does not match the filters: it may have left them`,
			);
		// Not output, it may have moved from a page not yet read into one already read.
		else if ((!known || key !== undefined) && !output && matches && !created)
			moves.push(`${what} and may have moved into the pages already read`);
		// A record not output joined before the read's start (pushing pages), or after its end
		// (then `last` does not count it): only one stamped before the last page surely counts.
		// Outside a chunk, a change that keeps a record matching is no sign that it joined: only
		// being new is.
		const stampedBefore = (parseAutoLeapDate(stamp) ?? Infinity) < (facts.lastTaken ?? -Infinity);
		const joins = output ? created : stampedBefore && (place === undefined || created);
		if (matches && joins) joined++;
		if (!matches && !created) left++;
	}
	// At the end AutoLeap counts those at the start, plus those that joined, minus those that left.
	const { first, last } = facts.counts;
	const unseen = first === undefined || last === undefined ? 0 : first - last + joined - left;
	if (unseen > 0) {
		moves.push(
			`AutoLeap counted ${first} records when the read began and ${last} at its end: ${unseen} left without a change its lists show (archived or deleted?)`,
		);
	}
	return moves;
}

/**
 * Whether a record before a chunk that no longer matches may have left the list while the chunk
 * was read, shifting its pages (whether it was in the list before, the chunk cannot know): not
 * when an earlier attempt saw the change, nor when the chunk's start held still — no record
 * before it then left unless another joined, and a join before it shows as a repeated record, or
 * came after the pages, as a change of a matching or new record before it, stamped that late.
 */
function beforeChunkMayHaveLeft(facts: ReadFacts, names: RecordNames) {
	const { chunk, changed, matching, lastTaken } = facts;
	const late = (lastTaken ?? -Infinity) - COMMIT_LAG_MS - SECOND_MS;
	const joinedLate = [...changed].some(
		([id, record]) =>
			chunk?.placeOf(id) === 'before' &&
			(matching.has(id) ||
				(parseAutoLeapDate(record[names.createdAt]) ?? -Infinity) >= facts.begun) &&
			(parseAutoLeapDate(record[names.updatedAt]) ?? Infinity) >= late,
	);
	const held = chunk?.startHeld === true && !joinedLate;
	return (id: string, stamp: unknown) => !held && !chunk?.settled.has(`${id}@${String(stamp)}`);
}

/**
 * A Return All, or one chunk of a list, that found records moved (after reading once more, where
 * the budget allowed).
 */
export class MovedError extends Error {
	constructor(
		readonly moves: string[],
		readonly reads: number,
		readonly chunk?: number,
	) {
		const named = moves.slice(0, 3).join('; ');
		const more = moves.length > 3 ? `; and ${moves.length - 3} more` : '';
		const read =
			chunk === undefined
				? "AutoLeap's list was read; run it again"
				: `chunk ${chunk} of AutoLeap's list was read; run this chunk again (the same Continue From)`;
		super(`Records moved while ${read}: ${named}${more}`);
	}

	get description(): string {
		const what = this.chunk === undefined ? 'It' : 'This chunk';
		const again =
			this.reads > 1
				? `${what} was read twice, and both times`
				: `${what} was read once (reading it again at once would have waited for the rate limit), and`;
		const shifted = `${again} records changed in a way that shifts AutoLeap's pages, so a record that matched the filters throughout may have been skipped.`;
		const narrow = 'or narrow the filters so that fewer records change while it is read.';
		if (this.chunk === undefined)
			return `${shifted} Nothing was output, because a shorter list would look complete. Run it again, ${narrow}`;
		return `${shifted} Nothing of it was output, because a shorter chunk would look complete; the chunks before it stay right, as each starts after the last record of the one before. Run this chunk again with the same Continue From (the node's Retry On Fail setting does that), ${narrow}`;
	}
}
