import type { IDataObject } from 'n8n-workflow';

import type { CompletedSlice } from './cursor';
import { splitRange } from './cursor';

/**
 * Complete reads of a time window whose records change while we read, by time slicing. Pure: the
 * one request function is passed in.
 *
 * AutoLeap's list order is undocumented (the sandbox answers in id order, not time order), so
 * paging through a window while records move would skip some. Instead, a slice is asked for with
 * one page of 100: when that page is the last, the single answer is an atomic, complete read of
 * the slice. Otherwise the slice is halved (to the millisecond; a time most of a full page shares,
 * i.e. a bulk write, gets a slice of its own) and the earlier part read first, so slices complete
 * in ascending time order. Only an instant holding more than 100 records is
 * paged, and then re-read until its total count holds still for a whole pass (records only leave
 * a past instant, shifting the pages).
 */

/** An instant still changing after this many full passes is left for the next poll. */
export const MAX_INSTANT_PASSES = 5;
/** A hard stop for one instant's pages. */
export const MAX_INSTANT_PAGES = 1_000;

export interface PageAnswer {
	records: IDataObject[];
	last: boolean;
	totalCount?: number;
}

export type FetchSlice = (start: number, end: number, page: number) => Promise<PageAnswer>;

export interface ReadOptions {
	/** Stop starting new slices after this many requests (at least one slice always completes). */
	maxRequests: number;
	keyOf: (record: IDataObject) => { key: string; time?: number };
	/** The poller's clock (ms). */
	now: () => number;
	/**
	 * Whether record times are AutoLeap's own stamps (update/creation time), which prove how far
	 * its clock has come. A date a user may enter (invoice, payment date) proves nothing.
	 */
	serverStamped: boolean;
}

export interface ReadVersion {
	key: string;
	/** Record time, or the end of its slice when it has none. */
	time: number;
	timed: boolean;
	record: IDataObject;
}

export interface ReadResult {
	/** Versions of the complete slices, each once, oldest first. */
	versions: ReadVersion[];
	slices: CompletedSlice[];
	observations: Array<{ time: number; receivedAt: number }>;
	requests: number;
	/** Whether the read stopped before `to` (request cap, or an instant that kept changing). */
	stopped: boolean;
	untimed: boolean;
}

export async function readWindow(fetch: FetchSlice, from: number, to: number, options: ReadOptions): Promise<ReadResult> {
	const result: ReadResult = { versions: [], slices: [], observations: [], requests: 0, stopped: false, untimed: false };
	let seenMaxTime: number | undefined;

	const ask = async (start: number, end: number, page: number) => {
		const answer = await fetch(start, end, page);
		result.requests++;
		const receivedAt = options.now();
		for (const record of answer.records) {
			const { time } = options.keyOf(record);
			if (time === undefined || !options.serverStamped) continue;
			result.observations.push({ time, receivedAt });
			if (seenMaxTime === undefined || time > seenMaxTime) seenMaxTime = time;
		}
		return answer;
	};

	const complete = (start: number, end: number, sentAt: number, records: Map<string, ReadVersion>) => {
		const ordered = [...records.values()].sort((a, b) => a.time - b.time);
		result.versions.push(...ordered);
		result.slices.push({ start, end, sentAt, seenMaxTime });
	};

	const collect = (records: IDataObject[], end: number, into: Map<string, ReadVersion>) => {
		for (const record of records) {
			const { key, time } = options.keyOf(record);
			if (time === undefined) result.untimed = true;
			into.set(key, { key, time: time ?? end, timed: time !== undefined, record });
		}
	};

	const pending: Array<[number, number]> = [[from, to]];
	while (pending.length > 0) {
		if (result.requests >= options.maxRequests && result.slices.length > 0) {
			result.stopped = true;
			break;
		}
		const [start, end] = pending.pop()!;
		const sentAt = options.now();
		const answer = await ask(start, end, 1);
		const records = new Map<string, ReadVersion>();
		if (answer.last) {
			collect(answer.records, end, records);
			complete(start, end, sentAt, records);
			continue;
		}
		const parts = splitRange(start, end, denseTime(answer.records, options.keyOf));
		if (parts) {
			// A stack: the earliest part is read first.
			pending.push(...parts.reverse());
			continue;
		}
		collect(answer.records, end, records);
		if (!(await readInstant(ask, start, answer, records, collect))) {
			result.stopped = true;
			break;
		}
		complete(start, end, sentAt, records);
	}
	return result;
}

/** A full page with this many records at one time marks a dense instant (a bulk import). */
export const DENSE_SHARE = 25;

/** The time most records of a page share, if enough of them do to mark a dense instant. */
function denseTime(records: IDataObject[], keyOf: ReadOptions['keyOf']): number | undefined {
	const counts = new Map<number, number>();
	for (const record of records) {
		const { time } = keyOf(record);
		if (time !== undefined) counts.set(time, (counts.get(time) ?? 0) + 1);
	}
	let best: number | undefined;
	let bestCount = 0;
	for (const [time, count] of counts) {
		if (count > bestCount) [best, bestCount] = [time, count];
	}
	return bestCount >= Math.min(DENSE_SHARE, records.length) ? best : undefined;
}

/** Pages through one instant until a full pass sees a steady total; false if it never does. */
async function readInstant(
	ask: (start: number, end: number, page: number) => Promise<PageAnswer>,
	instant: number,
	first: PageAnswer,
	records: Map<string, ReadVersion>,
	collect: (records: IDataObject[], end: number, into: Map<string, ReadVersion>) => void,
): Promise<boolean> {
	let answer: PageAnswer | undefined = first;
	for (let pass = 0; pass < MAX_INSTANT_PASSES; pass++) {
		const counts = new Set<number | undefined>();
		const before = records.size;
		let page = 1;
		for (; page <= MAX_INSTANT_PAGES; page++) {
			if (!answer) {
				answer = await ask(instant, instant, page);
				collect(answer.records, instant, records);
			}
			counts.add(answer.totalCount);
			const last = answer.last;
			answer = undefined;
			if (last) break;
		}
		const steadyCount = counts.size === 1 && !counts.has(undefined);
		// Without a total, a pass that found nothing new is the proof instead.
		const nothingNew = counts.has(undefined) && pass > 0 && records.size === before;
		if (page <= MAX_INSTANT_PAGES && (steadyCount || nothingNew)) return true;
	}
	return false;
}

/**
 * The newest record of a window, for "Fetch test event": slices searched later half first.
 * Returns undefined when the window holds nothing.
 */
export async function findLatest(
	fetch: FetchSlice,
	from: number,
	to: number,
	keyOf: ReadOptions['keyOf'],
): Promise<IDataObject | undefined> {
	const pending: Array<[number, number]> = [[from, to]];
	while (pending.length > 0) {
		const [start, end] = pending.pop()!;
		const answer = await fetch(start, end, 1);
		if (answer.records.length === 0) continue;
		const parts = answer.last ? undefined : splitRange(start, end, denseTime(answer.records, keyOf));
		if (parts) {
			// A stack: the latest part is searched first.
			pending.push(...parts);
			continue;
		}
		let latest = answer.records[answer.records.length - 1];
		let latestTime = keyOf(latest).time ?? -Infinity;
		for (const record of answer.records) {
			const time = keyOf(record).time ?? -Infinity;
			if (time > latestTime) [latest, latestTime] = [record, time];
		}
		return latest;
	}
	return undefined;
}
