import type { IDataObject } from 'n8n-workflow';

import {
	advance,
	contentHash,
	isSeen,
	learnSkew,
	loadState,
	MAX_KEYS,
	provenThrough,
	prune,
	splitRange,
	startState,
	versionOf,
	windowStart,
} from '../../nodes/AutoLeapTrigger/cursor';
import type { CursorState } from '../../nodes/AutoLeapTrigger/cursor';
import { findLatest, readWindow } from '../../nodes/AutoLeapTrigger/slices';
import type { FetchSlice } from '../../nodes/AutoLeapTrigger/slices';

const T0 = Date.parse('2025-06-02T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const keyOf = (record: IDataObject) => versionOf(record, 'id', 'updatedDate');

/** An in-memory list endpoint: inclusive window, id order (not time order), pages of `size`. */
function fakeList(rows: IDataObject[], log: Array<[number, number, number]> = []): FetchSlice {
	return async (start, end, page) => {
		log.push([start, end, page]);
		const hits = rows.filter((r) => {
			const t = Date.parse(String(r.updatedDate));
			return t >= start && t <= end;
		});
		const records = hits.slice((page - 1) * 100, page * 100).map((r) => ({ ...r }));
		return { records, last: page * 100 >= hits.length, totalCount: hits.length };
	};
}

describe('version keys', () => {
	it('keys a record by id and time, whatever the spelling of the instant', () => {
		const a = versionOf({ id: 7, updatedDate: '2025-06-02T12:00:00Z' }, 'id', 'updatedDate');
		const b = versionOf({ id: '7', updatedDate: '2025-06-02T12:00:00.000Z', other: 1 }, 'id', 'updatedDate');
		expect(a).toEqual({ key: `7@${T0}`, time: T0 });
		expect(b.key).toBe(a.key);
		expect(versionOf({ id: 7, updatedDate: iso(T0 + 1) }, 'id', 'updatedDate').key).not.toBe(a.key);
	});

	it('falls back to a content hash when the record has no time', () => {
		const a = versionOf({ id: 7, name: 'x', tags: { b: 1, a: 2 } }, 'id', 'updatedDate');
		const b = versionOf({ tags: { a: 2, b: 1 }, name: 'x', id: 7 }, 'id', 'updatedDate');
		const c = versionOf({ id: 7, name: 'y', tags: { a: 2, b: 1 } }, 'id', 'updatedDate');
		expect(a.time).toBeUndefined();
		expect(a.key).toBe(b.key);
		expect(a.key).toMatch(/^7#[0-9a-f]{24}$/);
		expect(c.key).not.toBe(a.key);
		expect(contentHash([1, { a: null }])).toBe(contentHash([1, { a: null }]));
	});
});

describe('state', () => {
	it('starts at the start point and reads from there', () => {
		const state = startState('s', T0);
		expect(windowStart(state)).toBe(T0);
		expect(loadState(JSON.parse(JSON.stringify(state)), 's')).toEqual(state);
		expect(loadState(state, 'other settings')).toBeUndefined();
		expect(loadState({ version: 1, settings: 's' }, 's')).toBeUndefined();
	});

	it('proves a slice only as far as AutoLeap’s clock is past it by the overlap', () => {
		const slices = [
			{ start: T0, end: T0 + 999, sentAt: 0, seenMaxTime: T0 + 10_000 },
			{ start: T0 + 1000, end: T0 + 9_999, sentAt: 0, seenMaxTime: T0 + 10_000 },
		];
		// Server at ≥ T0+10s, overlap 5s: the first slice is proven, the second below T0+5s.
		expect(provenThrough(T0, slices, 5_000, undefined)).toBe(T0 + 4_999);
		// The poller's clock counts only through the learned skew.
		expect(provenThrough(T0, slices, 5_000, T0 + 20_000)).toBe(T0 + 9_999);
		expect(provenThrough(T0, [{ start: T0, end: T0 + 5, sentAt: 0 }], 5_000, undefined)).toBe(T0 - 1);
	});

	it('learns the skew from the newest record relative to its arrival', () => {
		expect(learnSkew(undefined, [])).toBeUndefined();
		expect(learnSkew(undefined, [{ time: 100, receivedAt: 150 }, { time: 140, receivedAt: 160 }])).toBe(-20);
		expect(learnSkew(-5, [{ time: 100, receivedAt: 150 }])).toBe(-5);
	});

	it('advances from server times, never backwards, and remembers only what can be read again', () => {
		const state = startState('s', T0);
		const next = advance(state, {
			from: T0,
			slices: [{ start: T0, end: T0 + 60_000, sentAt: 1, seenMaxTime: T0 + 30_000 }],
			versions: [
				{ key: 'a', time: T0 + 1_000 },
				{ key: 'b', time: T0 + 29_000 },
				{ key: 'c', time: T0 + 30_000 },
			],
			observations: [{ time: T0 + 30_000, receivedAt: 2 }],
			untimed: false,
			overlapMs: 5_000,
		});
		expect(next.readThrough).toBe(T0 + 24_999);
		expect(next.skew).toBe(T0 + 30_000 - 2);
		expect(Object.keys(next.seen).sort()).toEqual(['b', 'c']);
		expect(isSeen(next, 'b')).toBe(true);
		expect(isSeen(next, 'a')).toBe(false);
		// An empty later poll proves nothing new but does not move back.
		const again = advance(next, { from: windowStart(next), slices: [], versions: [], observations: [], untimed: false, overlapMs: 5_000 });
		expect(again.readThrough).toBe(next.readThrough);
	});

	it('uses the poller clock when records carry no time', () => {
		const next = advance(startState('s', T0), {
			from: T0,
			slices: [{ start: T0, end: T0 + 60_000, sentAt: T0 + 60_000 }],
			versions: [{ key: 'x#h', time: T0 + 60_000 }],
			observations: [],
			untimed: true,
			overlapMs: 5_000,
		});
		expect(next.readThrough).toBe(T0 + 54_999);
		expect(next.untimed).toBe(true);
		expect(next.seen).toEqual({ 'x#h': T0 + 60_000 });
	});

	it('bounds the remembered versions by dropping whole oldest instants and raising the floor past them', () => {
		const state: CursorState = { ...startState('s', T0), seen: { a1: T0 + 1, a2: T0 + 1, b: T0 + 2, c1: T0 + 3, c2: T0 + 3 } };
		const bounded = prune(state, 3);
		expect(bounded.seen).toEqual({ b: T0 + 2, c1: T0 + 3, c2: T0 + 3 });
		expect(windowStart(bounded)).toBe(T0 + 2);
		// Dropping must not split an instant: a cut inside instant c drops all of c.
		const tight = prune(state, 1);
		expect(tight.seen).toEqual({});
		expect(windowStart(tight)).toBe(T0 + 4);
		expect(MAX_KEYS).toBe(5_000);
	});
});

describe('time slices', () => {
	it('splits at millisecond precision into an earlier and a later half', () => {
		expect(splitRange(0, 9)).toEqual([
			[0, 4],
			[5, 9],
		]);
		expect(splitRange(5, 6)).toEqual([
			[5, 5],
			[6, 6],
		]);
		expect(splitRange(5, 5)).toBeUndefined();
	});

	it('gives a dense instant a slice of its own, keeping the parts in ascending order', () => {
		expect(splitRange(0, 9, 4)).toEqual([
			[0, 3],
			[4, 4],
			[5, 9],
		]);
		expect(splitRange(0, 9, 0)).toEqual([
			[0, 0],
			[1, 9],
		]);
		expect(splitRange(0, 9, 9)).toEqual([
			[0, 8],
			[9, 9],
		]);
		// A hint outside the range is ignored.
		expect(splitRange(0, 9, 42)).toEqual([
			[0, 4],
			[5, 9],
		]);
	});

	const options = { maxRequests: 50, keyOf, now: () => T0 + 1e6, serverStamped: true };

	it('reads a small window in one request', async () => {
		const log: Array<[number, number, number]> = [];
		const rows = [1, 2, 3].map((i) => ({ id: i, updatedDate: iso(T0 + 10 * i) }));
		const result = await readWindow(fakeList(rows, log), T0, T0 + 1000, options);
		expect(log).toEqual([[T0, T0 + 1000, 1]]);
		expect(result.versions.map((v) => v.record.id)).toEqual([1, 2, 3]);
		expect(result.slices).toHaveLength(1);
		expect(result.stopped).toBe(false);
	});

	it('splits a full window and consumes slices in ascending time order, never page 2 of a range', async () => {
		const log: Array<[number, number, number]> = [];
		// 250 records, inserted newest first so id order is the reverse of time order.
		const rows = Array.from({ length: 250 }, (_, i) => ({ id: i, updatedDate: iso(T0 + (250 - i) * 1000) }));
		const result = await readWindow(fakeList(rows, log), T0, T0 + 300_000, options);
		expect(log.every(([, , page]) => page === 1)).toBe(true);
		expect(result.versions).toHaveLength(250);
		const times = result.versions.map((v) => v.time);
		expect(times).toEqual([...times].sort((a, b) => a - b));
		const starts = result.slices.map((s) => s.start);
		expect(starts[0]).toBe(T0);
		result.slices.forEach((s, i) => i > 0 && expect(s.start).toBe(result.slices[i - 1].end + 1));
		expect(result.slices[result.slices.length - 1].end).toBe(T0 + 300_000);
	});

	it('pages an instant with more than 100 records until its total holds still', async () => {
		const log: Array<[number, number, number]> = [];
		const rows = Array.from({ length: 230 }, (_, i) => ({ id: i, updatedDate: iso(T0) }));
		const list = fakeList(rows, log);
		let moved = false;
		// One record leaves the instant while page 2 is being read, shifting the later pages.
		const fetch: FetchSlice = async (start, end, page) => {
			const answer = await list(start, end, page);
			if (start === end && page === 2 && !moved) {
				moved = true;
				rows[0].updatedDate = iso(T0 + 5);
			}
			return answer;
		};
		const result = await readWindow(fetch, T0, T0, options);
		expect(result.stopped).toBe(false);
		expect(new Set(result.versions.map((v) => v.record.id)).size).toBe(230);
		expect(log.filter(([, , page]) => page === 1).length).toBeGreaterThanOrEqual(2);
	});

	it('isolates an instant holding a bulk of records without halving down to it', async () => {
		const log: Array<[number, number, number]> = [];
		const rows = [
			...Array.from({ length: 150 }, (_, i) => ({ id: i, updatedDate: iso(T0 + 40_000) })),
			...Array.from({ length: 30 }, (_, i) => ({ id: 200 + i, updatedDate: iso(T0 + i * 1000) })),
		];
		const result = await readWindow(fakeList(rows, log), T0, T0 + 3_600_000, options);
		expect(result.versions).toHaveLength(180);
		// Whole window, then [T0, T], [T, T] pages 1–2, [T+1, end].
		expect(log).toEqual([
			[T0, T0 + 3_600_000, 1],
			[T0, T0 + 39_999, 1],
			[T0 + 40_000, T0 + 40_000, 1],
			[T0 + 40_000, T0 + 40_000, 2],
			[T0 + 40_001, T0 + 3_600_000, 1],
		]);
	});

	it('stops starting slices at the request cap, keeping only complete slices', async () => {
		const rows = Array.from({ length: 2000 }, (_, i) => ({ id: i, updatedDate: iso(T0 + i * 100) }));
		const result = await readWindow(fakeList(rows), T0, T0 + 200_000, { ...options, maxRequests: 10 });
		expect(result.stopped).toBe(true);
		expect(result.requests).toBe(10);
		const last = result.slices[result.slices.length - 1];
		expect(last.end).toBeLessThan(T0 + 200_000);
		expect(result.versions.every((v) => v.time <= last.end)).toBe(true);
		expect(result.versions.length).toBe(rows.filter((r) => Date.parse(r.updatedDate) <= last.end).length);
	});

	it('finds the newest record by searching later halves first', async () => {
		const rows = Array.from({ length: 500 }, (_, i) => ({ id: i, updatedDate: iso(T0 + ((i * 7919) % 500) * 1000) }));
		const latest = await findLatest(fakeList(rows), T0, T0 + 1e6, keyOf);
		expect(latest?.updatedDate).toBe(iso(T0 + 499_000));
		expect(await findLatest(fakeList([]), T0, T0 + 1e6, keyOf)).toBeUndefined();
	});
});
