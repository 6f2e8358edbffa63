import type { IDataObject } from 'n8n-workflow';

import { endOfSecond, SECOND_MS, startOfSecond } from '../shared/autoleap/dates';
import type { CompletedSlice } from './cursor';

/**
 * Complete reads of a time window whose records change while we read (pure: the request is passed
 * in). AutoLeap's list order is undocumented, so paging a moving window could skip records: a
 * slice that fits one page is read in one atomic answer, a fuller one is split at whole seconds
 * (AutoLeap's date filters) and read earlier part first; records past a slice are left to the next.
 */

/** A second still changing after this many full passes is left for the next poll. */
export const MAX_SECOND_PASSES = 5;
/** A hard stop for one second's pages. */
export const MAX_SECOND_PAGES = 1_000;
/** How far past a slice's end its answer may reach: its end is sent as the next whole second, which AutoLeap may read as that whole second. */
export const ANSWER_REACH_MS = SECOND_MS;

export interface PageAnswer {
	records: IDataObject[];
	last: boolean;
	totalCount?: number;
	/** AutoLeap's clock when it answered (the HTTP Date: whole seconds, rounded down). */
	serverTime?: number;
}

/**
 * One page of the records stamped in [start, end] (ms, whole seconds). The request sends the
 * bounds in AutoLeap's whole-second form (start rounded down, end up), so the answer may also hold
 * records up to `ANSWER_REACH_MS` past `end`.
 */
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
	/** Record time, or the last instant its slice's answer may reach when it has none. */
	time: number;
	timed: boolean;
	record: IDataObject;
}

/** A record an answer held outside the slice it was asked for: AutoLeap did not apply the time window. */
export interface Outside {
	start: number;
	end: number;
	/** The record's time (ms). */
	time: number;
}

export interface ReadResult {
	/** Versions of the complete slices, each once, oldest first. */
	versions: ReadVersion[];
	slices: CompletedSlice[];
	/** (AutoLeap's time, poller time the answer arrived): record times and the answers' Date. */
	observations: Array<{ time: number; receivedAt: number }>;
	requests: number;
	/** Whether the read stopped before `to` (request cap, or a second that kept changing). */
	stopped: boolean;
	untimed: boolean;
	/** Set when an answer ignored its window; the read stopped there. */
	outside?: Outside;
}

/**
 * The first record of an answer for [start, end] (whole seconds) that the window could not hold:
 * before the start's second, or past what the end bound reaches (`ANSWER_REACH_MS`). Such a record
 * means AutoLeap ignored the filter, and reading on would page the whole list, poll after poll.
 */
export function outsideOf(
	records: IDataObject[],
	start: number,
	end: number,
	keyOf: ReadOptions['keyOf'],
): Outside | undefined {
	for (const record of records) {
		const { time } = keyOf(record);
		if (time !== undefined && (time < startOfSecond(start) || time > end + ANSWER_REACH_MS))
			return { start, end, time };
	}
	return undefined;
}

/**
 * Reads every version stamped from `from` (ms, exact: what lies below it in its second was read
 * before and is dropped) through the end of the second holding `to`.
 */
