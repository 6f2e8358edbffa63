import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { autoLeapEndBound, autoLeapStartBound } from '../shared/autoleap/dates';
import { readPage } from '../shared/autoleap/client';
import { simplifyRecord } from '../shared/autoleap/simplify';
import { getCompanies, getLocations } from '../shared/parameters';
import {
	advance,
	baselineHolds,
	baselineWindow,
	contentHash,
	isSeen,
	learnSkew,
	loadState,
	startState,
	timeOf,
	versionOf,
	windowEnd,
	windowStart,
} from './cursor';
import { DEFAULT_MAX_REQUESTS, DEFAULT_OVERLAP_SECONDS, triggerProperties } from './description';
import { eventByValue, filterName } from './events';
import type { TriggerEvent } from './events';
import { unlessRunning } from './schedule';
import type { RunningPoll } from './schedule';
import { findLatest, readWindow } from './slices';
import type { FetchSlice, Outside, ReadResult } from './slices';

/** "Fetch test event" searches back to here when no start date is set… */
const EARLIEST = Date.UTC(2000, 0, 1);
/** …and up to a day past n8n's clock, which AutoLeap's may be ahead of (later times are empty). */
const DAY_MS = 86_400_000;

interface Settings {
	event: TriggerEvent;
	companyId: string;
	qs: IDataObject;
	startFrom: string;
	startDate?: number;
	overlapMs: number;
	maxRequests: number;
	simplify: boolean;
}

function settingsOf(ctx: IPollFunctions): Settings {
	const value = ctx.getNodeParameter('event') as string;
	const event = eventByValue(value);
	if (!event) {
		throw new NodeOperationError(ctx.getNode(), `Unknown event "${value}"`, {
			description: 'Choose one of the events in the Event list.',
		});
	}
	const companyId = String(ctx.getNodeParameter('companyId'));
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const qs: IDataObject = {};
	const locationId = event.location ? String(ctx.getNodeParameter('locationId', '') ?? '') : '';
	if (locationId) qs.locationId = locationId;
	for (const filter of event.filters) {
		if (options[filter] !== undefined && options[filter] !== '') qs[filter] = options[filter];
	}
	const startFrom = ctx.getNodeParameter('startFrom', 'now') as string;
	let startDate: number | undefined;
	if (startFrom === 'date') {
		const raw = ctx.getNodeParameter('startDate', '') as string;
		startDate = timeOf(raw) ?? timeOf(`${raw}Z`);
		if (startDate === undefined) {
			throw new NodeOperationError(ctx.getNode(), `The start date "${raw}" is not a date`, {
				description: 'Pick a date and time in Start Date, or set Start From to Now.',
			});
		}
	}
	return {
		event,
		companyId,
		qs,
		startFrom,
		startDate,
		overlapMs: Math.max(0, Number(options.overlap ?? DEFAULT_OVERLAP_SECONDS)) * 1000,
		maxRequests: Math.max(1, Number(options.maxRequests ?? DEFAULT_MAX_REQUESTS)),
		simplify: ctx.getNodeParameter('simplify', true) as boolean,
	};
}

/**
 * One list request for one time slice, in AutoLeap's documented `YYYY-MM-DDThh:mm:ssZ`: the start
 * rounded down and the end up, so the answer holds the whole slice whichever way AutoLeap reads
 * an end bound (readWindow drops what lies past it).
 */
