import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { FaultSpec } from '../../sandbox';
import { credentialsFor, DEMO_COMPANY_ID, run, useSandbox } from '../node/helpers';
import type { Outcome } from './table';
import { readmeTable, render, writeReadmeTable } from './table';

/**
 * An AutoLeap that misbehaves the way APIs behind proxies and load balancers do, through the
 * node in n8n-core: every case ends correct or in a clear error, never in a success that did not
 * happen or a list cut short. Each case is measured against the sandbox's own state and request
 * log; the measurements are the README's reliability table.
 */

const ctx = useSandbox({ bulkVehicles: 420 });
const outcomes: Outcome[] = [];

const vehicleCreate = {
	resource: 'vehicle',
	operation: 'create',
	companyId: DEMO_COMPANY_ID,
	customerId: { __rl: true, mode: 'id', value: '={{ $json.customerId }}' },
	additionalFields: { vin: '={{ $json.vin }}', make: 'Ford' },
};
const vehicleUpdate = {
	resource: 'vehicle',
	operation: 'update',
	companyId: DEMO_COMPANY_ID,
	vehicleId: { __rl: true, mode: 'id', value: '={{ $json.vehicleId }}' },
	updateFields: { notes: '={{ $json.notes }}' },
};
const readAll = {
	resource: 'vehicle',
	operation: 'getAll',
	companyId: DEMO_COMPANY_ID,
	returnAll: true,
	simplify: false,
};
const getVehicle = {
	resource: 'vehicle',
	operation: 'get',
	vehicleId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
};

let tag = 0;
/** `count` new vehicles whose VINs mark this case. */
function newVehicles(count: number): IDataObject[] {
	const customers = ctx.sandbox.store.list('customers', DEMO_COMPANY_ID);
	const prefix = `F${++tag}X`;
	return Array.from({ length: count }, (_, i) => ({
		customerId: customers[i % customers.length].customerId,
		vin: `${prefix}${String(i).padStart(8, '0')}`,
	}));
}
const written = (rows: IDataObject[]) =>
	ctx.sandbox.store
		.list('vehicles', DEMO_COMPANY_ID)
		.filter((v) => rows.some((r) => r.vin === v.vin)).length;
const vehicleCount = () => ctx.sandbox.store.list('vehicles', DEMO_COMPANY_ID).length;

type Result = Awaited<ReturnType<typeof run>>;
const failedItems = (result: Result) =>
	result.items.filter((item) => item.json.error !== undefined).length;
const reportedWritten = (result: Result) =>
	result.items.filter((item) => item.json.success === true).length;
/** n8n keeps only the message in an error item's json; the description stays on its error. */
const descriptionOf = (item: Result['items'][number]) =>
	String((item.error as { description?: string } | undefined)?.description);
const errorText = (result: Result) =>
	`${result.error?.message ?? ''} ${(result.error as { description?: string } | undefined)?.description ?? ''}`;

/** Runs a case with faults injected, and returns what it did and cost. */
async function withFaults(
	faults: FaultSpec[],
	parameters: INodeParameters,
	{
		account,
		...options
	}: { inputItems?: IDataObject[]; continueOnFail?: boolean; account?: IDataObject } = {},
) {
	const credentials = credentialsFor(ctx.sandbox, { rateWindowMs: 1_000, ...account });
	ctx.sandbox.clearLog();
	for (const fault of faults) ctx.sandbox.injectFaults(fault);
	const started = Date.now();
	const result = await run(credentials, parameters, options);
	return {
		result,
		credentials,
		ms: Date.now() - started,
		requests: ctx.sandbox.requestLog.length,
		log: [...ctx.sandbox.requestLog],
	};
}

afterAll(() => {
	const table = render(outcomes);
	if (process.env.UPDATE_FAULT_TABLE) return writeReadmeTable(table);
	// What the README claims is what this run measured (when every case ran: not under `-t`, and a
	// failed case fails on its own).
	const claimed = readmeTable() ?? '';
	if (outcomes.length >= claimed.split('\n').length - 2) expect(claimed).toBe(table);
});