export async function readWindow(
	fetch: FetchSlice,
	from: number,
	to: number,
	options: ReadOptions,
): Promise<ReadResult> {
	const result: ReadResult = {
		versions: [],
		slices: [],
		observations: [],
		requests: 0,
		stopped: false,
		untimed: false,
	};
	let seenMaxTime: number | undefined;
	const taken = new Set<string>();

	const ask = async (start: number, end: number, page: number) => {
		const answer = await fetch(start, end, page);
		result.requests++;
		const receivedAt = options.now();
		result.outside ??= outsideOf(answer.records, start, end, options.keyOf);
		// The Date proves AutoLeap's clock at arrival (not when the slice was read: it may have
		// turned the second in between), so it counts through the skew only.
		if (answer.serverTime !== undefined)
			result.observations.push({ time: answer.serverTime, receivedAt });
		// Every record proves AutoLeap's clock, also those outside the slice.
		for (const record of answer.records) {
			const { time } = options.keyOf(record);
			if (time === undefined || !options.serverStamped) continue;
			result.observations.push({ time, receivedAt });
			if (seenMaxTime === undefined || time > seenMaxTime) seenMaxTime = time;
		}
		return answer;
	};

	const complete = (
		start: number,
		end: number,
		sentAt: number,
		records: Map<string, ReadVersion>,
	) => {
		const ordered = [...records.values()]
			.filter((v) => !taken.has(v.key))
			.sort((a, b) => a.time - b.time);
		for (const version of ordered) taken.add(version.key);
		result.versions.push(...ordered);
		result.slices.push({ start, end, sentAt, seenMaxTime });
	};

	const collect = (
		records: IDataObject[],
		start: number,
		end: number,
		into: Map<string, ReadVersion>,
	) => {
		for (const record of records) {
			const { key, time } = options.keyOf(record);
			if (time !== undefined && (time < Math.max(start, from) || time > end)) continue;
			if (time === undefined) result.untimed = true;
			// Without a time, the record may come again until reads start past what this answer reached.
			into.set(key, {
				key,
				time: time ?? end + ANSWER_REACH_MS,
				timed: time !== undefined,
				record,
			});
		}
	};

	// The cap holds for every request once a slice is complete: the first one always finishes, so
	// each poll moves on (one second may need more pages than the cap).
	const mayAsk = () =>
		result.outside === undefined &&
		(result.requests < options.maxRequests || result.slices.length === 0);
	const pending: Array<[number, number]> = [[startOfSecond(from), endOfSecond(to)]];
	while (pending.length > 0) {
		if (!mayAsk()) {
			result.stopped = true;
			break;
		}
		const [start, end] = pending.pop()!;
		const sentAt = options.now();
		const answer = await ask(start, end, 1);
		if (result.outside) {
			result.stopped = true;
			break;
		}
		const records = new Map<string, ReadVersion>();
		if (answer.last) {
			collect(answer.records, start, end, records);
			complete(start, end, sentAt, records);
			continue;
		}
		const parts = splitRange(start, end, denseSecond(answer.records, start, end, options.keyOf));
		if (parts) {
			// A stack: the earliest part is read first.
			pending.push(...parts.reverse());
			continue;
		}
		collect(answer.records, start, end, records);
		const read = (page: number, into: Map<string, ReadVersion>) =>
			ask(start, end, page).then((next) => {
				collect(next.records, start, end, into);
				return next;
			});
		if (!(await readSecond(read, answer, records, mayAsk)) || result.outside) {
			result.stopped = true;
			break;
		}
		complete(start, end, sentAt, records);
	}
	return result;
}

/** A full page with this many records in one second marks a dense second (a bulk import). */
export const DENSE_SHARE = 25;

/**
 * The second (its first ms) most records of a page share, if enough do to mark it dense: inside
 * [start, end] or in the second the answer reached past it.
 */
function denseSecond(
	records: IDataObject[],
	start: number,
	end: number,
	keyOf: ReadOptions['keyOf'],
): number | undefined {
	const counts = new Map<number, number>();
	let inside = 0;
	for (const record of records) {
		const { time } = keyOf(record);
		if (time === undefined || time < start || time > end + ANSWER_REACH_MS) continue;
		inside++;
		const second = startOfSecond(time);
		counts.set(second, (counts.get(second) ?? 0) + 1);
	}
	let best: number | undefined;
	let bestCount = 0;
	for (const [second, count] of counts) {
		if (count > bestCount) [best, bestCount] = [second, count];
	}
	return bestCount >= Math.min(DENSE_SHARE, inside) ? best : undefined;
}

/**
 * Splits [start, end] (ms; whole seconds: start at a second's first ms, end at one's last) at a
 * second's boundary into an earlier and a later half; undefined for a single second, which
 * AutoLeap's whole-second bounds cannot divide. When a full page showed many records in one second
 * D inside the range (a dense second, e.g. a bulk import), D gets a slice of its own, which saves
 * halving down to it. When D is the second just past the range (the answer reached into it, as
 * when AutoLeap reads the end bound as its whole second), every slice ending right before D
 * carries D along, so the range's last second is split off at once to carry it alone.
 */
