import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { autoLeapEndBound, autoLeapStartBound, startOfSecond } from '../shared/autoleap/dates';
import { readPage } from '../shared/autoleap/client';
import { simplifyRecord } from '../shared/autoleap/simplify';
import { getCompanies, getLocations } from '../shared/parameters';
import {
	advance,
	contentHash,
	isSeen,
	loadState,
	startState,
	timeOf,
	versionOf,
	windowStart,
} from './cursor';
import { DEFAULT_MAX_REQUESTS, DEFAULT_OVERLAP_SECONDS, triggerProperties } from './description';
import { eventByValue } from './events';
import type { TriggerEvent } from './events';
import { findLatest, readWindow } from './slices';
import type { FetchSlice } from './slices';

/** "Fetch test event" searches back to here when no start date is set. */
const EARLIEST = Date.UTC(2000, 0, 1);

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

/**
 * The trigger nodes whose scheduled poll is running in this process. n8n starts the next poll on
 * schedule even while the last one still runs (a poll waiting out 429s can outlast a one-minute
 * interval), and two polls over one cursor would emit the same changes twice — or, at activation,
 * both take a start point, the later one counting changes made in between as already seen. So a
 * poll that finds its node's previous poll running is skipped: the next one reads from the cursor
 * the running one leaves.
 */
const pollsRunning = new Set<string>();

/** One poll, unless this node's previous poll is still running. */
async function poll(
	this: IPollFunctions,
	now: () => number,
): Promise<INodeExecutionData[][] | null> {
	if (this.getMode() === 'manual') return await pollOnce.call(this, now);
	const key = `${this.getWorkflow().id ?? ''}|${this.getNode().name}`;
	if (pollsRunning.has(key)) return null;
	pollsRunning.add(key);
	try {
		return await pollOnce.call(this, now);
	} finally {
		pollsRunning.delete(key);
	}
}

/** One poll: read the window since the cursor, emit what is new, move the cursor. */
async function pollOnce(
	this: IPollFunctions,
	now: () => number,
): Promise<INodeExecutionData[][] | null> {
	const settings = settingsOf(this);
	const { event } = settings;
	const fetch = sliceFetcher(this, settings);
	const keyOf = (record: IDataObject) => versionOf(record, event.idField, event.timeField);
	const output = (record: IDataObject): INodeExecutionData => ({
		json: settings.simplify ? simplifyRecord(event.resource, record) : record,
	});

	// "Fetch test event": the newest matching record; the state is left alone.
	if (this.getMode() === 'manual') {
		const latest = await findLatest(
			fetch,
			settings.startDate ?? EARLIEST,
			now() + settings.overlapMs,
			keyOf,
		);
		return latest ? [[output(latest)]] : null;
	}

	const staticData = this.getWorkflowStaticData('node');
	// The company is hashed with the filters, as when it was a query parameter: stored cursors stay valid.
	const fingerprint = contentHash([
		event.value,
		{ companyId: settings.companyId, ...settings.qs },
		settings.startFrom,
		settings.startDate ?? null,
	]);
	let state = loadState(staticData.cursor, fingerprint);
	// "Now" is the only use of the poller's clock as a point in time. Its clock and AutoLeap's
	// may differ by up to the overlap, so the first poll reads what AutoLeap holds within the
	// overlap around this moment and remembers it as seen: no backfill, and no change made
	// after activation is lost to a skewed clock.
	const baseline = !state && settings.startDate === undefined;
	if (!state) state = startState(fingerprint, settings.startDate ?? now() - settings.overlapMs);

	const from = windowStart(state);
	// Up to AutoLeap's "now": the poller's clock plus what records showed AutoLeap to be ahead,
	// plus the overlap for skew not yet learned, in whole seconds. Later times are empty, and cost
	// nothing unless a window is split.
	const to = startOfSecond(now() + Math.max(0, state.skew ?? 0) + settings.overlapMs) - 1;
	if (from > to) return null;
	const read = await readWindow(fetch, from, to, {
		maxRequests: settings.maxRequests,
		keyOf,
		now,
		serverStamped: event.serverStamped,
	});
	const fresh = baseline ? [] : read.versions.filter((version) => !isSeen(state, version.key));
	staticData.cursor = advance(state, {
		from,
		slices: read.slices,
		versions: read.versions.map(({ key, time }) => ({ key, time })),
		observations: read.observations,
		untimed: read.untimed || !event.serverStamped,
		overlapMs: settings.overlapMs,
		stopped: read.stopped,
	}) as unknown as IDataObject;
	// Versions come slice by slice in ascending time, each slice sorted: oldest first.
	return fresh.length > 0 ? [fresh.map((version) => output(version.record))] : null;
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