describe('a write batch answered 200 but not with AutoLeap’s acknowledgement', () => {
	it.each([
		['an HTML page', { kind: 'html' }],
		['{"success": false, "error": …}', { kind: 'successFalse' }],
	] as const)(
		'%s: that batch’s items fail, the others are written and reported',
		async (name, fault) => {
			const rows = newVehicles(250);
			const { result, requests } = await withFaults(
				[{ ...fault, method: 'POST', path: '/vehicles', skip: 1 }],
				vehicleCreate,
				{ inputItems: rows, continueOnFail: true },
			);
			expect(result.error).toBeUndefined();
			expect(written(rows)).toBe(150);
			expect(reportedWritten(result)).toBe(150);
			const failed = result.items.filter((item) => item.json.error !== undefined);
			expect(failed.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
				Array.from({ length: 100 }, (_, i) => 100 + i),
			);
			expect(String(failed[0].json.error)).toMatch(/^Items 101-200 (failed|were refused): /);
			expect(descriptionOf(failed[0])).toMatch(
				fault.kind === 'html' ? /may or may not have been applied/ : /did not apply it/,
			);
			outcomes.push({
				fault: `Write batch 2 of 3 answered 200 with ${name}`,
				outcome: 'batch 2’s items fail; the others are written',
				written: 150,
				reported: 150,
				failed: 100,
				requests,
			});
		},
	);

	it('without Continue On Fail the run stops, naming the batch’s items and those already written', async () => {
		const rows = newVehicles(250);
		const { result, requests } = await withFaults(
			[{ kind: 'html', method: 'POST', path: '/vehicles', skip: 1 }],
			vehicleCreate,
			{ inputItems: rows },
		);
		expect(result.error?.message).toMatch(
			/^Items 101-200 failed: AutoLeap's answer was not usable: an HTML page/,
		);
		expect(errorText(result)).toMatch(/Items already applied before this failure: 1-100\./);
		expect(written(rows)).toBe(100);
		outcomes.push({
			fault: 'The same, without Continue On Fail',
			outcome: 'the run fails naming items 101-200 and the 100 written',
			written: 100,
			reported: 0,
			failed: 'run error',
			requests,
		});
	});
});

