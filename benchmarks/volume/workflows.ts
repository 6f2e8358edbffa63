/**
 * `npm run bench:volume`'s workflows, built from benchmarks/n8n's parts: each starts at a Webhook
 * that answers with the last node's items once the run has finished, and ends in a Summarize node
 * that counts what came out (a few items to answer with, instead of 100,000).
 */
import { randomUUID } from 'node:crypto';

import { DEMO_COMPANY_ID } from '../../sandbox/seed';
import {
	autoLeap,
	chain,
	createVehicles,
	type Job,
	node,
	type Node,
	paginatedVehicles,
} from '../n8n/workflows';

const webhook = (path: string) =>
	node(
		'Webhook',
		'n8n-nodes-base.webhook',
		2,
		{ httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
		{ webhookId: randomUUID() },
	);

/** One item per value of `splitBy` (none: one item): how many items, and how many distinct `field`s. */
const count = (field: string, splitBy = '') =>
	node('Count', 'n8n-nodes-base.summarize', 1.1, {
		fieldsToSummarize: {
			values: [
				{ aggregation: 'count', field },
				{ aggregation: 'countUnique', field },
			],
		},
		fieldsToSplitBy: splitBy,
		options: {},
	});

const splitOut = (field: string) =>
	node('Split Out', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: field, options: {} });

function job(id: string, nodes: (path: string) => Node[]): Job {
	const path = `volume-${id.toLowerCase()}`;
	const list = nodes(path);
	return { id, path, output: 'Count', workflow: chain(id, `Bench volume: ${id}`, list) };
}

/** Return All of the demo shop's vehicles with our node; Simplify on (the default) or off. */
export const readOurs = (simplify: boolean) =>
	job(simplify ? 'VolReadOurs' : 'VolReadOursRaw', (p) => [
		webhook(p),
		autoLeap('Get Vehicles', {
			resource: 'vehicle',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			returnAll: true,
			simplify,
		}),
		count('vehicleId'),
	]);

/**
 * The same with n8n's HTTP Request node as benchmarks/n8n sets it up (pagination on `page`, done
 * when the envelope says last), then Split Out; `intervalMs` is the pagination's Interval Between
 * Requests (0: n8n's default).
 */
export const readHttp = (apiUrl: string, intervalMs: number) =>
	job(intervalMs ? 'VolReadHttpPaced' : 'VolReadHttp', (p) => [
		webhook(p),
		paginatedVehicles(apiUrl, intervalMs),
		splitOut('results.content'),
		count('vehicleId'),
	]);

/** Create one vehicle per row of the webhook's body (`{ rows: [{ plate }] }`), 100 per request. */
export const createOurs = (customerId: string) =>
	job('VolCreateOurs', (p) => [
		webhook(p),
		splitOut('body.rows'),
		createVehicles(customerId),
		count('licensePlate', 'success'),
	]);

/** Vehicle Updated in every company of the profile, polled every minute (n8n's shortest). */
export const shopsTrigger = (credential: { id: string; name: string }) =>
	chain('VolShopsTrigger', 'Bench volume: 20-shop trigger', [
		node(
			'Vehicle Updated',
			'n8n-nodes-autoleap.autoLeapTrigger',
			1,
			{
				event: 'vehicleUpdated',
				companies: 'all',
				pollTimes: { item: [{ mode: 'everyMinute' }] },
			},
			{ credentials: { autoLeapApi: credential } },
		),
		node('Changed Vehicle', 'n8n-nodes-base.noOp', 1, {}),
	]);
