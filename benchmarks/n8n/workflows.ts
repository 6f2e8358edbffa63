/**
 * The benchmark's workflows: each job built twice, once with our nodes and once with n8n's own
 * HTTP Request node set up as a capable user would. Every run starts at a Webhook that answers when
 * the last node has finished, so the caller times the work, not n8n's start-up.
 */
import { randomUUID } from 'node:crypto';

import { CREDENTIAL } from '../../e2e/lib/n8n';
import { DEMO_COMPANY_ID, DEMO_PARTNER } from '../../sandbox/seed';

/** The HTTP Request side's credential: an Authorization header holding a token fetched beforehand. */
export const HEADER_CREDENTIAL = { id: 'AutoLeapHeader01', name: 'AutoLeap token header' };

export const HTTP_VERSION = 4.5; // what n8n 2.41.1 offers for a new HTTP Request node

export type Node = Record<string, unknown> & { name: string };

const ours = { autoLeapApi: CREDENTIAL };
const header = {
	authentication: 'genericCredentialType',
	genericAuthType: 'httpHeaderAuth',
};

export function node(
	name: string,
	type: string,
	typeVersion: number,
	parameters: object,
	extra: object = {},
): Node {
	return { id: randomUUID(), name, type, typeVersion, position: [0, 0], parameters, ...extra };
}

