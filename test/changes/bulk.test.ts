import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { FaultSpec } from '../../sandbox';
import type { OwnReply, ProxiedCall, ProxyRules, RewritingProxy } from '../fixtures/rewritingProxy';
import { startRewritingProxy } from '../fixtures/rewritingProxy';
import {
	credentialsFor,
	DEMO_COMPANY_ID,
	DEMO_LOCATION_IDS,
	run,
	useSandbox,
} from '../node/helpers';
import { expectReadmeBlock, markdownTable } from '../readme/blocks';

/**
 * Bulk writes while AutoLeap answers in ways the happy path never shows: a batch-level refusal
 * that does not come back, a cap on the records per request, an error that names a record by a
 * foreign key. A record fails as "rejected" only when AutoLeap refused it alone or named it by
 * its position or own id; every record is written once; the requests stay within twice the
 * minimum. Each case is measured on the sandbox's records and the requests that reached it;
 * the measurements are the README's `changes-bulk` table.
 */

const ctx = useSandbox({ bulkVehicles: 300 });
let proxy: RewritingProxy;
beforeAll(async () => {
	proxy = await startRewritingProxy(ctx.sandbox.url);
});
afterAll(async () => await proxy.close());

/** Halvings of a batch of 100 down to one record: 100, 50, 25, 13, 7, 4, 2, 1. */
const DEPTH = Math.ceil(Math.log2(100));

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

let tag = 0;
/** `count` new vehicles whose VINs mark this case, spread over the company's customers. */
function newVehicles(count: number): IDataObject[] {
	const customers = ctx.sandbox.store.list('customers', DEMO_COMPANY_ID);
	const prefix = `B${++tag}X`;
	return Array.from({ length: count }, (_, i) => ({
		customerId: customers[i % customers.length].customerId,
		vin: `${prefix}${String(i).padStart(8, '0')}`,
	}));
}
/** Updates of `count` existing vehicles, each setting a note that marks this case. */
function updates(count: number): IDataObject[] {
	const note = `bulk-change-${++tag}`;
	return ctx.sandbox.store
		.list('vehicles', DEMO_COMPANY_ID)
		.slice(0, count)
		.map((v) => ({ vehicleId: v.vehicleId, notes: note }));
}

interface Held {
	count: number;
	/** Records created twice (a create resent after AutoLeap applied it). */
	twice: number;
}
/** How many of the new vehicles the sandbox holds, and how many twice. */
function created(rows: IDataObject[]): Held {
	const vins = new Set(rows.map((r) => r.vin));
	const found = ctx.sandbox.store
		.list('vehicles', DEMO_COMPANY_ID)
		.filter((v) => vins.has(v.vin))
		.map((v) => v.vin);
	return { count: new Set(found).size, twice: found.length - new Set(found).size };
}
/** How many of the vehicle updates the sandbox holds (an update applied twice leaves no trace). */
function updated(rows: IDataObject[]): Held {
	const notes = new Map(rows.map((r) => [r.vehicleId, r.notes]));
	const count = ctx.sandbox.store
		.list('vehicles', DEMO_COMPANY_ID)
		.filter((v) => notes.get(v.vehicleId) === v.notes).length;
	return { count, twice: 0 };
}

/** A bulk write (login, refresh and logout are the credential's). */
const isWrite = (call: ProxiedCall) => call.method !== 'GET' && !call.path.includes('/partners/');
const recordsIn = (call: ProxiedCall) =>
	(Object.values((call.body ?? {}) as object).find(Array.isArray) ?? []).length;
const refusal = (error: string): OwnReply => ({ status: 400, body: { success: false, error } });

/** An AutoLeap (the proxy) that refuses the first write once, naming nothing. */
const refusesOnce = (error: string): ProxyRules => {
	let refused = false;
	return {
		request: (call) => {
			if (!isWrite(call) || refused) return;
			refused = true;
			return refusal(error);
		},
	};
};
/** An AutoLeap (the proxy) that refuses every write holding more than `cap` records. */
const capsAt = (cap: number, error: string): ProxyRules => ({
	request: (call) => (isWrite(call) && recordsIn(call) > cap ? refusal(error) : undefined),
});