function sliceFetcher(ctx: IPollFunctions, { event, companyId, qs }: Settings): FetchSlice {
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

/** One poll, unless this node's previous poll is still running (schedule.ts). */
async function poll(
	this: IPollFunctions,
	now: () => number,
): Promise<INodeExecutionData[][] | null> {
	if (this.getMode() === 'manual') return await pollOnce.call(this, now);
	return await unlessRunning(this, now, async (run) => await pollOnce.call(this, now, run));
}

/**
 * One poll: read the window since the cursor, emit what is new, move the cursor. `run` is the
 * scheduled poll's record (none for Fetch Test Event).
 */
async function pollOnce(
	this: IPollFunctions,
	now: () => number,
	run?: RunningPoll,
): Promise<INodeExecutionData[][] | null> {
	const settings = settingsOf(this);
	const { event, overlapMs } = settings;
	const fetch = sliceFetcher(this, settings);
	const keyOf = (record: IDataObject) => versionOf(record, event.idField, event.timeField);
	/** An item, saying what is out of the ordinary (README, Trigger events): `late` gives its lag. */
	const output = (record: IDataObject, late?: IDataObject): INodeExecutionData => {
		const json = settings.simplify ? simplifyRecord(event.resource, record) : record;
		const byContent = keyOf(record).byContent
			? { keyedBy: 'content', missing: event.idField }
			: undefined;
		if (!byContent && !late) return { json };
		return { json: { ...json, autoLeapTrigger: { ...byContent, ...late } } };
	};

	// "Fetch test event": the newest matching record; the state is left alone.
	if (this.getMode() === 'manual') {
		const found = await findLatest(fetch, settings.startDate ?? EARLIEST, now() + DAY_MS, keyOf);
		if (found.outside) throw filterIgnored(this, event, found.outside);
		return found.latest ? [[output(found.latest)]] : null;
	}

	const staticData = this.getWorkflowStaticData('node');
	// The company is hashed with the filters, as when it was a query parameter: stored cursors stay valid.
	const fingerprint = contentHash([
		event.value,
		{ companyId: settings.companyId, ...settings.qs },
		settings.startFrom,
		settings.startDate ?? null,
	]);
	const read = async (from: number, to: number) =>
		await readWindow(fetch, from, to, {
			maxRequests: settings.maxRequests,
			keyOf,
			now,
			serverStamped: event.serverStamped,
		});
	let state = loadState(staticData.cursor, fingerprint);
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
	const fresh = baseline ? [] : result.versions.filter((version) => !isSeen(state, version.key));
	// Behind: polls were skipped while this one ran, or it stopped before AutoLeap's now.
	const skippedPolls = run?.skipped ?? 0;
	const serverNow = now() + (learnSkew(undefined, result.observations) ?? state.skew ?? 0);
	const lateBy = (time: number) =>
		skippedPolls > 0 || result.stopped
			? { lagSeconds: Math.round((serverNow - time) / 1000), skippedPolls }
			: undefined;
	staticData.cursor = advance(state, {
		from,
		slices: result.slices,
		versions: result.versions.map(({ key, time }) => ({ key, time })),
		observations: result.observations,
		untimed: result.untimed || !event.serverStamped,
		overlapMs,
		stopped: result.stopped,
	}) as unknown as IDataObject;
	// Versions come slice by slice in ascending time, each slice sorted: oldest first.
	if (fresh.length === 0) return null;
	return [fresh.map((version) => output(version.record, lateBy(version.time)))];
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
	return { from: again.from, result: { ...second, observations } };
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

export class AutoLeapTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AutoLeap Trigger',
		name: 'autoLeapTrigger',
		icon: { light: 'file:../../icons/autoleap.svg', dark: 'file:../../icons/autoleap.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description:
			'Starts the workflow when customers, vehicles, items, repair orders, payments or appointment requests change in AutoLeap',
		defaults: { name: 'AutoLeap Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'autoLeapApi', required: true }],
		properties: triggerProperties,
	};

	methods = {
		loadOptions: { getCompanies, getLocations },
	};

	/** n8n calls `poll` with the poll context as `this`; the clock comes from the constructor. */
	poll: (this: IPollFunctions) => Promise<INodeExecutionData[][] | null>;

	/** `now`: the poller's clock (n8n's; tests align it with the sandbox's manual clock). */
	constructor({ now = Date.now }: { now?: () => number } = {}) {
		this.poll = async function (this: IPollFunctions) {
			return await poll.call(this, now);
		};
	}
}
