import type { IDataObject } from 'n8n-workflow';

import { isSeen, startState, versionOf, windowStart } from '../../nodes/AutoLeapTrigger/cursor';
import type { CursorState } from '../../nodes/AutoLeapTrigger/cursor';
import {
	ANSWER_REACH_MS,
	findLatest,
	outsideOf,
	readWindow,
	splitRange,
} from '../../nodes/AutoLeapTrigger/slices';
import type { FetchSlice } from '../../nodes/AutoLeapTrigger/slices';
import {
	AUTOLEAP_DATE_TIME,
	autoLeapEndBound,
	autoLeapStartBound,
} from '../../nodes/shared/autoleap/dates';

const T0 = Date.parse('2025-06-02T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const keyOf = (record: IDataObject) => versionOf(record, 'id', 'updatedDate');

type Reading = 'second' | 'instant';

/**
 * An in-memory list endpoint behind the trigger's request: the slice goes out as AutoLeap's
 * whole-second bounds (start rounded down, end up, as the node sends it; anything else throws),
 * AutoLeap reads the end bound as its whole second or as the instant, answers in id order (not
 * time order), pages of 100. `log` gets [start, end, page] of every slice asked for.
 */
function fakeList(
	rows: IDataObject[],
	log: Array<[number, number, number]> = [],
	reading: Reading = 'second',
): FetchSlice {
	return async (start, end, page) => {
		log.push([start, end, page]);
		const [from, to] = [autoLeapStartBound(start), autoLeapEndBound(end)];
		if (!AUTOLEAP_DATE_TIME.test(from) || !AUTOLEAP_DATE_TIME.test(to))
			throw new Error(`400: ${from}..${to}`);
		const lo = Date.parse(from);
		const hi = Date.parse(to) + (reading === 'second' ? 999 : 0);
		const hits = rows.filter((r) => {
			const t = Date.parse(String(r.updatedDate));
			return t >= lo && t <= hi;
		});
		const records = hits.slice((page - 1) * 100, page * 100).map((r) => ({ ...r }));
		return { records, last: page * 100 >= hits.length, totalCount: hits.length };
	};
}

/** Whether [start, end] is whole seconds: from a second's first ms to one's last. */
const wholeSeconds = ([start, end]: [number, number, number]) =>
	start % 1000 === 0 && (end + 1) % 1000 === 0;

describe('time slices', () => {
	it('splits at a second boundary into an earlier and a later half; a single second cannot be split', () => {
		const S = (a: number, b: number) => [T0 + a * 1000, T0 + b * 1000 + 999];
		expect(splitRange(T0, T0 + 9_999)).toEqual([S(0, 4), S(5, 9)]);
		expect(splitRange(T0 + 5_000, T0 + 6_999)).toEqual([S(5, 5), S(6, 6)]);
		expect(splitRange(T0 + 5_000, T0 + 5_999)).toBeUndefined();
	});

	it('gives a dense second a slice of its own, keeping the parts in ascending order', () => {
		const S = (a: number, b: number) => [T0 + a * 1000, T0 + b * 1000 + 999];
		expect(splitRange(T0, T0 + 9_999, T0 + 4_123)).toEqual([S(0, 3), S(4, 4), S(5, 9)]);
		expect(splitRange(T0, T0 + 9_999, T0 + 17)).toEqual([S(0, 0), S(1, 9)]);
		expect(splitRange(T0, T0 + 9_999, T0 + 9_999)).toEqual([S(0, 8), S(9, 9)]);
		// The second just past the range (the answer reached into it): the last second alone carries it.
		expect(splitRange(T0, T0 + 9_999, T0 + 10_500)).toEqual([S(0, 8), S(9, 9)]);
		// A hint further away is ignored.
		expect(splitRange(T0, T0 + 9_999, T0 + 42_000)).toEqual([S(0, 4), S(5, 9)]);
	});

	const options = { maxRequests: 50, keyOf, now: () => T0 + 1e6, serverStamped: true };

	it.each<Reading>(['second', 'instant'])(
		'reads a small window in one request, in whole seconds (end bound read as the %s)',
		async (reading) => {
			const log: Array<[number, number, number]> = [];
			const rows = [0, 1, 2, 3].map((i) => ({ id: i, updatedDate: iso(T0 + 3 + 10 * i) }));
			const result = await readWindow(fakeList(rows, log, reading), T0 + 7, T0 + 1000, options);
			expect(log).toEqual([[T0, T0 + 1999, 1]]);
			// Read from T0+7 on: what lies below it in its second was read before.
			expect(result.versions.map((v) => v.record.id)).toEqual([1, 2, 3]);
			expect(result.slices).toHaveLength(1);
			expect(result.stopped).toBe(false);
		},
	);

	it.each<Reading>(['second', 'instant'])(
		'splits a full window at whole seconds and reads each version once, in ascending time (end bound read as the %s)',
		async (reading) => {
			const log: Array<[number, number, number]> = [];
			// 250 records at odd milliseconds, inserted newest first so id order is the reverse of time order.
			const rows = Array.from({ length: 250 }, (_, i) => ({
				id: i,
				updatedDate: iso(T0 + (250 - i) * 700 + 13),
			}));
			const result = await readWindow(fakeList(rows, log, reading), T0, T0 + 300_000, options);
			expect(log.every(wholeSeconds)).toBe(true);
			expect(log.every(([, , page]) => page === 1)).toBe(true);
			expect(result.versions.map((v) => v.record.id).sort((a, b) => Number(a) - Number(b))).toEqual(
				rows.map((r) => r.id),
			);
			const times = result.versions.map((v) => v.time);
			expect(times).toEqual([...times].sort((a, b) => a - b));
			result.slices.forEach((s, i) => i > 0 && expect(s.start).toBe(result.slices[i - 1].end + 1));
			expect(result.slices[0].start).toBe(T0);
			expect(result.slices[result.slices.length - 1].end).toBe(T0 + 300_999);
		},
	);

	it('pages a second with more than 100 records until its total holds still', async () => {
		const log: Array<[number, number, number]> = [];
		const rows = Array.from({ length: 230 }, (_, i) => ({
			id: i,
			updatedDate: iso(T0 + 1 + i * 4),
		}));
		const list = fakeList(rows, log, 'instant');
		let moved = false;
		// One record leaves the second while page 2 is being read, shifting the later pages.
		const fetch: FetchSlice = async (start, end, page) => {
			const answer = await list(start, end, page);
			if (page === 2 && !moved) {
				moved = true;
				rows[0].updatedDate = iso(T0 + 5_000);
			}
			return answer;
		};
		const result = await readWindow(fetch, T0, T0 + 999, options);
		expect(result.stopped).toBe(false);
		expect(new Set(result.versions.map((v) => v.record.id)).size).toBe(230);
		expect(log.every(([start, end]) => start === T0 && end === T0 + 999)).toBe(true);
		expect(log.filter(([, , page]) => page === 1).length).toBeGreaterThanOrEqual(2);
	});

	const bulk = () => [
		// A bulk import: 150 records over one second, at distinct milliseconds (none at .000).
		...Array.from({ length: 150 }, (_, i) => ({ id: i, updatedDate: iso(T0 + 40_001 + i * 6) })),
		...Array.from({ length: 30 }, (_, i) => ({
			id: 200 + i,
			updatedDate: iso(T0 + i * 1000 + 500),
		})),
	];

	it('isolates a dense second without halving down to it (end bound read as the instant)', async () => {
		const log: Array<[number, number, number]> = [];
		const result = await readWindow(fakeList(bulk(), log, 'instant'), T0, T0 + 3_599_999, options);
		expect(result.versions).toHaveLength(180);
		// Whole window, then [T0, D−1], [D, D] pages 1–2, [D+1, end].
		expect(log).toEqual([
			[T0, T0 + 3_599_999, 1],
			[T0, T0 + 39_999, 1],
			[T0 + 40_000, T0 + 40_999, 1],
			[T0 + 40_000, T0 + 40_999, 2],
			[T0 + 41_000, T0 + 3_599_999, 1],
		]);
	});

	it('reads a dense second whole also when every end bound carries the next second along', async () => {
		const log: Array<[number, number, number]> = [];
		const result = await readWindow(fakeList(bulk(), log, 'second'), T0, T0 + 3_599_999, options);
		expect(result.versions).toHaveLength(180);
		expect(new Set(result.versions.map((v) => v.key)).size).toBe(180);
		expect(log.every(wholeSeconds)).toBe(true);
		// [T0, D−1] carries D: its last second is split off at once, and paged with D (2 pages), then D itself.
		expect(log).toEqual([
			[T0, T0 + 3_599_999, 1],
			[T0, T0 + 39_999, 1],
			[T0, T0 + 38_999, 1],
			[T0 + 39_000, T0 + 39_999, 1],
			[T0 + 39_000, T0 + 39_999, 2],
			[T0 + 40_000, T0 + 40_999, 1],
			[T0 + 40_000, T0 + 40_999, 2],
			[T0 + 41_000, T0 + 3_599_999, 1],
		]);
	});

	it('keeps only what lies in each slice, so a record the answer reached past its slice comes once', async () => {
		// Whole-second stamps: every end bound, read either way, carries the next second along.
		const rows = Array.from({ length: 120 }, (_, i) => ({
			id: i,
			updatedDate: iso(T0 + Math.floor(i / 2) * 1000),
		}));
		for (const reading of ['second', 'instant'] as Reading[]) {
			const log: Array<[number, number, number]> = [];
			const result = await readWindow(fakeList(rows, log, reading), T0, T0 + 59_999, options);
			expect(log.length).toBeGreaterThan(1);
			expect(result.versions.map((v) => v.record.id).sort((a, b) => Number(a) - Number(b))).toEqual(
				rows.map((r) => r.id),
			);
			for (const v of result.versions) {
				const slice = result.slices.find((s) => v.time >= s.start && v.time <= s.end);
				expect(slice).toBeDefined();
			}
		}
	});

	it('remembers a record without a time until reads start past what its answer reached', async () => {
		const rows = [{ id: 'x', name: 'untimed' }];
		// Both slices' answers hold the untimed record; it is read once.
		const fetch: FetchSlice = async () => ({
			records: rows.map((r) => ({ ...r })),
			last: true,
			totalCount: 1,
		});
		const twoSlices: FetchSlice = async (start, end, page) =>
			start === T0 && end === T0 + 9_999 ? { records: [], last: false } : fetch(start, end, page);
		const result = await readWindow(twoSlices, T0, T0 + 9_999, options);
		expect(result.slices).toHaveLength(2);
		expect(result.versions).toHaveLength(1);
		expect(result.untimed).toBe(true);
		// The first slice ends at T0+4.999, sent as T0+5, which may cover through T0+5.999.
		expect(result.versions[0].time).toBe(T0 + 5_999);
	});

	it('continues a state stored by the millisecond version: nothing below its window start comes again, nothing above it is lost', async () => {
		// The millisecond version read through T0+4.299 (and emitted a, b); c at 4.300 is remembered, d was not read yet.
		const rows = [
			{ id: 'a', updatedDate: iso(T0 + 4_100) },
			{ id: 'b', updatedDate: iso(T0 + 4_299) },
			{ id: 'c', updatedDate: iso(T0 + 4_300) },
			{ id: 'd', updatedDate: iso(T0 + 4_800) },
		];
		const state: CursorState = {
			...startState('s', T0),
			readThrough: T0 + 4_299,
			seen: { [keyOf(rows[2]).key]: T0 + 4_300 },
		};
		const log: Array<[number, number, number]> = [];
		const result = await readWindow(fakeList(rows, log), windowStart(state), T0 + 9_999, options);
		expect(log.every(wholeSeconds)).toBe(true);
		expect(log[0][0]).toBe(T0 + 4_000);
		const fresh = result.versions.filter((v) => !isSeen(state, v.key)).map((v) => v.record.id);
		expect(fresh).toEqual(['d']);
	});

	it('stops starting slices at the request cap, keeping only complete slices', async () => {
		const rows = Array.from({ length: 2000 }, (_, i) => ({
			id: i,
			updatedDate: iso(T0 + i * 100),
		}));
		const result = await readWindow(fakeList(rows), T0, T0 + 200_000, {
			...options,
			maxRequests: 10,
		});
		expect(result.stopped).toBe(true);
		expect(result.requests).toBe(10);
		const last = result.slices[result.slices.length - 1];
		expect(last.end).toBeLessThan(T0 + 200_000);
		expect(result.versions.every((v) => v.time <= last.end)).toBe(true);
		expect(result.versions.length).toBe(
			rows.filter((r) => Date.parse(r.updatedDate) <= last.end).length,
		);
	});

	it('finds the newest record by searching later halves first', async () => {
		const rows = Array.from({ length: 500 }, (_, i) => ({
			id: i,
			updatedDate: iso(T0 + ((i * 7919) % 500) * 1000 + 250),
		}));
		const log: Array<[number, number, number]> = [];
		const { latest } = await findLatest(fakeList(rows, log), T0, T0 + 1e6, keyOf);
		expect(latest?.updatedDate).toBe(iso(T0 + 499_250));
		expect(log.every(wholeSeconds)).toBe(true);
		expect(await findLatest(fakeList([]), T0, T0 + 1e6, keyOf)).toEqual({});
	});

	it('ends a read at the first answer that holds a record its window could not: AutoLeap ignored the filter', async () => {
		const S = T0 + 40_000;
		const E = T0 + 49_999;
		const at = (ms: number) => [{ id: 'x', updatedDate: iso(ms) }];
		// The start rounded down to its second and an end bound read as its whole second are AutoLeap's right.
		expect(outsideOf(at(S), S + 300, E, keyOf)).toBeUndefined();
		expect(outsideOf(at(E + ANSWER_REACH_MS), S, E, keyOf)).toBeUndefined();
		expect(outsideOf([{ id: 'untimed' }], S, E, keyOf)).toBeUndefined();
		expect(outsideOf(at(S - 1), S, E, keyOf)).toEqual({ start: S, end: E, time: S - 1 });
		expect(outsideOf(at(E + ANSWER_REACH_MS + 1), S, E, keyOf)?.time).toBe(E + 1_001);

		// A list that ignores the window: every request answers the whole list, 100 at a time.
		const rows = Array.from({ length: 367 }, (_, i) => ({
			id: i,
			updatedDate: iso(T0 - 86_400_000 * (i % 90) + 7),
		}));
		const log: Array<[number, number, number]> = [];
		const ignoring: FetchSlice = async (start, end, page) => {
			log.push([start, end, page]);
			return {
				records: rows.slice((page - 1) * 100, page * 100),
				last: page * 100 >= rows.length,
				totalCount: rows.length,
			};
		};
		const result = await readWindow(ignoring, S, E, options);
		expect(log).toHaveLength(1);
		expect(result).toMatchObject({ stopped: true, versions: [], slices: [], requests: 1 });
		expect(result.outside).toMatchObject({ start: S, end: E });
		expect((await findLatest(ignoring, S, E, keyOf)).outside).toMatchObject({ start: S });
	});

	it('counts each answer’s Date as AutoLeap’s clock at arrival, through the skew only', async () => {
		const rows = [{ id: 1, updatedDate: iso(T0 + 2_500) }];
		const list = fakeList(rows);
		const dated: FetchSlice = async (...args) => ({
			...(await list(...args)),
			serverTime: T0 + 9_000,
		});
		const result = await readWindow(dated, T0, T0 + 9_999, { ...options, now: () => T0 + 8_400 });
		expect(result.observations).toEqual([
			{ time: T0 + 9_000, receivedAt: T0 + 8_400 },
			{ time: T0 + 2_500, receivedAt: T0 + 8_400 },
		]);
		expect(result.slices[0].seenMaxTime).toBe(T0 + 2_500);
	});

	it('keeps to the request cap inside a second too, once a slice is complete; the first one always finishes', async () => {
		// 30 records over 40 seconds, then 250 in second 40 (a bulk import): pages 1–3 of that second.
		const rows = [
			...Array.from({ length: 30 }, (_, i) => ({ id: i, updatedDate: iso(T0 + i * 1_300) })),
			...Array.from({ length: 250 }, (_, i) => ({
				id: 100 + i,
				updatedDate: iso(T0 + 40_001 + i * 3),
			})),
		];
		const log: Array<[number, number, number]> = [];
		const capped = await readWindow(fakeList(rows, log, 'instant'), T0, T0 + 59_999, {
			...options,
			maxRequests: 3,
		});
		// Whole window, [0, 39], then second 40's page 1: the cap; its pages 2–3 wait for the next poll.
		expect(log).toEqual([
			[T0, T0 + 59_999, 1],
			[T0, T0 + 39_999, 1],
			[T0 + 40_000, T0 + 40_999, 1],
		]);
		expect(capped).toMatchObject({ stopped: true, requests: 3 });
		expect(capped.slices.map((s) => s.end)).toEqual([T0 + 39_999]);
		// The next poll starts at second 40: it is the first slice, and is read whole past the cap.
		const next = await readWindow(fakeList(rows, [], 'instant'), T0 + 40_000, T0 + 59_999, {
			...options,
			maxRequests: 3,
		});
		expect(next.slices[0]).toMatchObject({ start: T0 + 40_000, end: T0 + 40_999 });
		expect(next.versions.filter((v) => Number(v.record.id) >= 100)).toHaveLength(250);
		expect(next.requests).toBe(4);
	});
});
