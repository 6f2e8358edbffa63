import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { autoLeapEndBound, autoLeapStartBound } from '../shared/autoleap/dates';
import { readPage } from '../shared/autoleap/client';
import { simplifyRecord } from '../shared/autoleap/simplify';
import type { WatchedCompany } from './companies';
import {
	advance,
	baselineHolds,
	baselineWindow,
	isSeen,
	learnSkew,
	startState,
	versionOf,
	windowEnd,
	windowStart,
} from './cursor';
import type { CursorState } from './cursor';
import { filterName } from './events';
import type { TriggerEvent } from './events';
import type { RunningPoll } from './schedule';
import type { Settings } from './settings';
import { findLatest, readWindow } from './slices';
import type { FetchSlice, Outside, ReadResult } from './slices';

/** One shop's part of a poll: read its window since its cursor, say what is new, move its cursor. */

/** "Fetch test event" searches back to here when no start date is set… */
const EARLIEST = Date.UTC(2000, 0, 1);
/** …and up to a day past n8n's clock, which AutoLeap's may be ahead of (later times are empty). */
const DAY_MS = 86_400_000;

/**
 * One list request for one time slice of one company, in AutoLeap's documented
 * `YYYY-MM-DDThh:mm:ssZ`: the start rounded down and the end up, so the answer holds the whole
 * slice whichever way AutoLeap reads an end bound (readWindow drops what lies past it).
 */
function sliceFetcher(ctx: IPollFunctions, { event, qs }: Settings, companyId: string): FetchSlice {
	return async (start, end, page) => {
		return await readPage.call(
			ctx,
			{
				method: 'GET',
				path: event.path,
				companyId,
				qs: {
					...qs,
					[event.window.start]: autoLeapStartBound(start),
					[event.window.end]: autoLeapEndBound(end),
				},
			},
			page,
		);
	};
}

/** A change as the poll emits it: its item, and its time for the order across shops. */
export interface Emitted {
	time: number;
	item: INodeExecutionData;
}

/** One company's part of a poll: what it emits and the state it leaves. */
export interface CompanyPoll {
	state: CursorState;
	emitted: Emitted[];
	requests: number;
}

/** What each company's poll needs besides its state. */
export interface PollScope {
	settings: Settings;
	now: () => number;
	/** The scheduled poll's record (none for Fetch Test Event). */
	run?: RunningPoll;
}

const keyOfEvent = (event: TriggerEvent) => (record: IDataObject) =>
	versionOf(record, event.idField, event.timeField);

/** An item, saying its shop and what is out of the ordinary (README, Trigger events): `late` gives its lag. */
function itemOf(
	{ settings }: PollScope,
	company: WatchedCompany,
	record: IDataObject,
	late?: IDataObject,
): INodeExecutionData {
	const { event } = settings;
	const json = settings.simplify ? simplifyRecord(event.resource, record) : record;
	const byContent = keyOfEvent(event)(record).byContent
		? { keyedBy: 'content', missing: event.idField }
		: undefined;
	const item: IDataObject = { ...json, companyId: company.id };
	if (byContent || late) item.autoLeapTrigger = { ...byContent, ...late };
	return { json: item };
}

/** The newest matching record of one shop, for Fetch Test Event. */
export async function findTestEvent(
	this: IPollFunctions,
	scope: PollScope,
	company: WatchedCompany,
): Promise<INodeExecutionData | undefined> {
	const { event, startDate } = scope.settings;
	const fetch = sliceFetcher(this, scope.settings, company.id);
	const until = scope.now() + DAY_MS;
	const found = await findLatest(fetch, startDate ?? EARLIEST, until, keyOfEvent(event));
	if (found.outside) throw filterIgnored(this, event, found.outside);
	return found.latest && itemOf(scope, company, found.latest);
}