export function splitRange(
	start: number,
	end: number,
	denseSecond?: number,
): Array<[number, number]> | undefined {
	const first = startOfSecond(start) / SECOND_MS;
	const last = startOfSecond(end) / SECOND_MS;
	if (last <= first) return undefined;
	const slice = (a: number, b: number): [number, number] => [
		a * SECOND_MS,
		b * SECOND_MS + SECOND_MS - 1,
	];
	const dense = denseSecond === undefined ? undefined : startOfSecond(denseSecond) / SECOND_MS;
	if (dense === last + 1) return [slice(first, last - 1), slice(last, last)];
	if (dense !== undefined && dense >= first && dense <= last) {
		const parts: Array<[number, number]> = [];
		if (dense > first) parts.push(slice(first, dense - 1));
		parts.push(slice(dense, dense));
		if (dense < last) parts.push(slice(dense + 1, last));
		return parts;
	}
	const mid = first + Math.floor((last - first) / 2);
	return [slice(first, mid), slice(mid + 1, last)];
}

/**
 * Pages through one second (more than a page, e.g. a bulk import, cannot be split) until a full
 * pass sees a steady total, as records only leave a past second; false if it never does, or when
 * `mayAsk` says no more requests.
 */
async function readSecond(
	read: (page: number, into: Map<string, ReadVersion>) => Promise<PageAnswer>,
	first: PageAnswer,
	records: Map<string, ReadVersion>,
	mayAsk: () => boolean,
): Promise<boolean> {
	let answer: PageAnswer | undefined = first;
	for (let pass = 0; pass < MAX_SECOND_PASSES; pass++) {
		const counts = new Set<number | undefined>();
		const before = records.size;
		let page = 1;
		for (; page <= MAX_SECOND_PAGES; page++) {
			if (!answer && !mayAsk()) return false;
			answer ??= await read(page, records);
			counts.add(answer.totalCount);
			const last = answer.last;
			answer = undefined;
			if (last) break;
		}
		const steadyCount = counts.size === 1 && !counts.has(undefined);
		// Without a total, a pass that found nothing new is the proof instead.
		const nothingNew = counts.has(undefined) && pass > 0 && records.size === before;
		if (page <= MAX_SECOND_PAGES && (steadyCount || nothingNew)) return true;
	}
	return false;
}

/**
 * The newest record of a window, for "Fetch test event": slices searched later half first.
 * `latest` is undefined when the window holds nothing; `outside` is set when AutoLeap ignored it.
 */
export async function findLatest(
	fetch: FetchSlice,
	from: number,
	to: number,
	keyOf: ReadOptions['keyOf'],
): Promise<{ latest?: IDataObject; outside?: Outside }> {
	const pending: Array<[number, number]> = [[startOfSecond(from), endOfSecond(to)]];
	while (pending.length > 0) {
		const [start, end] = pending.pop()!;
		const answer = await fetch(start, end, 1);
		const outside = outsideOf(answer.records, start, end, keyOf);
		if (outside) return { outside };
		if (answer.records.length === 0) continue;
		const parts = answer.last
			? undefined
			: splitRange(start, end, denseSecond(answer.records, start, end, keyOf));
		if (parts) {
			// A stack: the latest part is searched first.
			pending.push(...parts);
			continue;
		}
		// Records past the slice belong to a later one, already searched.
		const inside = answer.records.filter((record) => {
			const time = keyOf(record).time;
			return time === undefined || (time >= start && time <= end);
		});
		if (inside.length === 0) continue;
		let latest = inside[inside.length - 1];
		let latestTime = keyOf(latest).time ?? -Infinity;
		for (const record of inside) {
			const time = keyOf(record).time ?? -Infinity;
			if (time > latestTime) [latest, latestTime] = [record, time];
		}
		return { latest };
	}
	return {};
}