type Result = Awaited<ReturnType<typeof run>>;
const itemOf = (item: Result['items'][number]) => (item.pairedItem as { item: number }).item;
const failedItems = (result: Result) =>
	result.items.filter((item) => item.json.error !== undefined);
const reportedWritten = (result: Result) =>
	result.items.filter((item) => item.json.success === true).length;

interface Case {
	parameters: INodeParameters;
	rows: IDataObject[];
	/** What of the rows the sandbox holds afterwards (default: new vehicles). */
	held?: (rows: IDataObject[]) => Held;
	rules?: ProxyRules;
	faults?: FaultSpec[];
	continueOnFail?: boolean;
}

/** Runs a case through the proxy and measures it: records held, output, and every write sent. */
async function measure({
	parameters,
	rows,
	held = created,
	rules = {},
	faults = [],
	continueOnFail = true,
}: Case) {
	const sizes: number[] = [];
	proxy.setRules({
		...rules,
		request: (call) => {
			if (isWrite(call)) sizes.push(recordsIn(call));
			return rules.request?.(call);
		},
	});
	proxy.log.length = 0;
	for (const fault of faults) ctx.sandbox.injectFaults(fault);
	const credentials = credentialsFor(ctx.sandbox, { customUrl: proxy.url, rateWindowMs: 1_000 });
	const result = await run(credentials, parameters, { inputItems: rows, continueOnFail });
	const failed = failedItems(result);
	const rejected = failed.filter((item) =>
		/^Item \d+ was rejected: /.test(String(item.json.error)),
	);
	const refused = failed.filter((item) => / refused/.test(String(item.json.error)));
	return {
		result,
		failed,
		rejected,
		sizes,
		held: held(rows),
		reported: reportedWritten(result),
		requests: sizes.length,
		reachedSandbox: ctx.sandbox.requestLog.filter(
			(e) => e.method === 'POST' && e.path === '/vehicles',
		).length,
		column: `${failed.length} (${rejected.length} rejected, ${refused.length} refused)`,
	};
}

const rows: Array<Array<string | number>> = [];
/** A README row; `minimum` is what the case needs at the least, and it may cost twice that. */
function row(
	situation: string,
	outcome: string,
	m: Awaited<ReturnType<typeof measure>>,
	minimum: number,
) {
	expect(m.held.twice).toBe(0);
	expect(m.requests).toBeLessThanOrEqual(2 * minimum);
	rows.push([
		situation,
		outcome,
		`${m.held.count} / ${m.reported}`,
		m.column,
		`${m.requests} (minimum ${minimum})`,
	]);
}

afterAll(() => {
	if (rows.length < 10) return; // a run of some of the cases (jest -t) writes nothing
	expectReadmeBlock(
		'changes-bulk',
		markdownTable(
			[
				'Situation',
				'What the node does',
				'Written / reported written',
				'Failed (rejected, refused)',
				'Requests',
			],
			rows,
		),
	);
});

