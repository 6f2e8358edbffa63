import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { getCompanies, getLocations } from '../shared/parameters';
import { companyError, readingOrder, shareOf, watchedCompanies } from './companies';
import { findTestEvent, pollCompany } from './companyPoll';
import type { Emitted, PollScope } from './companyPoll';
import { loadCursors, storeCursors, storedCompanies } from './cursor';
import type { CursorState, StoredCursors } from './cursor';
import { triggerProperties } from './description';
import { unlessRunning } from './schedule';
import type { RunningPoll } from './schedule';
import { fingerprintOf, settingsOf } from './settings';

/** One poll, unless this node's previous poll is still running (schedule.ts). */
async function poll(
	this: IPollFunctions,
	now: () => number,
): Promise<INodeExecutionData[][] | null> {
	if (this.getMode() === 'manual') return await pollOnce.call(this, now);
	return await unlessRunning(this, now, async (run) => await pollOnce.call(this, now, run));
}

/**
 * One poll: the shops' windows since their cursors, each shop with its share of Max Requests per
 * Poll; their changes emitted oldest first, each saying its shop. A shop's failure fails the poll
 * before any cursor moves.
 */
async function pollOnce(
	this: IPollFunctions,
	now: () => number,
	run?: RunningPoll,
): Promise<INodeExecutionData[][] | null> {
	const settings = settingsOf(this);
	const several = settings.companies !== 'one';
	const companies = await watchedCompanies(this, settings.companies);
	const scope: PollScope = { settings, now, run };

	// "Fetch test event": the newest matching record of the first shop holding one; no state moves.
	if (this.getMode() === 'manual') {
		for (const company of companies) {
			const found = await findTestEvent.call(this, scope, company).catch((error: unknown) => {
				throw companyError(this.getNode(), error, company, several);
			});
			if (found) return [[found]];
		}
		return null;
	}

	const staticData = this.getWorkflowStaticData('node');
	const fingerprints = Object.fromEntries(
		companies.map((company) => [company.id, fingerprintOf(settings, company.id)]),
	);
	const stored = loadCursors(staticData as StoredCursors, fingerprints);
	const states: Record<string, CursorState> = {};
	const emitted: Emitted[] = [];
	let requestsLeft = settings.maxRequests;
	const order = readingOrder(companies, (company) => stored[company.id]?.caughtUp === false);
	for (const [index, company] of order.entries()) {
		const share = shareOf(requestsLeft, order.length - index);
		const polled = await pollCompany
			.call(this, scope, company, stored[company.id], fingerprints[company.id], share)
			.catch((error: unknown) => {
				throw companyError(this.getNode(), error, company, several);
			});
		requestsLeft -= polled.requests;
		states[company.id] = polled.state;
		emitted.push(...polled.emitted);
	}
	// Shops not watched now (left the profile) keep their places while the settings stay the same.
	const watched = new Set(companies.map((company) => company.id));
	const away = storedCompanies(staticData).filter((id) => !watched.has(id));
	const kept = loadCursors(
		{ cursors: staticData.cursors as StoredCursors['cursors'] },
		Object.fromEntries(away.map((id) => [id, fingerprintOf(settings, id)])),
	);
	delete staticData.cursor;
	delete staticData.cursors;
	Object.assign(staticData, storeCursors(states, !several, kept));
	if (emitted.length === 0) return null;
	// Each shop's changes come oldest first; a stable sort keeps that across shops.
	return [emitted.sort((a, b) => a.time - b.time).map(({ item }) => item)];
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
