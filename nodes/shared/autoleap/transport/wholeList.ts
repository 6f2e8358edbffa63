import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { autoLeapStartBound, parseAutoLeapDate, SECOND_MS } from '../dates';
import { PAGE_SIZE, SORT_PARAMETERS, UPDATED_WINDOW } from '../endpoints';
import { ListError } from './errors';
import {
	changesSince,
	COMMIT_LAG_MS,
	filtersBeyond,
	matchingWindow,
	MovedError,
	movesOf,
	orderOf,
	takenAfter,
	takenBefore,
} from './moves';
import type { ChunkFacts, RecordNames, Timed } from './moves';
import { readPages } from './pagination';
import type { PagesRead } from './pagination';

/**
 * Return All while the shop keeps working: the pages are read, then one GET asks which records
 * changed since the read began (none, in the common case: done). When records moved, the list is
 * read once more, and then fails naming them rather than come out short.
 */

/** Pages of changed records a read looks at before it no longer tells which moved. */
export const PROBE_PAGES = 3;

/** One GET of the list with this query; `what` names it in an error. */
export type GetPage = (
	qs: IDataObject,
	page: number,
	size: number,
	what: string,
) => Promise<Timed & { body: unknown }>;

/** What a read needs to tell whether records moved while it ran. */
export interface ListChecks extends RecordNames {
	/** The list takes the updated window (see endpoints.ts); otherwise only AutoLeap's counts tell. */
	tracked: boolean;
}

/** What a read of a list (whole, or a chunk of it) checks, and how it reads again. */
export interface ReadChecks extends ListChecks {
	idField: string;
	/** Whether a second read may start now (the rate budget would not make it wait long). */
	mayReadAgain: (requests: number) => Promise<boolean>;
}

export interface WholeListChecks extends ReadChecks {
	/** Stop at this many records: a read the limit cuts short is not checked (see readWholeList). */
	limit?: number;
}

/** One read's records, or what moved while it ran. */
export interface Attempt {
	records: IDataObject[];
	moves: string[];
	requests: number;
	/** More records changed than the probe reads (a bulk update). */
	overflowed?: boolean;
	/** The changes the probe saw (`id@stamp`): made before any later attempt begins. */
	changes?: string[];
}

/** After a burst of changes, how long the second read waits, so that its probe starts after it. */
export const AFTER_BURST_MS = COMMIT_LAG_MS + 2 * SECOND_MS;

/**
 * The list's records, once no record moved while they were read. A Limit that stops the read
 * before the list's end gives that many records as the pages held them, unchecked: each matched
 * when read, and none is missing from a list that was not read whole.
 */
export async function readWholeList(
	get: GetPage,
	qs: IDataObject,
	checks: WholeListChecks,
): Promise<IDataObject[]> {
	return (await readTillStill(async () => await readOnce(get, qs, checks), checks)).records;
}

/**
 * An attempt in which no record moved: when records moved, one more (once a burst of changes has
 * passed), if the rate budget takes it without a long wait; then a MovedError naming them.
 */
export async function readTillStill<T extends Attempt>(
	attempt: (previous?: T) => Promise<T>,
	{ mayReadAgain }: Pick<ReadChecks, 'mayReadAgain'>,
	chunk?: number,
): Promise<T> {
	const first = await attempt();
	if (first.moves.length === 0) return first;
	if (!(await mayReadAgain(first.requests))) throw new MovedError(first.moves, 1, chunk);
	if (first.overflowed) await sleep(AFTER_BURST_MS);
	const second = await attempt(first);
	if (second.moves.length === 0) return second;
	throw new MovedError(second.moves, 2, chunk);
}

/** Fetches pages of the list with this query, keeping each answer's times in `answers`. */
export function timedPages(get: GetPage, qs: IDataObject, answers: Timed[]) {
	return async (page: number, size: number) => {
		const answer = await get(qs, page, size, `page ${page} of the list`);
		answers.push(answer);
		return answer.body;
	};
}

/** Records are told apart by id where they have one; otherwise by their whole content. */
export const keyOf = (idField: string) => (record: IDataObject) =>
	record[idField] !== undefined ? `id:${String(record[idField])}` : JSON.stringify(record);

async function readOnce(get: GetPage, qs: IDataObject, checks: WholeListChecks): Promise<Attempt> {
	const answers: Timed[] = [];
	const read = await readPages(timedPages(get, qs, answers), {
		limit: checks.limit,
		keyOf: keyOf(checks.idField),
	});
	if (read.records.length === checks.limit)
		return { records: read.records, moves: [], requests: answers.length };
	return await judge(get, qs, checks, {
		read,
		answers,
		output: read.records,
		held: read.records.length,
		reachedEnd: true,
	});
}

/** Pages read by one attempt, for `judge`. */
export interface Segment {
	read: PagesRead;
	answers: Timed[];
	/** The records the attempt outputs (a chunk: those after the last one's, up to its size). */
	output: IDataObject[];
	/** How many records the list held up to the last page read, as the pages showed it. */
	held: number;
	/** Whether the attempt read up to the list's end. */
	reachedEnd: boolean;
	chunk?: ChunkFacts;
}