describe('Return All: a page answered 200 but not with a list', () => {
	it.each([
		['an HTML page', { kind: 'html' }],
		['an empty body', { kind: 'empty' }],
		['JSON cut off', { kind: 'truncated' }],
	] as const)(
		'page 3 always %s: a clear error naming the page, never the pages before it as the whole list',
		async (name, fault) => {
			const { result, requests, log } = await withFaults(
				[{ ...fault, persistent: true, method: 'GET', path: '/vehicles', query: { page: 3 } }],
				readAll,
			);
			expect(result.items).toHaveLength(0);
			expect(result.error?.message).toMatch(/\(page 3 of the list\)$/);
			expect(log.filter((e) => e.path === '/vehicles').map((e) => e.query.page)).toEqual([
				'1',
				'2',
				'3',
				'3',
				'3',
				'3',
			]);
			outcomes.push({
				fault: `Return All: page 3 always answered with ${name}`,
				outcome: 'error naming page 3 (after 3 retries); nothing output',
				written: '–',
				reported: '–',
				failed: 'run error',
				requests,
			});
		},
	);

	it('page 3 once HTML: the retry reads it, and the whole list comes out', async () => {
		const { result, requests } = await withFaults(
			[{ kind: 'html', method: 'GET', path: '/vehicles', query: { page: 3 } }],
			readAll,
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(vehicleCount());
		outcomes.push({
			fault: 'Return All: page 3 answered with an HTML page once',
			outcome: `the retry reads it: all ${vehicleCount()} records`,
			written: '–',
			reported: '–',
			failed: 0,
			requests,
		});
	});
});

describe('Return All: pages that do not add up', () => {
	it.each([
		[
			'the list ignores `page` (page 1 every time)',
			{ kind: 'ignorePage', persistent: true },
			/page 2 holds the same records as page 1/,
		],
		[
			'page 1 again, with `last: false` forever',
			{ kind: 'ignorePage', variant: 'neverLast', persistent: true },
			/page 2 holds the same records as page 1/,
		],
		[
			'totals promise 250 more records than exist',
			{ kind: 'totalsLie', variant: 'inflate', extra: 250, persistent: true },
			/is empty although AutoLeap says more pages follow/,
		],
		[
			'`last: true` on a page before the last',
			{ kind: 'totalsLie', variant: 'lastEarly' },
			/was marked the last although AutoLeap counts \d+ pages/,
		],
		[
			'totalCount below the records delivered',
			{ kind: 'totalsLie', variant: 'deflate', persistent: true },
			/AutoLeap counts \d+ records, but its pages held \d+/,
		],
	] as const)(
		'%s: a clear error, no duplicate or missing records output',
		async (name, fault, message) => {
			const { result, requests } = await withFaults(
				[{ ...fault, method: 'GET', path: '/vehicles' } as FaultSpec],
				readAll,
			);
			expect(result.items).toHaveLength(0);
			expect(result.error?.message).toMatch(message);
			if (fault.kind === 'ignorePage') expect(requests).toBe(3); // login, page 1, page 2
			outcomes.push({
				fault: `Return All: ${name}`,
				outcome: 'error: the list did not add up; nothing output',
				written: '–',
				reported: '–',
				failed: 'run error',
				requests,
			});
		},
	);
});

describe('Get answered 200 but not with the record', () => {
	it.each([
		['an HTML page', { kind: 'html', persistent: true }, 'after 3 retries'],
		['an empty body', { kind: 'empty', persistent: true }, 'after 3 retries'],
		['{"success": false}', { kind: 'successFalse', persistent: true }, 'not retried'],
	] as const)('%s: an error for that item', async (name, fault, retried) => {
		const id = ctx.sandbox.store.list('vehicles', DEMO_COMPANY_ID)[0].vehicleId;
		const { result, requests } = await withFaults(
			[{ ...fault, method: 'GET', path: '/vehicles' } as FaultSpec],
			getVehicle,
			{ inputItems: [{ id }], continueOnFail: true },
		);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toMatch(
			/^AutoLeap('s answer was not usable| refused the request)/,
		);
		expect(result.items[0].json).not.toHaveProperty('vehicleId');
		outcomes.push({
			fault: `Get answered with ${name}`,
			outcome: `error item (${retried})`,
			written: '–',
			reported: '–',
			failed: 1,
			requests,
		});
	});

	it('an answer holding another vehicle is an error, never the wrong record', async () => {
		const [wanted, other] = ctx.sandbox.store.list('vehicles', DEMO_COMPANY_ID);
		const { result } = await withFaults([], getVehicle, {
			inputItems: [{ id: wanted.vehicleId }],
			continueOnFail: true,
		});
		expect(result.items[0].json.vehicleId).toBe(wanted.vehicleId);
		// A proxy that serves another record for this path (the sandbox's own answer for `other`).
		const body = JSON.stringify({
			message: 'Vehicle fetched successfully',
			results: { content: [other], pagination: {} },
		});
		const { result: wrong, requests } = await withFaults(
			[
				{
					kind: 'html',
					status: 200,
					body,
					method: 'GET',
					path: `/vehicles/${wanted.vehicleId}`,
					persistent: true,
					headers: { 'Content-Type': 'application/json' },
				},
			],
			getVehicle,
			{
				inputItems: [{ id: wanted.vehicleId }],
				continueOnFail: true,
			},
		);
		expect(wrong.items[0].json.error).toBe(
			`AutoLeap's answer was not usable: it holds vehicleId ${other.vehicleId} for the requested ${wanted.vehicleId}`,
		);
		outcomes.push({
			fault: 'Get answered with another record',
			outcome: 'error item, not the other record',
			written: '–',
			reported: '–',
			failed: 1,
			requests,
		});
	});
});

describe('ids that are not ids', () => {
	const gets: Array<[string, INodeParameters, string]> = [
		[
			'Customer',
			{
				resource: 'customer',
				operation: 'get',
				companyId: DEMO_COMPANY_ID,
				customerId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			'Customer',
		],
		['Vehicle', getVehicle, 'Vehicle'],
		[
			'Repair Order',
			{
				resource: 'repairOrder',
				operation: 'get',
				companyId: DEMO_COMPANY_ID,
				roNumber: '={{ $json.id }}',
			},
			'RO Number',
		],
		[
			'Item',
			{ resource: 'item', operation: 'get', companyId: DEMO_COMPANY_ID, itemId: '={{ $json.id }}' },
			'Item ID',
		],
		[
			'Item Pricing',
			{
				resource: 'itemPricing',
				operation: 'get',
				companyId: DEMO_COMPANY_ID,
				itemId: '={{ $json.id }}',
			},
			'Item ID',
		],
	];

	it('".", "..", blank and whitespace from an expression are refused before sending, naming the field and item', async () => {
		let requests = 0;
		for (const [, parameters, label] of gets) {
			const ids = ['.', '..', '', '   '];
			const { result, log } = await withFaults([], parameters, {
				inputItems: ids.map((id) => ({ id })),
				continueOnFail: true,
			});
			expect(result.items.map((item) => item.json.error)).toEqual([
				`Item 1: "${label}" is ".", which is not an ID`,
				`Item 2: "${label}" is "..", which is not an ID`,
				`Item 3: "${label}" is empty`,
				`Item 4: "${label}" is empty`,
			]);
			requests += log.filter((e) => !e.path.startsWith('/partners/')).length;
		}
		expect(requests).toBe(0);
		outcomes.push({
			fault:
				'Get of customer, vehicle, RO, item or item pricing with id ".", "..", blank or spaces',
			outcome: 'refused before sending, naming field and item (20 cases)',
			written: '–',
			reported: '–',
			failed: 20,
			requests,
		});
	});

	it('an id is one path segment: a slash or a query in it is sent encoded', async () => {
		const { log } = await withFaults([], getVehicle, {
			inputItems: [{ id: '12/../../partners?x=1' }],
			continueOnFail: true,
		});
		expect(log.filter((e) => e.path.startsWith('/vehicles')).map((e) => e.path)).toEqual([
			'/vehicles/12%2F..%2F..%2Fpartners%3Fx%3D1',
		]);
	});
});

describe('a wrong Partner ID or Auth Key', () => {
	it.each([
		['a read', getVehicle, [{ id: '1' }, { id: '2' }, { id: '3' }]],
		['a write', vehicleCreate, () => newVehicles(3)],
	] as const)(
		'%s: exactly one login, and an error saying so; nothing is sent',
		async (name, parameters, input) => {
			const inputItems = typeof input === 'function' ? input() : [...input];
			const { result, requests, log } = await withFaults([], parameters as INodeParameters, {
				inputItems,
				account: { authKey: 'wrong-key-000' },
			});
			expect(result.error?.message).toMatch(/AutoLeap rejected the Partner ID or Auth Key$/);
			expect(errorText(result)).toMatch(/Nothing was sent to AutoLeap/);
			expect(errorText(result)).not.toMatch(/may or may not/);
			expect(log.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
				'POST /partners/login 401',
			]);
			outcomes.push({
				fault: `Wrong Partner ID or Auth Key, ${name}`,
				outcome: '"AutoLeap rejected the Partner ID or Auth Key"; nothing sent',
				written: name === 'a write' ? 0 : '–',
				reported: 0,
				failed: 'run error',
				requests,
			});
		},
	);
});

describe('429 on every request (another client has the account’s budget)', () => {
	it('one retry loop with one time budget; logins never multiply; then a clear rate-limit error', async () => {
		const { result, requests, log, ms } = await withFaults(
			[{ kind: 'status', status: 429, persistent: true }],
			getVehicle,
			{
				inputItems: [{ id: '1' }],
				account: { patienceMinutes: 0.05 }, // 3 s
			},
		);
		expect(result.error?.message).toMatch(/rate limit of this partner account was exceeded/);
		expect(errorText(result)).toMatch(/Nothing was applied/);
		// Every attempt is one request: the login (the request never got a token); no loop inside it.
		expect(log.every((e) => e.path === '/partners/login' && e.status === 429)).toBe(true);
		expect(ms).toBeGreaterThanOrEqual(2_500);
		expect(ms).toBeLessThan(6_000);
		// Backoff is jittered: the number of tries varies, within bounds.
		expect(requests).toBeGreaterThanOrEqual(4);
		expect(requests).toBeLessThanOrEqual(16);
		outcomes.push({
			fault: '429 on every request, patience 3 s (default 10 min)',
			outcome: 'one login attempt per try until the patience is spent; rate-limit error',
			written: '–',
			reported: '–',
			failed: 'run error',
			requests: '4–16',
		});
	});
});

describe('a batch AutoLeap rejects for some of its records', () => {
	function updates(stale: number[]) {
		const vehicles = ctx.sandbox.store.list('vehicles', DEMO_COMPANY_ID).slice(0, 400);
		return vehicles.map((v, i) => ({
			vehicleId: stale.includes(i) ? `stale-${i}` : v.vehicleId,
			notes: `fault-update-${tag}`,
		}));
	}

	it('10 stale ids among 400 updates: the named records fail alone, at one extra request each', async () => {
		const stale = [3, 50, 99, 120, 121, 205, 260, 301, 350, 399];
		const { result, requests, log } = await withFaults([], vehicleUpdate, {
			inputItems: updates(stale),
			continueOnFail: true,
		});
		expect(failedItems(result)).toBe(10);
		expect(
			result.items
				.filter((item) => item.json.error !== undefined)
				.map((item) => (item.pairedItem as { item: number }).item),
		).toEqual(stale);
		expect(reportedWritten(result)).toBe(390);
		const puts = log.filter((e) => e.method === 'PUT').length;
		expect(puts).toBe(4 + 10);
		outcomes.push({
			fault: '10 stale ids among 400 updates (AutoLeap names each)',
			outcome: 'the 10 fail alone; the 390 are written',
			written: 390,
			reported: 390,
			failed: 10,
			requests,
		});
	});

	it('records AutoLeap does not name are found by halving: bounded, and descriptions stay short', async () => {
		const stale = [7, 150, 333];
		// An AutoLeap whose error names no record.
		const fault: FaultSpec = {
			kind: 'rejectRecords',
			variant: 'id',
			ids: stale.map((i) => `stale-${i}`),
			error: 'Some vehicles could not be updated',
			persistent: true,
		};
		const { result, requests, log } = await withFaults([fault], vehicleUpdate, {
			inputItems: updates(stale),
			continueOnFail: true,
		});
		expect(failedItems(result)).toBe(3);
		const puts = log.filter((e) => e.method === 'PUT').length;
		// At most twice the minimum: a request per batch, and a halving per level for each unnamed
		// bad record (a refused batch is sent again whole, then both halves of each refused part).
		expect(puts).toBeLessThanOrEqual(2 * (4 + 3 * Math.ceil(Math.log2(100))));
		outcomes.push({
			fault: '3 stale ids among 400 updates (AutoLeap names none)',
			outcome: 'found by halving; the 397 are written',
			written: 397,
			reported: 397,
			failed: 3,
			requests,
		});
	});

	it('1,000 stale ids: the run stops at the first with a description under 1,000 characters', async () => {
		const rows = Array.from({ length: 1_000 }, (_, i) => ({ vehicleId: `stale-${i}`, notes: 'x' }));
		const { result, requests } = await withFaults([], vehicleUpdate, { inputItems: rows });
		expect(result.error?.message).toMatch(/^Item 1 was rejected: /);
		expect(errorText(result).length).toBeLessThan(1_000);
		outcomes.push({
			fault: '1,000 stale ids in Update, without Continue On Fail',
			outcome: 'stops at the first rejected record; short description',
			written: 0,
			reported: 0,
			failed: 'run error',
			requests,
		});
	});
});

describe('an error text that echoes the secrets', () => {
	it.each(['all', 'invalidToken', 'tokenParam'])(
		'variant %s: no access token, refresh token or Auth Key in any output, error or run data',
		async (variant) => {
			const { result, credentials, requests } = await withFaults(
				[
					{
						kind: 'echoSecrets',
						variant,
						status: 400,
						persistent: true,
						method: 'GET',
						path: '/vehicles',
					},
				],
				getVehicle,
				{
					inputItems: [{ id: '1' }],
					continueOnFail: true,
				},
			);
			const stored = credentials.data('autoLeapApi');
			const secrets = [stored.authKey, stored.accessToken, stored.refreshToken].map(String);
			expect(secrets.every((s) => s.length > 8)).toBe(true);
			expect(result.items[0].json.error).toMatch(/\[redacted\]/);
			const everything =
				JSON.stringify(result.runData) +
				JSON.stringify(result.items) +
				descriptionOf(result.items[0]);
			for (const secret of secrets) expect(everything).not.toContain(secret);
			if (variant === 'all')
				outcomes.push({
					fault: 'Error text echoing the token (`Invalid token: …`, `token=…`)',
					outcome: 'error item with the token [redacted]',
					written: '–',
					reported: '–',
					failed: 1,
					requests,
				});
		},
	);
});

describe('a server that never answers, resets, or fails', () => {
	it('a read: each attempt times out (Request Timeout), a few retries, then a clear error', async () => {
		const { result, requests, ms } = await withFaults(
			[{ kind: 'hang', persistent: true, method: 'GET', path: '/vehicles' }],
			getVehicle,
			{
				inputItems: [{ id: '1' }],
				account: { timeoutSeconds: 1 },
			},
		);
		expect(result.error?.message).toBe('AutoLeap did not answer in time');
		expect(ms).toBeLessThan(10_000);
		outcomes.push({
			fault: 'A read that is never answered (timeout 1 s; default 60 s)',
			outcome: '4 attempts, then "AutoLeap did not answer in time"',
			written: '–',
			reported: '–',
			failed: 'run error',
			requests,
		});
	});

	it.each([
		['never answered, after AutoLeap applied it', { kind: 'hang', applied: true }, 100],
		['reset before AutoLeap applied it', { kind: 'reset', applied: false }, 0],
	] as const)(
		'a write %s: sent once, its items fail as "may or may not have been applied"',
		async (name, fault, applied) => {
			const rows = newVehicles(100);
			const { result, requests, log } = await withFaults(
				[{ ...fault, method: 'POST', path: '/vehicles' }],
				vehicleCreate,
				{
					inputItems: rows,
					continueOnFail: true,
					account: { timeoutSeconds: 1 },
				},
			);
			expect(log.filter((e) => e.method === 'POST' && e.path === '/vehicles')).toHaveLength(1);
			expect(failedItems(result)).toBe(100);
			expect(descriptionOf(result.items[0])).toMatch(/may or may not have been applied/);
			expect(written(rows)).toBe(applied);
			outcomes.push({
				fault: `A write ${name}`,
				outcome: 'not resent; its items fail as "may or may not have been applied"',
				written: applied,
				reported: 0,
				failed: 100,
				requests,
			});
		},
	);

	it('5xx and slow answers on reads: retried or waited for, the result is complete', async () => {
		const { result, requests } = await withFaults(
			[
				{ kind: 'status', status: 502, method: 'GET', path: '/vehicles', query: { page: 2 } },
				{ kind: 'delay', ms: 300, method: 'GET', path: '/vehicles', query: { page: 3 } },
			],
			readAll,
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(vehicleCount());
		outcomes.push({
			fault: 'Return All: a 502 on page 2, 300 ms latency on page 3',
			outcome: `retried; all ${vehicleCount()} records`,
			written: '–',
			reported: '–',
			failed: 0,
			requests,
		});
	});
});

describe('the credential is saved once per renewal', () => {
	it('20 items after the access token expired: one refresh, one save, no login', async () => {
		const credentials = credentialsFor(ctx.sandbox, { rateWindowMs: 1_000 });
		const ids = ctx.sandbox.store
			.list('vehicles', DEMO_COMPANY_ID)
			.slice(0, 20)
			.map((v) => ({ id: v.vehicleId }));
		await run(credentials, getVehicle, { inputItems: ids.slice(0, 1) });
		ctx.sandbox.expireAccessTokens();
		ctx.sandbox.clearLog();
		const [logins, refreshes, saves] = [
			ctx.sandbox.counters.logins,
			ctx.sandbox.counters.refreshes,
			credentials.saves,
		];
		for (let run5 = 0; run5 < 5; run5++) {
			const result = await run(credentials, getVehicle, { inputItems: ids });
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(20);
		}
		expect(ctx.sandbox.counters.logins - logins).toBe(0);
		expect(ctx.sandbox.counters.refreshes - refreshes).toBe(1);
		expect(credentials.saves - saves).toBe(1);
		// 100 Gets and 1 refresh, plus one 401 for each item of the first run that was sent before the renewal.
		const requests = ctx.sandbox.requestLog.length;
		expect(requests).toBeGreaterThanOrEqual(101);
		expect(requests).toBeLessThanOrEqual(121);
		outcomes.push({
			fault: '5 runs × 20 items after the access token expired',
			outcome: '1 refresh, the credential saved once, no login',
			written: '–',
			reported: '–',
			failed: 0,
			requests: '101–121',
		});
	});
});