describe('a refusal that names no record is not pinned on one', () => {
	it('a transient 400 on a batch of 100 valid records: sent again whole, all written once', async () => {
		const input = newVehicles(100);
		const m = await measure({
			parameters: vehicleCreate,
			rows: input,
			rules: refusesOnce('Bad request'),
		});
		expect(m.failed).toHaveLength(0);
		expect(m.held.count).toBe(100);
		expect(m.reported).toBe(100);
		expect(m.sizes).toEqual([100, 100]);
		expect(m.reachedSandbox).toBe(1);
		row(
			'100 valid records; AutoLeap refuses the request once with a 400 naming no record',
			'sends the batch again whole: all written',
			m,
			1,
		);
	});

	it('the second try fails in a way that may have applied it: not sent a third time', async () => {
		const input = newVehicles(100);
		const m = await measure({
			parameters: vehicleCreate,
			rows: input,
			rules: refusesOnce('Bad request'),
			faults: [{ kind: 'reset', method: 'POST', path: '/vehicles', applied: true }],
		});
		expect(m.sizes).toEqual([100, 100]);
		expect(m.held.count).toBe(100); // AutoLeap applied it, then the connection was cut
		expect(m.reported).toBe(0);
		expect(m.failed.map(itemOf)).toEqual(input.map((_, i) => i));
		expect(String(m.failed[0].json.error)).toMatch(/^Items 1-100 failed: /);
		expect(String((m.failed[0].error as { description?: string }).description)).toMatch(
			/may or may not have been applied/,
		);
		row(
			'The same, and the second try is cut off after AutoLeap applied it',
			'not sent again; its items fail as "may or may not have been applied"',
			m,
			1,
		);
	});

	it('a transient 400 on a single record (Batch Size 1, an AI tool’s call): sent again, written', async () => {
		const input = newVehicles(3);
		const m = await measure({
			parameters: { ...vehicleCreate, options: { batchSize: 1 } },
			rows: input,
			rules: refusesOnce('Bad request'),
		});
		expect(m.failed).toHaveLength(0);
		expect(m.sizes).toEqual([1, 1, 1, 1]);
		expect(m.held.count).toBe(3);
		row(
			'3 records at Batch Size 1; AutoLeap refuses the first request once, naming nothing',
			'sends that record again: all written',
			m,
			3,
		);
	});

	it('a foreign key in the error (the customer of 10 vehicles, 1 of them bad) names none of them', async () => {
		const input = newVehicles(100);
		const customer = input[0].customerId;
		const ofCustomer = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90];
		for (const i of ofCustomer) input[i].customerId = customer;
		const bad = 40;
		const m = await measure({
			parameters: vehicleCreate,
			rows: input,
			faults: [
				{
					kind: 'rejectRecords',
					variant: 'id',
					idField: 'vin',
					ids: [String(input[bad].vin)],
					error: 'Vehicle could not be created for customer {record.customerId}',
					persistent: true,
				},
			],
		});
		expect(m.failed.map(itemOf)).toEqual([bad]);
		expect(m.rejected).toHaveLength(1);
		expect(String(m.failed[0].json.error)).toBe(
			`Item ${bad + 1} was rejected: AutoLeap rejected the request: Vehicle could not be created for customer ${String(customer)}`,
		);
		// Sent alone before it was blamed; the other vehicles of that customer are written.
		expect(m.sizes).toContain(1);
		expect(m.held.count).toBe(99);
		expect(m.reported).toBe(99);
		row(
			`AutoLeap's error names a customer id (a foreign key) that ${ofCustomer.length} of 100 new vehicles carry; 1 of them is bad`,
			'names no record: sent again whole, then halved; only the bad one, refused alone, fails',
			m,
			1 + DEPTH,
		);
	});

	it('3 records AutoLeap refuses without naming them, in 300 updates: each found alone', async () => {
		const input = updates(300);
		const bad = [7, 150, 293];
		for (const i of bad) input[i] = { ...input[i], notes: 'refuse-me' };
		const m = await measure({
			parameters: vehicleUpdate,
			rows: input,
			held: updated,
			faults: [
				{
					kind: 'rejectRecords',
					variant: 'id',
					idField: 'notes',
					ids: ['refuse-me'],
					error: 'Some vehicles could not be updated',
					persistent: true,
				},
			],
		});
		expect(m.failed.map(itemOf)).toEqual(bad);
		expect(m.rejected).toHaveLength(3);
		expect(m.held.count).toBe(297);
		expect(m.reported).toBe(297);
		row(
			'3 of 300 updates refused with a message naming none',
			'sent again whole, then halved: the 3, each refused alone, fail',
			m,
			3 + 3 * DEPTH,
		);
	});
});

