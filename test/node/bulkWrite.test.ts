import type { IDataObject } from 'n8n-workflow';

import { apiCalls, DEMO_COMPANY_ID, run, useSandbox } from './helpers';

// Small windows: the sandbox's and the node's budgets both roll over every second.
const ctx = useSandbox();

const vehicleCreate = {
	resource: 'vehicle',
	operation: 'create',
	companyId: DEMO_COMPANY_ID,
	customerId: { __rl: true, mode: 'id', value: '={{ $json.customerId }}' },
	additionalFields: {
		vin: '={{ $json.vin }}',
		year: '={{ $json.year }}',
		transmission: '={{ $json.transmission }}',
	},
};

/** `count` vehicles for existing customers, each with a VIN naming its position. */
function vehicles(count: number): IDataObject[] {
	const customers = ctx.sandbox.store.list('customers', DEMO_COMPANY_ID);
	return Array.from({ length: count }, (_, i) => ({
		customerId: customers[i % customers.length].customerId,
		vin: `TESTVIN${String(i).padStart(10, '0')}`,
		year: 2000 + (i % 25),
		transmission: i % 2 ? 'Manual' : 'Automatic',
	}));
}

const created = () =>
	ctx.sandbox.store
		.list('vehicles', DEMO_COMPANY_ID)
		.filter((v) => String(v.vin).startsWith('TESTVIN'));
const vehiclePosts = () =>
	apiCalls(ctx.sandbox, '/vehicles').filter((call) => call.method === 'POST');
const sentCount = (call: { body: unknown }) =>
	(call.body as { vehicles: unknown[] }).vehicles.length;

describe('Bulk writes (the engine behind every Create, Update and Archive)', () => {
	it('250 items become exactly 3 requests; every output is linked to its input and echoes it', async () => {
		const input = vehicles(250);
		const result = await run(ctx.credentials, vehicleCreate, { inputItems: input });
		expect(result.error).toBeUndefined();

		const posts = vehiclePosts();
		expect(posts.map(sentCount)).toEqual([100, 100, 50]);
		expect(posts.every((call) => call.status === 200)).toBe(true);
		expect(result.items).toHaveLength(250);
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toMatchObject({ ...input[i], companyId: DEMO_COMPANY_ID, success: true });
		});
		expect(created()).toHaveLength(250);
	});

	it('one record only AutoLeap rejects (unknown customer) fails only its item under Continue On Fail', async () => {
		const input = vehicles(100);
		input[37].customerId = 'no-such-customer';
		const result = await run(ctx.credentials, vehicleCreate, {
			inputItems: input,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();

		expect(created()).toHaveLength(99);
		expect(created().some((v) => v.vin === input[37].vin)).toBe(false);
		const failed = result.items.filter((item) => item.json.error !== undefined);
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 37 });
		expect(failed[0].json.error).toMatch(
			/^Item 38 was rejected: AutoLeap could not find the record/,
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual(input.map((_, i) => ({ item: i })));
		// AutoLeap's error names the record (vehicles[37]): the batch is sent again without it, once.
		expect(vehiclePosts().map((call) => call.status)).toEqual([404, 200]);
	});

	it('without Continue On Fail the error names the rejected item and the items already applied, as ranges', async () => {
		const input = vehicles(150);
		input[137].customerId = 'no-such-customer';
		const result = await run(ctx.credentials, vehicleCreate, { inputItems: input });
		const error = result.error as Error & { description?: string; context?: IDataObject };
		expect(error.message).toMatch(
			/^Item 138 was rejected: AutoLeap could not find the record: .*no-such-customer/,
		);
		expect(error.context?.itemIndex).toBe(137);
		expect(error.description).toMatch(/Items already applied before this failure: 1-100\.$/);
		// The run stops there: nothing after the rejected record is sent.
		expect(created()).toHaveLength(100);
	});

	it('a record failing local checks (bad enum) stops the run before any request, naming the field and item', async () => {
		const input = vehicles(5);
		input[3].transmission = 'CVT';
		const result = await run(ctx.credentials, vehicleCreate, { inputItems: input });
		expect(result.error?.message).toBe(
			'Item 4 was not sent: "transmission" must be one of Automatic, Manual (got "CVT")',
		);
		expect(vehiclePosts()).toHaveLength(0);
		expect(created()).toHaveLength(0);
	});

	it('429 bursts are waited out: no failed items', async () => {
		ctx.sandbox.injectFaults({ status: 429, count: 3, method: 'WRITE', path: '/vehicles' });
		const result = await run(ctx.credentials, vehicleCreate, {
			inputItems: vehicles(250),
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.filter((item) => item.json.error !== undefined)).toHaveLength(0);
		expect(vehiclePosts().map((call) => call.status)).toEqual([429, 429, 429, 200, 200, 200]);
		expect(created()).toHaveLength(250);
	});

	it('an access token expiring between batches is replaced: no failed items', async () => {
		const { sandbox } = ctx;
		sandbox.setLatency(40);
		// Expire every token as soon as the first batch has been answered.
		const watcher = setInterval(() => {
			if (vehiclePosts().length > 0) {
				sandbox.expireAllTokens();
				clearInterval(watcher);
			}
		}, 2);
		try {
			const result = await run(ctx.credentials, vehicleCreate, {
				inputItems: vehicles(250),
				continueOnFail: true,
			});
			expect(result.error).toBeUndefined();
			expect(result.items.filter((item) => item.json.error !== undefined)).toHaveLength(0);
		} finally {
			clearInterval(watcher);
			sandbox.setLatency(0);
		}
		const statuses = vehiclePosts().map((call) => call.status);
		expect(statuses).toContain(401);
		expect(statuses.filter((status) => status === 200)).toHaveLength(3);
		expect(created()).toHaveLength(250);
	});

	it('a 5xx on a write is not retried (it may have been applied) and fails with a clear error', async () => {
		ctx.sandbox.injectFaults({ status: 500, count: 1, method: 'WRITE', path: '/vehicles' });
		const result = await run(ctx.credentials, vehicleCreate, { inputItems: vehicles(3) });
		expect(vehiclePosts()).toHaveLength(1);
		expect(vehiclePosts()[0].status).toBe(500);
		const error = result.error as Error & { description?: string };
		expect(error.message).toMatch(/AutoLeap failed to process the request \(HTTP 500\)/);
		expect(error.description).toMatch(/may or may not have been applied/);
		expect(created()).toHaveLength(0);
	});
});
