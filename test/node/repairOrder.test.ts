import { apiCalls, DEMO_COMPANY_ID, DEMO_LOCATION_ID, jsonOf, run, useSandbox } from './helpers';

const ctx = useSandbox();

const orders = () => ctx.sandbox.store.list('orders', DEMO_COMPANY_ID);

describe('Repair Order', () => {
	it('Get reads GET /orders/{roNumber}?companyId= and unwraps {content:[ro]}', async () => {
		const { sandbox, credentials } = ctx;
		const ro = orders()[5];
		const result = await run(credentials, {
			resource: 'repairOrder',
			operation: 'get',
			companyId: DEMO_COMPANY_ID,
			roNumber: String(ro.repairOrderNumber),
			simplify: false,
		});
		expect(result.error).toBeUndefined();
		const calls = apiCalls(sandbox);
		expect(calls.map((c) => [c.method, c.path, c.query])).toEqual([
			['GET', `/orders/${ro.repairOrderNumber}`, { companyId: DEMO_COMPANY_ID }],
		]);
		expect(jsonOf(result.items)).toEqual([ro]);
	});

	it('Get simplified keeps the useful fields only', async () => {
		const { credentials } = ctx;
		const ro = orders()[0];
		const result = await run(credentials, {
			resource: 'repairOrder',
			operation: 'get',
			companyId: DEMO_COMPANY_ID,
			roNumber: String(ro.repairOrderNumber),
		});
		const json = result.items[0].json;
		expect(json).toMatchObject({
			repairOrderNumber: ro.repairOrderNumber,
			totalSales: ro.totalSales,
			repairOrderStatus: ro.repairOrderStatus,
		});
		expect(json).not.toHaveProperty('services');
		expect(json).not.toHaveProperty('laborCost');
	});

	it('Get of an unknown RO fails with AutoLeap’s message and the item number', async () => {
		const { credentials } = ctx;
		const result = await run(credentials, {
			resource: 'repairOrder',
			operation: 'get',
			companyId: DEMO_COMPANY_ID,
			roNumber: '99999999',
		});
		expect(result.error?.message).toMatch(/^AutoLeap could not find the record: .*99999999/);
	});

	it('Get Many sends every filter (dates as UTC ISO, status code, finalized flag)', async () => {
		const { sandbox, credentials } = ctx;
		const result = await run(credentials, {
			resource: 'repairOrder',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			locationId: DEMO_LOCATION_ID,
			returnAll: true,
			filters: {
				repairOrderStatusId: 5,
				isFinalized: true,
				search: '',
				invoiceStartDate: '2020-01-01T00:00:00Z',
				invoiceEndDate: '2030-01-01T00:00:00-05:00',
				finalizeStartDate: '2020-01-01T00:00:00Z',
				finalizeEndDate: '2030-01-01T00:00:00Z',
				updatedDateStart: '2020-01-01T00:00:00Z',
				updatedDateEnd: '2030-01-01T00:00:00Z',
				sort: 'repairOrderNumber',
				sortDirection: 'DESC',
			},
		});
		expect(result.error).toBeUndefined();
		const [call, ...more] = apiCalls(sandbox, '/orders');
		expect(more).toHaveLength(0);
		expect(call.query).toEqual({
			companyId: DEMO_COMPANY_ID,
			locationId: DEMO_LOCATION_ID,
			repairOrderStatusId: '5',
			isFinalized: 'true',
			invoiceStartDate: '2020-01-01T00:00:00Z',
			invoiceEndDate: '2030-01-01T05:00:00Z',
			finalizeStartDate: '2020-01-01T00:00:00Z',
			finalizeEndDate: '2030-01-01T00:00:00Z',
			updatedDateStart: '2020-01-01T00:00:00Z',
			updatedDateEnd: '2030-01-01T00:00:00Z',
			sort: 'repairOrderNumber',
			sortDirection: 'DESC',
			page: '1',
			size: '100',
		});
		const expected = orders().filter(
			(o) => o.repairOrderStatusId === 5 && o.locationId === DEMO_LOCATION_ID,
		);
		expect(expected.length).toBeGreaterThan(0);
		const numbers = jsonOf(result.items).map((o) => o.repairOrderNumber as number);
		expect(numbers.sort((a, b) => a - b)).toEqual(
			expected.map((o) => o.repairOrderNumber).sort((a, b) => a - b),
		);
	});

	it('Get Many narrows to one RO with the documented repairOrderNumber filter', async () => {
		const { sandbox, credentials } = ctx;
		const order = sandbox.store.list('orders', DEMO_COMPANY_ID)[4];
		const result = await run(credentials, {
			resource: 'repairOrder',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			filters: { repairOrderNumber: String(order.repairOrderNumber) },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.repairOrderNumber)).toEqual([
			order.repairOrderNumber,
		]);
		expect(apiCalls(sandbox, '/orders')[0].query).toMatchObject({
			repairOrderNumber: String(order.repairOrderNumber),
		});
	});

	it('Get Many sends Is Finalized off as false and a search text', async () => {
		const { sandbox, credentials } = ctx;
		const ro = orders().find((o) => !o.isFinalized)!;
		const result = await run(credentials, {
			resource: 'repairOrder',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			limit: 5,
			filters: { isFinalized: false, search: String(ro.repairOrderNumber) },
		});
		expect(result.error).toBeUndefined();
		const [call] = apiCalls(sandbox, '/orders');
		expect(call.query).toMatchObject({
			isFinalized: 'false',
			search: String(ro.repairOrderNumber),
			size: '5',
		});
		expect(jsonOf(result.items).map((o) => o.repairOrderNumber)).toContain(ro.repairOrderNumber);
	});
});