describe('a cap on the records per request', () => {
	it('stated in AutoLeap’s message: the batch size becomes the cap for the rest of the run', async () => {
		const input = newVehicles(300);
		const m = await measure({
			parameters: vehicleCreate,
			rows: input,
			rules: capsAt(50, 'vehicles must contain at most 50 records'),
		});
		expect(m.failed).toHaveLength(0);
		expect(m.held.count).toBe(300);
		expect(m.sizes).toEqual([100, 50, 50, 50, 50, 50, 50]);
		row(
			'300 new vehicles; AutoLeap takes at most 50 per request and says so',
			'batch size 50 from then on: all written',
			m,
			6,
		);
	});

	it('not stated (a bare 400): refused twice whole while its halves pass, the batch size halves', async () => {
		const input = newVehicles(300);
		const m = await measure({
			parameters: vehicleCreate,
			rows: input,
			rules: capsAt(50, 'Bad request'),
		});
		expect(m.failed).toHaveLength(0);
		expect(m.held.count).toBe(300);
		expect(m.sizes).toEqual([100, 100, 50, 50, 50, 50, 50, 50]);
		row(
			'The same cap, answered with a bare "Bad request"',
			'refused twice whole, its halves taken: batch size 50 from then on; all written',
			m,
			6,
		);
	});
});

describe('what AutoLeap names still fails alone', () => {
	it('by position (`vehicles[37]`): that record fails, the rest is sent again once', async () => {
		const input = newVehicles(100);
		input[37].customerId = 'no-such-customer';
		const m = await measure({ parameters: vehicleCreate, rows: input });
		expect(m.failed.map(itemOf)).toEqual([37]);
		expect(m.sizes).toEqual([100, 99]);
		expect(m.held.count).toBe(99);
		row(
			'A new vehicle for an unknown customer; AutoLeap names it `vehicles[37]`',
			'that item fails alone; the other 99 sent again once',
			m,
			2,
		);
	});

	it('by its own id (`vehicleId …`), without its position', async () => {
		const input = updates(100);
		const stale = 'stale-0042';
		input[42] = { ...input[42], vehicleId: stale };
		const m = await measure({
			parameters: vehicleUpdate,
			rows: input,
			held: updated,
			faults: [{ kind: 'rejectRecords', variant: 'id', ids: [stale], persistent: true }],
		});
		expect(String(m.failed[0]?.json.error)).toMatch(/vehicleId stale-0042 not found$/);
		expect(m.failed.map(itemOf)).toEqual([42]);
		expect(m.sizes).toEqual([100, 99]);
		expect(m.held.count).toBe(99);
		row(
			'An update of a vehicle AutoLeap no longer has; it names the vehicle id only',
			'that item fails alone; the other 99 sent again once',
			m,
			2,
		);
	});

	it('by all of its own ids: an inventory level is its item at its location', async () => {
		const [here, there] = [DEMO_LOCATION_IDS[0], DEMO_LOCATION_IDS[1]];
		const [a, b, c] = ctx.sandbox.store
			.list('inventoryLevels', DEMO_COMPANY_ID)
			.filter((l) => l.locationId === here)
			.map((l) => String(l.itemId));
		// Item a at both locations (AutoLeap refuses the second), item b there, item c here.
		const input = [
			{ itemId: a, locationId: here, qty: 5 },
			{ itemId: a, locationId: there, qty: 4242 },
			{ itemId: b, locationId: there, qty: 3 },
			{ itemId: c, locationId: here, qty: 8 },
		];
		const levelOf = (row: IDataObject) =>
			ctx.sandbox.store
				.list('inventoryLevels', DEMO_COMPANY_ID)
				.find((l) => String(l.itemId) === row.itemId && l.locationId === row.locationId);
		const m = await measure({
			parameters: {
				resource: 'inventoryLevel',
				operation: 'update',
				companyId: DEMO_COMPANY_ID,
				itemId: '={{ $json.itemId }}',
				locationId: '={{ $json.locationId }}',
				updateFields: { quantityOnHand: '={{ $json.qty }}' },
			},
			rows: input,
			held: (rows) => ({
				count: rows.filter((row) => levelOf(row)?.quantityOnHand === row.qty).length,
				twice: 0,
			}),
			faults: [
				{
					kind: 'rejectRecords',
					variant: 'id',
					idField: 'quantityOnHand',
					ids: [4242],
					error: 'Stock of item {record.itemId} at location {record.locationId} is locked',
					persistent: true,
				},
			],
		});
		expect(m.failed.map(itemOf)).toEqual([1]);
		expect(String(m.failed[0].json.error)).toMatch(
			new RegExp(`^Item 2 was rejected: .*item ${a} at location ${there} is locked$`),
		);
		expect(m.sizes).toEqual([4, 3]);
		expect(m.held.count).toBe(3);
		row(
			'4 inventory levels; AutoLeap refuses one, naming its item and location (the batch holds another level of that item and another at that location)',
			'only the level named by both fails; the other 3 sent again once',
			m,
			2,
		);
	});

	it('a position is not an id: `vehicles[3]` does not name the vehicle whose id is 3', async () => {
		const [template] = ctx.sandbox.store.list('vehicles', DEMO_COMPANY_ID);
		ctx.sandbox.store.create('vehicles', { ...template, vehicleId: '3' });
		const input = updates(5);
		input[0] = { ...input[0], vehicleId: '3' };
		input[3] = { ...input[3], vehicleId: 'stale-3' };
		const m = await measure({ parameters: vehicleUpdate, rows: input, held: updated });
		expect(String(m.failed[0]?.json.error)).toMatch(
			/vehicles\[3\]\.vehicleId "stale-3" not found$/,
		);
		expect(m.failed.map(itemOf)).toEqual([3]);
		expect(m.sizes).toEqual([5, 4]);
		expect(m.held.count).toBe(4);
	});

	it('every record named: all fail at once, nothing halved', async () => {
		const input = updates(3).slice(1);
		input[0] = { ...input[0], vehicleId: 'stale-a' };
		input[1] = { ...input[1], vehicleId: 'stale-b' };
		const m = await measure({
			parameters: vehicleUpdate,
			rows: input,
			held: updated,
			faults: [
				{ kind: 'rejectRecords', variant: 'id', ids: ['stale-a', 'stale-b'], persistent: true },
			],
		});
		expect(m.failed.map(itemOf)).toEqual([0, 1]);
		expect(m.rejected).toHaveLength(2);
		expect(m.sizes).toEqual([2]);
	});
});

