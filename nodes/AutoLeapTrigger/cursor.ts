import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { SECOND_MS, startOfSecond } from '../shared/autoleap/dates';

/**
 * The trigger's memory between polls, pure (times are passed in). Nothing is lost: all stamped
 * below `windowStart()` was read whole once AutoLeap's clock was an Overlap past it. Nothing is
 * emitted twice: a version is remembered while it can be read again (dropping keys raises the
 * floor). Times stay exact in ms, though AutoLeap is asked in whole seconds.
 */

/** The format the millisecond version stored: a stored state loads as it is. */
export const STATE_VERSION = 1;
/** At most this many remembered versions; the oldest instants are dropped first (and the floor raised). */
export const MAX_KEYS = 5_000;

export interface CursorState {
	version: number;
	/** Fingerprint of the settings (event, company, filters, start) this state belongs to. */
	settings: string;
	/** Never read below this (ms): the start point, raised when remembered versions are dropped. */
	floor: number;
	/** Every version stamped at or before this (ms) has been read. Only moves forward. */
	readThrough: number;
	/**
	 * AutoLeap's clock is at least the poller's clock plus this (ms), learned in the last poll from
	 * its answers' Date and record times (a Date S or a record stamped S came with an answer that
	 * arrived at poller time r: server ≥ S, so skew ≥ S − r). Absent until an answer told it; it
	 * lets the window follow AutoLeap's clock, the poller's serving only for durations.
	 */
	skew?: number;
	/** Whether records without a time field were seen (then the poller's clock stands in). */
	untimed?: boolean;
	/** Whether the last poll read its whole window (false after the request cap or a changing instant). */
	caughtUp?: boolean;
	/** Versions read at or above the window start: key → time (ms). */
	seen: Record<string, number>;
}

/** A fresh state: read from `startAt` (ms) on. */
export function startState(settings: string, startAt: number): CursorState {
	return { version: STATE_VERSION, settings, floor: startAt, readThrough: startAt - 1, seen: {} };
}

/** The stored state if it belongs to these settings and is well-formed, else undefined. */
export function loadState(stored: unknown, settings: string): CursorState | undefined {
	if (typeof stored !== 'object' || stored === null) return undefined;
	const state = stored as Partial<CursorState>;
	if (state.version !== STATE_VERSION || state.settings !== settings) return undefined;
	if (!Number.isFinite(state.floor) || !Number.isFinite(state.readThrough)) return undefined;
	if (typeof state.seen !== 'object' || state.seen === null) return undefined;
	return { ...(state as CursorState), seen: { ...state.seen } };
}

/**
 * The cursors as the workflow's static data holds them: a trigger watching one company keeps its
 * cursor under `cursor`, as before it could watch several; one watching several keeps one per
 * company under `cursors`. Each cursor names its company in its settings fingerprint.
 */
export interface StoredCursors {
	cursor?: unknown;
	cursors?: Record<string, unknown>;
}

/**
 * Each company's stored state, if one fits its settings (`fingerprints`: company id → fingerprint),
 * from either form: a company keeps its place when the trigger goes from one company to several
 * or back.
 */
export function loadCursors(
	stored: StoredCursors,
	fingerprints: Record<string, string>,
): Record<string, CursorState | undefined> {
	const cursors =
		typeof stored.cursors === 'object' && stored.cursors !== null ? stored.cursors : {};
	const states: Record<string, CursorState | undefined> = {};
	for (const [company, fingerprint] of Object.entries(fingerprints)) {
		states[company] =
			loadState(cursors[company], fingerprint) ?? loadState(stored.cursor, fingerprint);
	}
	return states;
}

/** The companies the static data holds a place for in its several-company form. */
export function storedCompanies(stored: StoredCursors): string[] {
	return typeof stored.cursors === 'object' && stored.cursors !== null
		? Object.keys(stored.cursors)
		: [];
}

/**
 * The static data's form after a poll: one company's state under `cursor`; several under
 * `cursors`, with the places `kept` (loaded with today's settings) of companies not watched now,
 * so a shop that leaves the profile and comes back continues where it stopped.
 */
