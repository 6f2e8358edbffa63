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
import type { RecordNames, Timed } from './moves';
import { readPages } from './pagination';

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

export interface WholeListChecks extends ListChecks {
	idField: string;
	/** Stop at this many records: a read the limit cuts short is not checked (see readWholeList). */
	limit?: number;
	/** Whether a second read may start now (the rate budget would not make it wait long). */
	mayReadAgain: (requests: number) => Promise<boolean>;
}

interface Attempt {
	records: IDataObject[];
	moves: string[];
	requests: number;
	/** More records changed than the probe reads (a bulk update). */
	overflowed?: boolean;
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
	const first = await readOnce(get, qs, checks);
	if (first.moves.length === 0) return first.records;
	if (!(await checks.mayReadAgain(first.requests))) throw new MovedError(first.moves, 1);
	if (first.overflowed) await sleep(AFTER_BURST_MS);
	const second = await readOnce(get, qs, checks);
	if (second.moves.length === 0) return second.records;
	throw new MovedError(second.moves, 2);
}

async function readOnce(get: GetPage, qs: IDataObject, checks: WholeListChecks): Promise<Attempt> {
	const idOf = (record: IDataObject) => String(record[checks.idField]);
	const hasId = (record: IDataObject) => record[checks.idField] !== undefined;
	const answers: Timed[] = [];
	const read = await readPages(
		async (page, size) => {
			const answer = await get(qs, page, size, `page ${page} of the list`);
			answers.push(answer);
			return answer.body;
		},
		{
			limit: checks.limit,
			keyOf: (record) => (hasId(record) ? `id:${idOf(record)}` : JSON.stringify(record)),
		},
	);
	const counts = { first: read.counts[0], last: read.counts[read.counts.length - 1] };
	const attempt = (moves: string[], probes = 0): Attempt => {
		if (moves.length === 0 && read.countProblem) throw new ListError(read.countProblem);
		return { records: read.records, moves, requests: answers.length + probes };
	};
	// One page is one snapshot: nothing can move between pages.
	if (read.pages.length === 1 || read.records.length === checks.limit) return attempt([]);
	// Without an updated window, or ids to match changed records with, only the counts tell.
	if (!checks.tracked || !read.records.every(hasId)) return attempt(countsMoved(counts));
	const [since, begun] = [changesSince(answers[0]), takenBefore(answers[0])];
	const output = new Map(read.records.map((record) => [idOf(record), record]));
	const order = orderIn(read.pages, qs, checks.idField);
	// Unfiltered, oldest first: a change keeps a record listed and in place, a new one comes last
	// (read, if it came before the last page). Only a record gone from the lists shifts the pages,
	// and AutoLeap's counts tell that without asking which records changed.
	const probed =
		order.known && !order.key && !order.descending && !filtersBeyond(qs, since)
			? createdIn(output, since, checks.createdAt)
			: await changedSince(get, qs, since, { idOf, updatedAt: checks.updatedAt });
	if ('overflow' in probed)
		return { ...attempt([probed.overflow], probed.requests), overflowed: true };
	if ('ignored' in probed) return attempt(countsMoved(counts), probed.requests);
	const lastTaken = takenAfter(answers[answers.length - 1]);
	const moves = movesOf({ output, order, counts, since, begun, lastTaken, ...probed }, checks);
	// Pages that hold more or fewer records than AutoLeap counts, by more than the changes explain.
	const off = Math.abs(read.records.length - (counts.last ?? read.records.length));
	if (moves.length === 0 && off <= probed.changed.size) read.countProblem = undefined;
	return attempt(moves, probed.requests);
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
