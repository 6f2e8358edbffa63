import { LoadOptionsContext } from 'n8n-core';
import type { INodeParameters } from 'n8n-workflow';

import { AutoLeap } from '../../nodes/AutoLeap/AutoLeap.node';
import { buildAdditionalData, buildNodeWorkflow } from '../harness';
import type { CredentialStore } from '../harness';
import {
	apiCalls,
	credentialsFor,
	DEMO_COMPANY_ID,
	DEMO_LOCATION_IDS,
	jsonOf,
	run,
	useSandbox,
} from './helpers';

const ctx = useSandbox();

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const vehiclesOf = () => ctx.sandbox.store.list('vehicles', DEMO_COMPANY_ID);
const statuses = (path?: string) => apiCalls(ctx.sandbox, path).map((c) => c.status);
const pagesAsked = (path: string) =>
	apiCalls(ctx.sandbox, path).map((c) => [c.query.page, c.query.size]);

/** Resolves once the sandbox has logged a request matching `test`. */
async function whenLogged(test: (path: string) => boolean) {
	while (!ctx.sandbox.requestLog.some((entry) => test(entry.path)))
		await new Promise((resolve) => setTimeout(resolve, 2));
}

describe('Return All and Limit', () => {
	it('reads every page of the vehicles results envelope and stops at the last', async () => {
		const total = vehiclesOf().length;
		const pages = Math.ceil(total / 100);
		expect(pages).toBeGreaterThanOrEqual(3);
		const result = await run(ctx.credentials, {
			resource: 'vehicle',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(pagesAsked('/vehicles')).toEqual(
			Array.from({ length: pages }, (_v, i) => [String(i + 1), '100']),
		);
		const ids = jsonOf(result.items).map((v) => v.vehicleId);
		expect(new Set(ids).size).toBe(total);
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});

	it.each([
		['repair orders', 'repairOrder', '/orders', 'orders'],
		['payments', 'payment', '/payments', 'payments'],
	] as const)(
		'reads every page of the top-level page object (%s) and stops at the last',
		async (_name, resource, path, stored) => {
			if (stored === 'payments') {
				// The demo shop has fewer than 100 payments: add some, so that there are several pages.
				const [payment] = ctx.sandbox.store.list('payments', DEMO_COMPANY_ID);
				delete payment.paymentId;
				for (let i = 0; i < 150; i++) ctx.sandbox.store.create('payments', payment);
			}
			const total = ctx.sandbox.store.list(stored, DEMO_COMPANY_ID).length;
			const pages = Math.ceil(total / 100);
			expect(pages).toBeGreaterThanOrEqual(2);
			const result = await run(ctx.credentials, {
				resource,
				operation: 'getAll',
				companyId: DEMO_COMPANY_ID,
				returnAll: true,
			});
			expect(result.error).toBeUndefined();
			expect(pagesAsked(path)).toEqual(
				Array.from({ length: pages }, (_v, i) => [String(i + 1), '100']),
			);
			expect(result.items).toHaveLength(total);
		},
	);

	it('Limit 7 asks one page of 7 and returns 7 items', async () => {
		const result = await run(ctx.credentials, {
			resource: 'vehicle',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			limit: 7,
		});
		expect(pagesAsked('/vehicles')).toEqual([['1', '7']]);
		expect(result.items).toHaveLength(7);
	});

	it('Limit 150 asks two pages of 100 and returns 150 items', async () => {
		const result = await run(ctx.credentials, {
			resource: 'repairOrder',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			limit: 150,
		});
		expect(pagesAsked('/orders')).toEqual([
			['1', '100'],
			['2', '100'],
		]);
		expect(result.items).toHaveLength(150);
	});

	it('runs a Get Many per input item, each linked to its item', async () => {
		const result = await run(
			ctx.credentials,
			{ resource: 'vehicle', operation: 'getAll', companyId: DEMO_COMPANY_ID, limit: 2 },
			{ inputItems: [{}, {}, {}] },
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			[0, 0, 1, 1, 2, 2].map((item) => ({ item })),
		);
	});
});

describe('Simplify', () => {
	it('is on by default and returns whole records when off', async () => {
		const params = {
			resource: 'vehicle',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			limit: 3,
		};
		const simple = await run(ctx.credentials, params);
		const whole = await run(ctx.credentials, { ...params, simplify: false });
		const stored = vehiclesOf().slice(0, 3);
		expect(jsonOf(whole.items)).toEqual(stored);
		const simpleJson = jsonOf(simple.items);
		simpleJson.forEach((record, i) => {
			expect(Object.keys(record).length).toBeLessThan(Object.keys(stored[i]).length);
			for (const [key, value] of Object.entries(record)) expect(stored[i][key]).toEqual(value);
		});
	});
});

describe('failures of a read', () => {
	it('Continue On Fail: a 404 Get fails its own item only', async () => {
		const [a, b] = vehiclesOf();
		const result = await run(
			ctx.credentials,
			{ resource: 'vehicle', operation: 'get', vehicleId: byId('={{ $json.id }}') },
			{
				inputItems: [{ id: a.vehicleId }, { id: 'missing-1' }, { id: b.vehicleId }],
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		const output = jsonOf(result.items);
		expect(output[0].vehicleId).toBe(a.vehicleId);
		expect(output[1].error).toMatch(/AutoLeap could not find the record/);
		expect(output[2].vehicleId).toBe(b.vehicleId);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(statuses().sort()).toEqual([200, 200, 404]);
	});

	it('without Continue On Fail the 404 stops the node, naming AutoLeap’s reason', async () => {
		const result = await run(ctx.credentials, {
			resource: 'vehicle',
			operation: 'get',
			vehicleId: byId('missing-2'),
		});
		expect(result.error?.message).toMatch(/^AutoLeap could not find the record: .*missing-2/);
		expect((result.error as { description?: string }).description).toMatch(/Check the ID/);
	});

	it('retries a read on 5xx', async () => {
		ctx.sandbox.injectFaults({ status: 500, count: 1, method: 'GET', path: '/orders' });
		ctx.sandbox.injectFaults({ status: 503, count: 1, method: 'GET', path: '/orders' });
		const result = await run(ctx.credentials, {
			resource: 'repairOrder',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			limit: 3,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(statuses('/orders')).toEqual([500, 503, 200]);
	});

	it('retries 429 bursts: no item fails', async () => {
		ctx.sandbox.injectFaults({ status: 429, count: 12, method: 'GET', path: '/vehicles' });
		const ids = vehiclesOf()
			.slice(0, 6)
			.map((v) => v.vehicleId as string);
		const result = await run(
			ctx.credentials,
			{ resource: 'vehicle', operation: 'get', vehicleId: byId('={{ $json.id }}') },
			{ inputItems: ids.map((id) => ({ id })), continueOnFail: true },
		);
		expect(jsonOf(result.items).map((v) => v.vehicleId)).toEqual(ids);
		expect(statuses().filter((s) => s === 429)).toHaveLength(12);
		expect(statuses().filter((s) => s === 200)).toHaveLength(6);
	});

	it('an access token expiring mid-run costs one login and no item', async () => {
		const total = vehiclesOf().length;
		await run(ctx.credentials, { resource: 'partner', operation: 'getProfile' }); // holds a token
		ctx.sandbox.clearLog();
		ctx.sandbox.setLatency(20);
		try {
			const running = run(
				ctx.credentials,
				{ resource: 'vehicle', operation: 'getAll', companyId: DEMO_COMPANY_ID, returnAll: true },
				{ inputItems: [{}, {}, {}], continueOnFail: true },
			);
			await whenLogged((path) => path === '/vehicles');
			ctx.sandbox.expireAllTokens();
			const result = await running;
			expect(result.error).toBeUndefined();
			expect(result.items.filter((item) => item.json.error)).toEqual([]);
			expect(result.items).toHaveLength(3 * total);
		} finally {
			ctx.sandbox.setLatency(0);
		}
		expect(statuses('/vehicles')).toContain(401);
		expect(apiCalls(ctx.sandbox).length).toBeGreaterThan(0);
		expect(ctx.sandbox.requestLog.filter((e) => e.path === '/partners/login')).toHaveLength(1);
	});
});

describe('the shared budget', () => {
	it('500 items each getting a vehicle stay under a small limit: no 429 from the sandbox, no failed item', async () => {
		// 50 GETs per 400 ms: 500 unpaced requests (about 3 s here) would exceed it many times over.
		const windowMs = 400;
		ctx.sandbox.setLimits({ get: 50, windowMs });
		try {
			const credentials = credentialsFor(ctx.sandbox, {
				readsPerMinute: 50,
				rateWindowMs: windowMs,
			});
			const ids = vehiclesOf().map((v) => v.vehicleId as string);
			const inputItems = Array.from({ length: 500 }, (_v, i) => ({ id: ids[i % ids.length] }));
			const result = await run(
				credentials,
				{ resource: 'vehicle', operation: 'get', vehicleId: byId('={{ $json.id }}') },
				{
					inputItems,
					continueOnFail: true,
				},
			);
			expect(result.error).toBeUndefined();
			expect(result.items.filter((item) => item.json.error)).toEqual([]);
			expect(jsonOf(result.items).map((v) => v.vehicleId)).toEqual(
				inputItems.map((item) => item.id),
			);
			const gets = apiCalls(ctx.sandbox).filter((c) => c.method === 'GET');
			expect(gets).toHaveLength(500);
			expect(gets.filter((c) => c.status === 429)).toEqual([]);
		} finally {
			ctx.sandbox.setLimits({ get: 150, windowMs: 1_000 });
		}
	});
});

describe('pickers', () => {
	function loadOptionsContext(credentials: CredentialStore, parameters: INodeParameters) {
		const { workflow, node } = buildNodeWorkflow({
			nodeType: new AutoLeap(),
			parameters,
			credentials,
		});
		// n8n's editor sends the node's current parameters with every load-options request.
		const additionalData = {
			...buildAdditionalData(credentials),
			currentNodeParameters: parameters,
		};
		return new LoadOptionsContext(workflow, node, additionalData, 'parameters.companyId');
	}
	const { loadOptions, listSearch } = new AutoLeap().methods;

	it('getCompanies lists the partner’s companies; getLocations the chosen company’s locations', async () => {
		const context = loadOptionsContext(ctx.credentials, {
			resource: 'payment',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
		});
		const companies = await loadOptions.getCompanies.call(context);
		expect(companies).toContainEqual({ name: 'Leap Auto Care', value: DEMO_COMPANY_ID });
		const locations = await loadOptions.getLocations.call(context);
		expect(locations.map((l) => l.value)).toEqual(['', ...DEMO_LOCATION_IDS]);
		expect(apiCalls(ctx.sandbox).map((c) => c.path)).toEqual([
			'/partners/profile',
			'/partners/profile',
		]);
	});

	it('searchVehicles filters, pages with a token and links to AutoLeap', async () => {
		const context = loadOptionsContext(ctx.credentials, {
			resource: 'vehicle',
			operation: 'get',
			companyId: DEMO_COMPANY_ID,
		});
		const first = await listSearch.searchVehicles.call(context);
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		const second = await listSearch.searchVehicles.call(
			context,
			undefined,
			first.paginationToken as string,
		);
		expect(second.results[0].value).not.toBe(first.results[0].value);
		const vehicle = vehiclesOf()[0];
		const found = await listSearch.searchVehicles.call(context, vehicle.vin);
		expect(found.results).toEqual([
			expect.objectContaining({
				value: vehicle.vehicleId,
				url: expect.stringContaining(`/vehicles/${vehicle.vehicleId}`),
			}),
		]);
		expect(found.paginationToken).toBeUndefined();
		expect(apiCalls(ctx.sandbox, '/vehicles').map((c) => [c.query.page, c.query.search])).toEqual([
			['1', undefined],
			['2', undefined],
			['1', vehicle.vin],
		]);
	});

	it('searchCustomers finds a customer by name', async () => {
		const context = loadOptionsContext(ctx.credentials, {
			resource: 'vehicle',
			operation: 'create',
			companyId: DEMO_COMPANY_ID,
		});
		const customer = ctx.sandbox.store.list('customers', DEMO_COMPANY_ID)[0];
		const found = await listSearch.searchCustomers.call(context, customer.lastName);
		expect(found.results.map((r) => r.value)).toContain(customer.customerId);
		expect(apiCalls(ctx.sandbox, '/customers')[0].query).toMatchObject({
			companyId: DEMO_COMPANY_ID,
			search: customer.lastName,
		});
	});
});