/** A linear workflow: each node feeds the next. */
export function chain(id: string, name: string, nodes: Node[]) {
	const connections: Record<string, unknown> = {};
	nodes.slice(0, -1).forEach((from, i) => {
		connections[from.name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	});
	nodes.forEach((n, i) => (n.position = [i * 220, 0]));
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

const webhook = (path: string) =>
	node(
		'Webhook',
		'n8n-nodes-base.webhook',
		2,
		{ httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
		{ webhookId: randomUUID() },
	);

export const autoLeap = (name: string, parameters: object, extra: object = {}) =>
	node(name, 'n8n-nodes-autoleap.autoLeap', 1, parameters, { credentials: ours, ...extra });

const http = (name: string, parameters: object, extra: object = {}) =>
	node(name, 'n8n-nodes-base.httpRequest', HTTP_VERSION, parameters, extra);

const query = (values: Record<string, string>) => ({
	sendQuery: true,
	queryParameters: { parameters: Object.entries(values).map(([name, value]) => ({ name, value })) },
});

/** The same 1,000 spreadsheet-like rows on both sides; only the plate prefix tells them apart. */
const rows = (prefix: string, count: number) =>
	node('Rows', 'n8n-nodes-base.code', 2, {
		jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { plate: '${prefix}-' + i } }));`,
	});

export interface Job {
	id: string;
	path: string;
	/** The node whose output items are counted. */
	output: string;
	workflow: object;
}

function job(id: string, name: string, nodes: (path: string) => Node[]): Job {
	const path = `bench-${id.toLowerCase()}`;
	const list = nodes(path);
	return { id, path, output: list[list.length - 1].name, workflow: chain(id, name, list) };
}

/**
 * n8n's own pagination of the vehicles: page = $pageCount + 1 in the query, done when the envelope
 * says last; `requestInterval` is its Interval Between Requests (ms; unset, its default, sends at once).
 */
export const paginatedVehicles = (apiUrl: string, requestInterval = 0) =>
	http(
		'Get Vehicles',
		{
			url: `${apiUrl}/vehicles`,
			...header,
			...query({ companyId: DEMO_COMPANY_ID, size: '100' }),
			options: {
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: {
							parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }],
						},
						paginationCompleteWhen: 'other',
						completeExpression: '={{ $response.body.results.pagination.last }}',
						...(requestInterval ? { requestInterval } : {}),
					},
				},
			},
		},
		{ credentials: { httpHeaderAuth: HEADER_CREDENTIAL } },
	);

/** (a) Return All of the vehicles. */
export const readAll = (apiUrl: string) => ({
	ours: job('BenchReadOurs', 'Bench (a) ours', (p) => [
		webhook(p),
		autoLeap('Get Vehicles', {
			resource: 'vehicle',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			returnAll: true,
		}),
	]),
	http: job('BenchReadHttp', 'Bench (a) HTTP Request', (p) => [
		webhook(p),
		paginatedVehicles(apiUrl),
		node('Split Out Vehicles', 'n8n-nodes-base.splitOut', 1, {
			fieldToSplitOut: 'results.content',
			options: {},
		}),
	]),
});

/** Failed items stay in the output (On Error: Continue) on both sides, so they can be counted. */
const continueOnError = { onError: 'continueRegularOutput' };

/** Our Create, one vehicle per input item (its plate from `$json.plate`), failed items kept. */
export const createVehicles = (customerId: string) =>
	autoLeap(
		'Create Vehicles',
		{
			resource: 'vehicle',
			operation: 'create',
			companyId: DEMO_COMPANY_ID,
			customerId: { __rl: true, mode: 'id', value: customerId },
			additionalFields: { make: 'Ford', model: 'Transit', licensePlate: '={{ $json.plate }}' },
		},
		continueOnError,
	);

/** (b) Create one vehicle per input item. `batching` = HTTP Request's Batching option, if set. */
export const createMany = (apiUrl: string, customerId: string, count: number) => {
	const httpCreate = (
		id: string,
		name: string,
		prefix: string,
		batching?: { batchSize: number; batchInterval: number },
	) =>
		job(id, name, (p) => [
			webhook(p),
			rows(prefix, count),
			http(
				'Create Vehicle',
				{
					method: 'POST',
					url: `${apiUrl}/vehicles`,
					...header,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: `={{ JSON.stringify({ companyId: '${DEMO_COMPANY_ID}', vehicles: [{ customerId: '${customerId}', make: 'Ford', model: 'Transit', licensePlate: $json.plate }] }) }}`,
					options: batching ? { batching: { batch: batching } } : {},
				},
				{ credentials: { httpHeaderAuth: HEADER_CREDENTIAL }, ...continueOnError },
			),
		]);
	return {
		ours: job('BenchCreateOurs', 'Bench (b) ours', (p) => [
			webhook(p),
			rows('OURS', count),
			createVehicles(customerId),
		]),
		httpDefaults: httpCreate('BenchCreateHttp', 'Bench (b) HTTP Request', 'HTTP'),
		httpBatched: (batching: { batchSize: number; batchInterval: number }) =>
			httpCreate('BenchCreateHttpBatched', 'Bench (b) HTTP Request, batching', 'HTTPB', batching),
	};
};

/** (c) One small read per execution (the partner profile): what it costs in logins. */
export const logins = (apiUrl: string) => ({
	ours: job('BenchLoginOurs', 'Bench (c) ours', (p) => [
		webhook(p),
		autoLeap('Get Profile', { resource: 'partner', operation: 'getProfile' }),
	]),
	httpHeader: job('BenchLoginHttpHeader', 'Bench (c) HTTP Request, header token', (p) => [
		webhook(p),
		http(
			'Get Profile',
			{ url: `${apiUrl}/partners/profile`, ...header },
			{ credentials: { httpHeaderAuth: HEADER_CREDENTIAL } },
		),
	]),
	// The common pattern: log in at the start of every execution, pass the token on.
	httpLogin: job('BenchLoginHttpLogin', 'Bench (c) HTTP Request, login per execution', (p) => [
		webhook(p),
		http('Log In', {
			method: 'POST',
			url: `${apiUrl}/partners/login`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: JSON.stringify(DEMO_PARTNER),
		}),
		http('Get Profile', {
			url: `${apiUrl}/partners/profile`,
			sendHeaders: true,
			headerParameters: {
				parameters: [{ name: 'Authorization', value: '=Bearer {{ $json.data.accessToken }}' }],
			},
		}),
	]),
});

/** (d) Polling for updated vehicles, every minute. */
export const idlePoll = (apiUrl: string) => ({
	ours: chain('BenchPollOurs', 'Bench (d) ours', [
		node(
			'Vehicle Updated',
			'n8n-nodes-autoleap.autoLeapTrigger',
			1,
			{
				event: 'vehicleUpdated',
				companyId: DEMO_COMPANY_ID,
				pollTimes: { item: [{ mode: 'everyMinute' }] },
			},
			{ credentials: ours },
		),
		node('Changed Vehicle', 'n8n-nodes-base.noOp', 1, {}),
	]),
	// A schedule and a window of the last minute: no cursor, one GET per run (its best case).
	http: chain('BenchPollHttp', 'Bench (d) HTTP Request', [
		node('Every Minute', 'n8n-nodes-base.scheduleTrigger', 1.2, {
			rule: { interval: [{ field: 'minutes', minutesInterval: 1 }] },
		}),
		http(
			'Get Updated Vehicles',
			{
				url: `${apiUrl}/vehicles`,
				...header,
				...query({
					companyId: DEMO_COMPANY_ID,
					size: '100',
					updatedDateStart:
						"={{ $now.minus({ minutes: 1 }).toUTC().toFormat(\"yyyy-MM-dd'T'HH:mm:ss'Z'\") }}",
				}),
			},
			{ credentials: { httpHeaderAuth: HEADER_CREDENTIAL } },
		),
		node('Split Out Vehicles', 'n8n-nodes-base.splitOut', 1, {
			fieldToSplitOut: 'results.content',
			options: {},
		}),
	]),
});