export function storeCursors(
	states: Record<string, CursorState>,
	oneCompany: boolean,
	kept: Record<string, CursorState | undefined> = {},
): StoredCursors {
	if (oneCompany) return { cursor: Object.values(states)[0] };
	const cursors: Record<string, CursorState> = {};
	for (const [company, state] of Object.entries(kept)) if (state) cursors[company] = state;
	return { cursors: { ...cursors, ...states } };
}

/** The first instant (ms) the next read must cover. */
export function windowStart(state: CursorState): number {
	return Math.max(state.floor, state.readThrough + 1);
}

/**
 * The last instant (ms) a poll starting at poller time `now` reads: AutoLeap's time (the poller's
 * plus the skew, 0 until an answer told it) plus the overlap, less a ms of a whole second. Later
 * times are empty, and cost nothing unless a window is split.
 */
export function windowEnd(now: number, skew: number | undefined, overlapMs: number): number {
	return startOfSecond(now + (skew ?? 0) + overlapMs) - 1;
}

/**
 * The start point of "Now" and what its first poll reads, remembering it as seen: AutoLeap's
 * time at `now` less the overlap (a write becomes visible up to an overlap after its stamp)
 * through `windowEnd`. Until an answer told the skew, the poller's clock stands in.
 */
export function baselineWindow(
	now: number,
	skew: number | undefined,
	overlapMs: number,
): { from: number; to: number } {
	return { from: now + (skew ?? 0) - overlapMs, to: windowEnd(now, skew, overlapMs) };
}

/**
 * Whether a start-point read of [from, to], sent at poller time `sentAt` and done at `doneAt`,
 * holds what AutoLeap had when the trigger started, given the skew its answers told: it begins
 * no later than AutoLeap's time at sending (no later change falls below the start point) and
 * reaches past its time when done, by a margin for the Date's whole second (no earlier change is
 * left to come as new). Otherwise the clocks disagree by more than the overlap, and the read is
 * done again around AutoLeap's time.
 */
export function baselineHolds(
	window: { from: number; to: number },
	sentAt: number,
	doneAt: number,
	skew: number,
): boolean {
	return window.from <= sentAt + skew && window.to >= doneAt + skew + 2 * SECOND_MS;
}

/** Milliseconds of an ISO time, or undefined. */
export function timeOf(value: unknown): number | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? ms : undefined;
}

export interface VersionKey {
	key: string;
	/** The record's time (ms); undefined when it has none. */
	time?: number;
	/** Whether the record lacks its id field, so its content stands in for it. */
	byContent?: boolean;
}

/**
 * One version of one record: its id and time (as ms, so two spellings of one instant agree), or
 * its id and a content hash when it carries no time. A record without its id field (an AutoLeap
 * that names it otherwise) is told apart by its whole content, as Get Many does: distinct records
 * are never merged into one.
 */
export function versionOf(record: IDataObject, idField: string, timeField: string): VersionKey {
	const raw = record[idField];
	const time = timeOf(record[timeField]);
	if (raw === undefined || raw === null || raw === '') {
		const key = `~${contentHash(record)}`;
		if (time === undefined) return { key, byContent: true };
		return { key: `${key}@${time}`, time, byContent: true };
	}
	if (time !== undefined) return { key: `${String(raw)}@${time}`, time };
	return { key: `${String(raw)}#${contentHash(record)}` };
}

export function contentHash(value: unknown): string {
	return createHash('sha256').update(stableJson(value)).digest('hex').slice(0, 24);
}