/** Whether records moved while the segment's pages were read (asking AutoLeap, where needed). */
export async function judge(
	get: GetPage,
	qs: IDataObject,
	checks: ListChecks & { idField: string },
	{ read, answers, output: records, held, reachedEnd, chunk }: Segment,
): Promise<Attempt> {
	const idOf = (record: IDataObject) => String(record[checks.idField]);
	const hasId = (record: IDataObject) => record[checks.idField] !== undefined;
	const counts = { first: read.counts[0], last: read.counts[read.counts.length - 1] };
	const attempt = (moves: string[], probes = 0): Attempt => {
		if (moves.length === 0 && read.countProblem) throw new ListError(read.countProblem);
		return { records, moves, requests: answers.length + probes };
	};
	// One page is one snapshot: nothing can move between pages.
	if (read.pages.length === 1) return attempt([]);
	// Without an updated window, or ids to match changed records with, only the counts tell.
	if (!checks.tracked || !read.records.every(hasId)) return attempt(countsMoved(counts));
	const [since, begun] = [changesSince(answers[0]), takenBefore(answers[0])];
	const output = new Map(records.map((record) => [idOf(record), record]));
	const order = orderIn(read.pages, qs, checks.idField);
	// Unfiltered, oldest first: a change keeps a record listed and in place, a new one comes last
	// (read, if it came before the last page). Only a record gone from the lists shifts the pages,
	// and AutoLeap's counts tell that without asking which records changed — once the read reached
	// the end, where the new records are.
	const probed =
		order.known && !order.key && !order.descending && reachedEnd && !filtersBeyond(qs, since)
			? createdIn(output, since, checks.createdAt)
			: await changedSince(get, qs, since, { idOf, updatedAt: checks.updatedAt });
	if ('overflow' in probed)
		return { ...attempt([probed.overflow], probed.requests), overflowed: true };
	if ('ignored' in probed) return attempt(countsMoved(counts), probed.requests);
	const lastTaken = takenAfter(answers[answers.length - 1]);
	const facts = { output, order, counts, since, begun, lastTaken, chunk, ...probed };
	const moves = movesOf(facts, checks);
	// Pages that hold more or fewer records than AutoLeap counts, by more than the changes explain.
	const off = Math.abs(held - (counts.last ?? held));
	if (moves.length === 0 && off <= probed.changed.size) read.countProblem = undefined;
	const changes = [...probed.changed].map(([id, r]) => `${id}@${String(r[checks.updatedAt])}`);
	return { ...attempt(moves, probed.requests), changes };
}

/** What AutoLeap's counts alone tell: records joined or left if they differ. */
function countsMoved({ first, last }: { first?: number; last?: number }): string[] {
	if (first === undefined || last === undefined || first === last) return [];
	return [`AutoLeap counted ${first} records when the read began and ${last} at its end`];
}

/** By id; else by the Sort By field (when the records carry it) then id; else not known. */
function orderIn(pages: IDataObject[][], qs: IDataObject, idField: string) {
	const byId = orderOf(pages, idField);
	const sort = qs[SORT_PARAMETERS.field];
	return byId.known || typeof sort !== 'string' ? byId : orderOf(pages, idField, sort);
}

/** The records output that were created since `since`: the changes the pages themselves show. */
function createdIn(output: Map<string, IDataObject>, since: number, createdAt: string) {
	const changed = new Map(
		[...output].filter(
			([, record]) => (parseAutoLeapDate(record[createdAt]) ?? -Infinity) >= since,
		),
	);
	return { changed, matching: new Set(changed.keys()), requests: 0 };
}

type Probed =
	| { changed: Map<string, IDataObject>; matching: Set<string>; requests: number }
	| { overflow: string; requests: number }
	| { ignored: true; requests: number };

/**
 * The company's records changed since `since` (no user filters: a record that left them shows
 * too) and those of them that match the user's filters now (a second GET, when they filter).
 * `ignored` when an answer holds records changed before: AutoLeap ignored the updated window.
 */
async function changedSince(
	get: GetPage,
	qs: IDataObject,
	since: number,
	{ idOf, updatedAt }: { idOf: (record: IDataObject) => string; updatedAt: string },
): Promise<Probed> {
	let requests = 0;
	let stopped: 'maxPages' | 'stopWhen' | undefined;
	const older = (record: IDataObject) =>
		(parseAutoLeapDate(record[updatedAt]) ?? Infinity) < since - SECOND_MS;
	const probe = async (query: IDataObject) => {
		const read = await readPages(
			async (page, size) => {
				requests++;
				return (await get(query, page, size, 'the check for records changed during the read')).body;
			},
			{
				maxPages: PROBE_PAGES,
				atMaxPages: 'stop',
				stopWhen: (records) => records.some(older),
				keyOf: (record) => `id:${idOf(record)}`,
			},
		);
		stopped ??= read.stopped;
		return new Map(read.records.map((record) => [idOf(record), record]));
	};
	const overflow = () => ({
		overflow: `more than ${PROBE_PAGES * PAGE_SIZE} records changed while the list was read`,
		requests,
	});
	const changed = await probe({ [UPDATED_WINDOW.start]: autoLeapStartBound(since) });
	if (stopped === 'stopWhen') return { ignored: true, requests };
	if (stopped) return overflow();
	if (changed.size === 0 || !filtersBeyond(qs, since))
		return { changed, matching: new Set(changed.keys()), requests };
	const window = matchingWindow(qs, since);
	const now = window ? await probe(window) : new Map<string, IDataObject>();
	if (stopped === 'stopWhen') return { ignored: true, requests };
	if (stopped) return overflow();
	return { changed, matching: new Set([...now.keys()].filter((id) => changed.has(id))), requests };
}
