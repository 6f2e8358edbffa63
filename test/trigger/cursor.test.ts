import {
	advance,
	baselineHolds,
	baselineWindow,
	contentHash,
	isSeen,
	learnSkew,
	loadCursors,
	loadState,
	MAX_KEYS,
	provenThrough,
	prune,
	startState,
	storedCompanies,
	storeCursors,
	versionOf,
	windowEnd,
	windowStart,
} from '../../nodes/AutoLeapTrigger/cursor';
import type { CursorState } from '../../nodes/AutoLeapTrigger/cursor';

const T0 = Date.parse('2025-06-02T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('version keys', () => {
	it('keys a record by id and time, whatever the spelling of the instant', () => {
		const a = versionOf({ id: 7, updatedDate: '2025-06-02T12:00:00Z' }, 'id', 'updatedDate');
		const b = versionOf(
			{ id: '7', updatedDate: '2025-06-02T12:00:00.000Z', other: 1 },
			'id',
			'updatedDate',
		);
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

	it('tells records without their id field apart by content, never merging two at one instant', () => {
		const at = iso(T0 + 5);
		const a = versionOf(
			{ id: 'c1', firstName: 'Ann', updatedDate: at },
			'customerId',
			'updatedDate',
		);
		const b = versionOf(
			{ id: 'c2', firstName: 'Ann', updatedDate: at },
			'customerId',
			'updatedDate',
		);
		const again = versionOf(
			{ updatedDate: at, firstName: 'Ann', id: 'c1' },
			'customerId',
			'updatedDate',
		);
		expect(a).toMatchObject({ time: T0 + 5, byContent: true });
		expect(a.key).toMatch(new RegExp(`^~[0-9a-f]{24}@${T0 + 5}$`));
		expect(b.key).not.toBe(a.key);
		expect(again.key).toBe(a.key);
		// A record with its id is keyed as before, and says nothing more.
		expect(versionOf({ customerId: 'c1', updatedDate: at }, 'customerId', 'updatedDate')).toEqual({
			key: `c1@${T0 + 5}`,
			time: T0 + 5,
		});
	});
});

describe('clocks', () => {
	it('ends a window at AutoLeap’s time plus the overlap, in whole seconds, whichever way the clocks differ', () => {
		expect(windowEnd(T0 + 400, undefined, 5_000)).toBe(T0 + 4_999);
		expect(windowEnd(T0 + 400, 3_600_000, 5_000)).toBe(T0 + 3_604_999);
		expect(windowEnd(T0 + 400, -3_600_000, 5_000)).toBe(T0 - 3_595_001);
	});

	it('starts "Now" an overlap before AutoLeap’s time, and redoes a start read the clocks put off', () => {
		expect(baselineWindow(T0, undefined, 300_000)).toEqual({
			from: T0 - 300_000,
			to: T0 + 299_999,
		});
		const ahead = -360_000; // n8n 6 minutes ahead of AutoLeap
		expect(baselineWindow(T0, ahead, 300_000)).toEqual({
			from: T0 - 660_000,
			to: T0 - 60_001,
		});
		const first = baselineWindow(T0, undefined, 300_000);
		// Clocks a second apart (the Date's precision): the read around n8n's time holds.
		expect(baselineHolds(first, T0, T0 + 200, -1_200)).toBe(true);
		// n8n 6 min ahead: its start point lies after AutoLeap's now; changes would fall below it.
		expect(baselineHolds(first, T0, T0 + 200, ahead)).toBe(false);
		// n8n 6 min behind: the read ends before AutoLeap's now; history would come as new.
		expect(baselineHolds(first, T0, T0 + 200, 360_000)).toBe(false);
		// Within the overlap either way, with the Date's margin: holds.
		expect(baselineHolds(first, T0, T0 + 200, -299_000)).toBe(true);
		expect(baselineHolds(first, T0, T0 + 200, 297_000)).toBe(true);
	});

	it('proves with this poll’s skew: a clock set between polls does not carry an old one over', () => {
		// The last poll found AutoLeap an hour ahead; since then n8n's clock was set right.
		const state = { ...startState('s', T0), readThrough: T0 - 1, skew: 3_600_000 };
		const next = advance(state, {
			from: T0,
			slices: [{ start: T0, end: T0 + 3_599_999, sentAt: T0 + 60_000 }],
			versions: [],
			observations: [{ time: T0 + 60_000, receivedAt: T0 + 60_100 }],
			untimed: false,
			overlapMs: 5_000,
		});
		// AutoLeap was at ≥ T0+59.9 s when sent, not T0+1 h: proven through the second before
		// the one holding T0+54.9 s.
		expect(next.readThrough).toBe(T0 + 53_999);
		expect(next.skew).toBe(-100);
		// A poll whose answers told nothing keeps the last skew.
		const quiet = advance(next, { ...emptyPoll, from: windowStart(next) });
		expect(quiet.skew).toBe(-100);
	});
});

const emptyPoll = {
	from: T0,
	slices: [],
	versions: [],
	observations: [],
	untimed: false,
	overlapMs: 5_000,
};

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
		expect(provenThrough(T0, [{ start: T0, end: T0 + 5, sentAt: 0 }], 5_000, undefined)).toBe(
			T0 - 1,
		);
	});

	it('proves whole seconds only: a write in the second of S − L may still come', () => {
		// AutoLeap was at ≥ T0+10.300 (newest record), overlap 5 s: T0+5.3 − … is not a whole second.
		const slices = [{ start: T0, end: T0 + 9_999, sentAt: 0, seenMaxTime: T0 + 10_300 }];
		expect(provenThrough(T0, slices, 5_000, undefined)).toBe(T0 + 4_999);
		// From the poller clock: sent at T0+10.300 with skew 0. A record stamped to the second, T0+5,
		// may be written at T0+5.400 — after this read — so second T0+5 is not proven.
		expect(provenThrough(T0, [{ start: T0, end: T0 + 9_999, sentAt: T0 + 10_300 }], 5_000, 0)).toBe(
			T0 + 4_999,
		);
		expect(provenThrough(T0, [{ start: T0, end: T0 + 9_999, sentAt: T0 + 11_000 }], 5_000, 0)).toBe(
			T0 + 5_999,
		);
	});

	it('loads a state stored by the millisecond version as it is (same format, version 1)', () => {
		// readThrough and floor in the middle of a second, as the millisecond version left them.
		const stored = {
			version: 1,
			settings: 's',
			floor: T0 - 30_250,
			readThrough: T0 + 4_299,
			skew: -12,
			caughtUp: true,
			seen: { 'a@1748865604300': T0 + 4_300 },
		};
		const state = loadState(JSON.parse(JSON.stringify(stored)), 's');
		expect(state).toEqual(stored);
		expect(windowStart(state!)).toBe(T0 + 4_300);
	});

	it('learns the skew from the newest record relative to its arrival', () => {
		expect(learnSkew(undefined, [])).toBeUndefined();
		expect(
			learnSkew(undefined, [
				{ time: 100, receivedAt: 150 },
				{ time: 140, receivedAt: 160 },
			]),
		).toBe(-20);
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
		const again = advance(next, {
			from: windowStart(next),
			slices: [],
			versions: [],
			observations: [],
			untimed: false,
			overlapMs: 5_000,
		});
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
		const state: CursorState = {
			...startState('s', T0),
			seen: { a1: T0 + 1, a2: T0 + 1, b: T0 + 2, c1: T0 + 3, c2: T0 + 3 },
		};
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

describe('one cursor per company', () => {
	const at = (company: string, readThrough: number): CursorState => ({
		...startState(`fp-${company}`, T0),
		readThrough,
	});

	it('keeps one company’s cursor where a single-company trigger always kept it, several under their ids', () => {
		const a = at('a', T0 + 5);
		expect(storeCursors({ a }, true)).toEqual({ cursor: a });
		const b = at('b', T0 + 7);
		expect(storeCursors({ a, b }, false)).toEqual({ cursors: { a, b } });
		expect(storedCompanies({ cursors: { a, b } })).toEqual(['a', 'b']);
		expect(storedCompanies({ cursor: a })).toEqual([]);
	});

	it('keeps the places of companies not watched now that fit the settings, beside the new states', () => {
		const a = at('a', T0 + 5);
		const b = at('b', T0 + 7);
		const newA = at('a', T0 + 9);
		// b left the profile: its place stays; one that no longer fits (undefined) is dropped.
		expect(storeCursors({ a: newA }, false, { b, c: undefined })).toEqual({
			cursors: { a: newA, b },
		});
		// A kept place never overrides a company polled now.
		expect(storeCursors({ a: newA }, false, { a })).toEqual({ cursors: { a: newA } });
		// One company: just its cursor, as before several companies.
		expect(storeCursors({ a: newA }, true, { b })).toEqual({ cursor: newA });
	});

	it('gives each company the stored cursor of its settings, from either form, and none to a new one', () => {
		const a = at('a', T0 + 5);
		const b = at('b', T0 + 7);
		const fingerprints = { a: 'fp-a', b: 'fp-b', c: 'fp-c' };
		// From one company to several: the single cursor is the one of its company.
		expect(loadCursors({ cursor: a }, fingerprints)).toEqual({ a, b: undefined, c: undefined });
		expect(loadCursors({ cursors: { a, b } }, fingerprints)).toEqual({ a, b, c: undefined });
		// From several to one: that company's cursor.
		expect(loadCursors({ cursors: { a, b } }, { b: 'fp-b' })).toEqual({ b });
		// A cursor of other settings (another event, filter or start) is not this company's.
		expect(loadCursors({ cursors: { a } }, { a: 'fp-a-other-filter' })).toEqual({ a: undefined });
		expect(loadCursors({ cursors: { a: b } }, { a: 'fp-a' })).toEqual({ a: undefined });
		// Nothing stored yet, or not a record of cursors.
		expect(loadCursors({}, { a: 'fp-a' })).toEqual({ a: undefined });
		expect(loadCursors({ cursors: 'x' as never }, { a: 'fp-a' })).toEqual({ a: undefined });
	});

	it('hands out copies: moving one loaded cursor leaves the stored one as it was', () => {
		const a = { ...at('a', T0 + 5), seen: { k: T0 + 5 } };
		const stored = { cursors: { a } };
		const loaded = loadCursors(stored, { a: 'fp-a' }).a!;
		loaded.seen.other = T0 + 6;
		expect(stored.cursors.a.seen).toEqual({ k: T0 + 5 });
	});
});