/** JSON with object keys sorted, so equal content hashes equally. */
export function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.keys(value as IDataObject)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${stableJson((value as IDataObject)[k])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** One completed time slice of a poll, in ascending order. */
export interface CompletedSlice {
	start: number;
	end: number;
	/** Poller clock when the slice's first request was sent. */
	sentAt: number;
	/** The newest record time seen in this poll up to this slice's last answer. */
	seenMaxTime?: number;
}

/**
 * Up to where (ms) this poll's complete slices prove everything was read: a slice answered when
 * AutoLeap's clock was at least S shows every version stamped in a whole second before the one
 * holding S − L (older ones had time to become visible). Whole seconds, because a write in the
 * same second as S may still come: stamped S itself when AutoLeap stamps whole seconds, and
 * when S is the poller clock plus the skew, a version stamped …:05 (cut from 05.400) may be
 * written after S = 05.300; anything stamped in an earlier second was written before it. S is
 * the newest record time seen so far, or the poller clock plus the learned skew. Stops at the
 * first slice that does not prove its whole range, and never passes the last complete slice.
 */
export function provenThrough(
	from: number,
	slices: CompletedSlice[],
	overlapMs: number,
	skew: number | undefined,
): number {
	let through = from - 1;
	for (const slice of slices) {
		const serverAtLeast = Math.max(
			slice.seenMaxTime ?? -Infinity,
			skew === undefined ? -Infinity : slice.sentAt + skew,
		);
		// The last ms of the second before the one holding S − L.
		const visibleThrough = startOfSecond(serverAtLeast - overlapMs) - 1;
		if (visibleThrough >= slice.end) {
			through = slice.end;
			continue;
		}
		through = Math.max(through, visibleThrough);
		break;
	}
	return through;
}

/** The skew learned from (AutoLeap time, poller time its answer arrived) pairs. */
export function learnSkew(
	skew: number | undefined,
	observations: Array<{ time: number; receivedAt: number }>,
) {
	let learned = skew;
	for (const { time, receivedAt } of observations) {
		const candidate = time - receivedAt;
		if (learned === undefined || candidate > learned) learned = candidate;
	}
	return learned;
}

export interface PollFacts {
	from: number;
	slices: CompletedSlice[];
	/** Versions read in the complete slices (time = record time, or slice end when it has none). */
	versions: Array<{ key: string; time: number }>;
	observations: Array<{ time: number; receivedAt: number }>;
	untimed: boolean;
	overlapMs: number;
	/** Whether the read stopped before the end of its window. */
	stopped?: boolean;
}

/**
 * The state after a poll: proven range, learned skew, remembered versions (pruned and bounded).
 * The skew is this poll's own (clocks may be set between polls); a poll whose answers told
 * nothing keeps the last one, and without any the poller's clock stands in (skew 0) for
 * records that carry no time.
 */
export function advance(state: CursorState, facts: PollFacts): CursorState {
	const untimed = Boolean(state.untimed || facts.untimed);
	const learned = learnSkew(undefined, facts.observations) ?? state.skew;
	const skew = learned ?? (untimed ? 0 : undefined);
	const proven = provenThrough(facts.from, facts.slices, facts.overlapMs, skew);
	const next: CursorState = {
		...state,
		readThrough: Math.max(state.readThrough, proven),
		skew: learned,
		caughtUp: !facts.stopped,
		seen: { ...state.seen },
	};
	if (untimed) next.untimed = true;
	if (next.skew === undefined) delete next.skew;
	for (const { key, time } of facts.versions) next.seen[key] = time;
	return prune(next, MAX_KEYS);
}

/**
 * Forgets versions that can no longer be read (below the window start), then the oldest instants
 * beyond `maxKeys`. Whole instants are dropped and the floor is raised past them, so a forgotten
 * version is never read (and emitted) again.
 */
export function prune(state: CursorState, maxKeys: number): CursorState {
	const start = windowStart(state);
	const kept = Object.entries(state.seen).filter(([, time]) => time >= start);
	let floor = state.floor;
	if (kept.length > maxKeys) {
		kept.sort((a, b) => a[1] - b[1]);
		// The newest instant that must go: everything at or before it is dropped.
		const cut = kept[kept.length - maxKeys - 1][1];
		floor = Math.max(floor, cut + 1);
	}
	const seen: Record<string, number> = {};
	for (const [key, time] of kept) if (time >= floor) seen[key] = time;
	return { ...state, floor, seen };
}

/** Whether a version was already emitted. */
export function isSeen(state: CursorState, key: string): boolean {
	return Object.prototype.hasOwnProperty.call(state.seen, key);
}