/** One company's window since its cursor, read with at most `maxRequests` (its share). */
export async function pollCompany(
	this: IPollFunctions,
	scope: PollScope,
	company: WatchedCompany,
	stored: CursorState | undefined,
	fingerprint: string,
	maxRequests: number,
): Promise<CompanyPoll> {
	const { settings, now, run } = scope;
	const { event, overlapMs } = settings;
	const fetch = sliceFetcher(this, settings, company.id);
	const read = async (from: number, to: number) =>
		await readWindow(fetch, from, to, {
			maxRequests,
			keyOf: keyOfEvent(event),
			now,
			serverStamped: event.serverStamped,
		});
	let state = stored;
	// "Now": the first poll reads what AutoLeap holds around its own time and remembers it as
	// seen, so activation emits no history and no later change is lost to a skewed clock.
	const baseline = !state && settings.startDate === undefined;
	let from: number;
	let result: ReadResult;
	if (baseline) {
		({ from, result } = await readBaseline(read, now, overlapMs));
	} else {
		state ??= startState(fingerprint, settings.startDate!);
		from = windowStart(state);
		// At least the second the window starts in: an answer tells AutoLeap's time again, should
		// the last skew say its clock is not there yet (n8n's clock set since, say).
		result = await read(from, Math.max(windowEnd(now(), state.skew, overlapMs), from));
	}
	if (result.outside) throw filterIgnored(this, event, result.outside);
	state ??= startState(fingerprint, from);
	const seen = state;
	const fresh = baseline ? [] : result.versions.filter((version) => !isSeen(seen, version.key));
	// Behind: polls were skipped while this one ran, or it stopped before AutoLeap's now.
	const skippedPolls = run?.skipped ?? 0;
	const serverNow = now() + (learnSkew(undefined, result.observations) ?? state.skew ?? 0);
	const lateBy = (time: number) =>
		skippedPolls > 0 || result.stopped
			? { lagSeconds: Math.round((serverNow - time) / 1000), skippedPolls }
			: undefined;
	const next = advance(state, {
		from,
		slices: result.slices,
		versions: result.versions.map(({ key, time }) => ({ key, time })),
		observations: result.observations,
		untimed: result.untimed || !event.serverStamped,
		overlapMs,
		stopped: result.stopped,
	});
	// Versions come slice by slice in ascending time, each slice sorted: oldest first.
	return {
		state: next,
		emitted: fresh.map((version) => ({
			time: version.time,
			item: itemOf(scope, company, version.record, lateBy(version.time)),
		})),
		requests: result.requests,
	};
}

/**
 * The start point's read: around the poller's time first; when its answers show AutoLeap's clock
 * further off than the overlap, once more around AutoLeap's own time (one more GET).
 */
async function readBaseline(
	read: (from: number, to: number) => Promise<ReadResult>,
	now: () => number,
	overlapMs: number,
): Promise<{ from: number; result: ReadResult }> {
	const sentAt = now();
	const first = baselineWindow(sentAt, undefined, overlapMs);
	const result = await read(first.from, first.to);
	const skew = learnSkew(undefined, result.observations);
	if (result.outside || skew === undefined || baselineHolds(first, sentAt, now(), skew))
		return { from: first.from, result };
	const again = baselineWindow(now(), skew, overlapMs);
	const second = await read(again.from, again.to);
	const observations = [...result.observations, ...second.observations];
	const requests = result.requests + second.requests;
	return { from: again.from, result: { ...second, observations, requests } };
}

/** AutoLeap answered records outside the window it was asked for: it did not apply the filter. */
function filterIgnored(ctx: IPollFunctions, event: TriggerEvent, outside: Outside) {
	const at = (ms: number) => new Date(ms).toISOString();
	return new NodeOperationError(
		ctx.getNode(),
		`AutoLeap ignored the ${filterName(event)} filter for ${event.records}`,
		{
			description: `Asked for ${event.records} with ${event.timeField} from ${at(outside.start)} to ${at(outside.end)} (${event.window.start}, ${event.window.end}), AutoLeap answered one with ${at(outside.time)}. Without that filter every poll would page through all ${event.records}, so the trigger stops. Check that nothing between n8n and AutoLeap drops query parameters (the credential's URL); for ${event.records} the filter's name may be inferred (README, Trigger events).`,
		},
	);
}