describe('without Continue On Fail', () => {
	it('a transient 400 does not stop the run', async () => {
		const input = newVehicles(150);
		const m = await measure({
			parameters: vehicleCreate,
			rows: input,
			rules: refusesOnce('Bad request'),
			continueOnFail: false,
		});
		expect(m.result.error).toBeUndefined();
		expect(m.held.count).toBe(150);
		expect(m.sizes).toEqual([100, 100, 50]);
	});
});

describe('at volume', () => {
	it('Create with 50,000 items through n8n-core writes all 50,000, once, in 500 requests', async () => {
		const note = `volume-${++tag}`;
		const [customer] = ctx.sandbox.store.list('customers', DEMO_COMPANY_ID);
		ctx.sandbox.setLimits({ write: 1_000_000 });
		try {
			// Parameters without expressions: n8n's evaluation of 50,000 would be most of the time.
			const result = await run(
				credentialsFor(ctx.sandbox, { writesPerMinute: 1_000_000, rateWindowMs: 1_000 }),
				{
					resource: 'vehicle',
					operation: 'create',
					companyId: DEMO_COMPANY_ID,
					customerId: { __rl: true, mode: 'id', value: customer.customerId },
					additionalFields: { make: 'Ford', notes: note },
				},
				{ inputItems: Array.from({ length: 50_000 }, (_, i) => ({ i })) },
			);
			expect(result.error).toBeUndefined();
			expect(reportedWritten(result)).toBe(50_000);
		} finally {
			ctx.sandbox.setLimits({ write: 50 });
		}
		const written = ctx.sandbox.store
			.list('vehicles', DEMO_COMPANY_ID)
			.filter((v) => v.notes === note);
		expect(written).toHaveLength(50_000);
		const posts = ctx.sandbox.requestLog.filter(
			(e) => e.method === 'POST' && e.path === '/vehicles',
		);
		expect(posts).toHaveLength(500);
	});
});
