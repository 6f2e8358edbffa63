import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AutoLeapTrigger } from '../../nodes/AutoLeapTrigger/AutoLeapTrigger.node';
import { TRIGGER_EVENTS } from '../../nodes/AutoLeapTrigger/events';
import type { ResourceName } from '../../sandbox';
import { runPoll } from '../harness/poll';
import { apiCalls, DEMO_COMPANY_ID, useSandbox } from '../node/helpers';

const START = '2025-06-02T12:00:00.000Z';
const ctx = useSandbox(
	{ clock: 'manual', startTime: START, limits: { get: 100_000, write: 100_000, windowMs: 1000 } },
	1000,
);
/** n8n and AutoLeap agree on the time: the poller reads the sandbox's manual clock. */
const trigger = () => new AutoLeapTrigger({ now: () => ctx.sandbox.clock.now() });

function params(event: string, extra: INodeParameters = {}): INodeParameters {
	return {
		event,
		companyId: DEMO_COMPANY_ID,
		locationId: '',
		startFrom: 'now',
		simplify: false,
		options: {},
		...extra,
	};
}

/** One trigger in an active workflow: static data carried from poll to poll as n8n saves it. */
function activeTrigger(parameters: INodeParameters) {
	let staticData: IDataObject = {};
	return {
		get staticData() {
			return staticData;
		},
		set staticData(stored: IDataObject) {
			staticData = stored;
		},
		async poll(mode: 'trigger' | 'manual' = 'trigger') {
			const result = await runPoll({
				nodeType: trigger(),
				parameters,
				credentials: ctx.credentials,
				staticData,
				mode,
			});
			if (mode === 'trigger') staticData = result.staticData;
			return result.items?.map((item) => item.json) ?? null;
		},
	};
}

const idOf = (event: string) => TRIGGER_EVENTS.find((e) => e.value === event)!.idField;

describe('AutoLeap Trigger polls', () => {
	it('records a start point on first activation, emits a change once, and an idle poll costs one GET', async () => {
		const { sandbox } = ctx;
		// Changed just before activation: not emitted (no backfill), even within the overlap.
		const before = sandbox.store.list('vehicles', DEMO_COMPANY_ID)[5];
		sandbox.store.update('vehicles', before.vehicleId, { mileage: 1 });
		const trigger = activeTrigger(params('vehicleUpdated'));
		expect(await trigger.poll()).toBeNull();
		// The start point: one GET around "now" (± the 300 s overlap), remembered as seen.
		const [baseline] = apiCalls(sandbox);
		expect(apiCalls(sandbox)).toHaveLength(1);
		expect(baseline.query).toMatchObject({
			updatedDateStart: '2025-06-02T11:55:00Z',
			updatedDateEnd: '2025-06-02T12:05:00Z',
		});
		const cursor = (trigger.staticData['node:AutoLeap Trigger'] as IDataObject)
			.cursor as IDataObject;
		expect(cursor).toMatchObject({ floor: Date.parse(START) - 300_000 });
		expect(Object.keys(cursor.seen as IDataObject)).toContain(
			`${before.vehicleId}@${Date.parse(START)}`,
		);

		sandbox.clock.advance(1000);
		const vehicle = sandbox.store.list('vehicles', DEMO_COMPANY_ID)[3];
		sandbox.store.update('vehicles', vehicle.vehicleId, { mileage: 123_456 });
		sandbox.clock.advance(1000);
		const emitted = await trigger.poll();
		expect(emitted).toEqual([
			expect.objectContaining({ vehicleId: vehicle.vehicleId, mileage: 123_456 }),
		]);

		sandbox.clock.advance(60_000);
		sandbox.clearLog();
		expect(await trigger.poll()).toBeNull();
		const calls = apiCalls(sandbox);
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({ method: 'GET', path: '/vehicles' });
		expect(calls[0].query).toMatchObject({ companyId: DEMO_COMPANY_ID, page: '1', size: '100' });
		// AutoLeap's documented form, whole seconds (the sandbox answers 400 to anything finer).
		expect(calls[0].query.updatedDateStart).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		expect(calls[0].query.updatedDateEnd).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	});

	it('a poll scheduled while the previous one still runs is skipped: nothing read or emitted twice', async () => {
		const { sandbox } = ctx;
		const active = activeTrigger(params('vehicleUpdated'));
		await active.poll();
		sandbox.clock.advance(1000);
		const vehicle = sandbox.store.list('vehicles', DEMO_COMPANY_ID)[2];
		sandbox.store.update('vehicles', vehicle.vehicleId, { mileage: 77_777 });
		sandbox.clock.advance(1000);
		sandbox.clearLog();
		// The first poll is still waiting for AutoLeap when n8n starts the next one.
		sandbox.setLatency(300);
		try {
			const state = active.staticData;
			const run = () =>
				runPoll({
					nodeType: trigger(),
					parameters: params('vehicleUpdated'),
					credentials: ctx.credentials,
					staticData: state,
				});
			const [running, scheduled] = await Promise.all([run(), run()]);
			expect(running.items?.map((item) => item.json.vehicleId)).toEqual([vehicle.vehicleId]);
			expect(scheduled.items).toBeNull();
			expect(apiCalls(sandbox, '/vehicles')).toHaveLength(1);
		} finally {
			sandbox.setLatency(0);
		}
	});

	it('Fetch test event returns the newest record and leaves the state untouched', async () => {
		const { sandbox } = ctx;
		const trigger = activeTrigger(params('customerUpdated', { simplify: true }));
		await trigger.poll();
		const before = structuredClone(trigger.staticData);
		sandbox.clock.advance(5000);
		const customer = sandbox.store.list('customers', DEMO_COMPANY_ID)[0];
		sandbox.store.update('customers', customer.customerId, { lastName: 'Newest' });
		sandbox.clock.advance(5000);

		const test = await trigger.poll('manual');
		expect(test).toEqual([
			expect.objectContaining({ customerId: customer.customerId, lastName: 'Newest' }),
		]);
		expect(Object.keys(test![0]).every((key) => key !== 'createdDate')).toBe(true); // simplified
		expect(trigger.staticData).toEqual(before);
		// The active workflow still sees the change once.
		expect((await trigger.poll())?.map((c) => c.customerId)).toEqual([customer.customerId]);
	});

	it('Start From a date backfills every change since then, oldest first, then nothing twice', async () => {
		const { sandbox } = ctx;
		const since = Date.parse(START) - 3 * 86_400_000;
		const expected = sandbox.store
			.list('orders', DEMO_COMPANY_ID)
			.filter((o) => Date.parse(o.updatedDate) >= since)
			.map((o) => o.repairOrderNumber);
		expect(expected.length).toBeGreaterThan(0);
		const trigger = activeTrigger(
			params('repairOrderUpdated', { startFrom: 'date', startDate: new Date(since).toISOString() }),
		);
		const emitted = (await trigger.poll()) ?? [];
		expect(emitted.map((o) => o.repairOrderNumber).sort()).toEqual([...expected].sort());
		const times = emitted.map((o) => Date.parse(o.updatedDate as string));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		sandbox.clock.advance(1000);
		expect(await trigger.poll()).toBeNull();
	});

	it('Location and the endpoint filters narrow what is read and emitted', async () => {
		const { sandbox } = ctx;
		const [here, elsewhere] = ['364849', '364850'];
		const trigger = activeTrigger(params('paymentUpdated', { locationId: here }));
		expect(await trigger.poll()).toBeNull();
		sandbox.clock.advance(2000);
		const payments = sandbox.store.list('payments', DEMO_COMPANY_ID);
		const inside = payments.find((p) => p.locationId === here)!;
		const outside = payments.find((p) => p.locationId === elsewhere)!;
		sandbox.store.update('payments', inside.paymentId, { paymentMethod: 'Check' });
		sandbox.store.update('payments', outside.paymentId, { paymentMethod: 'Check' });
		sandbox.clock.advance(2000);
		sandbox.clearLog();
		expect((await trigger.poll())?.map((p) => p.paymentId)).toEqual([inside.paymentId]);
		expect(apiCalls(sandbox).every((call) => call.query.locationId === here)).toBe(true);

		const requested = activeTrigger(
			params('appointmentRequestUpdated', { options: { status: 'confirmed' } }),
		);
		expect(await requested.poll()).toBeNull();
		sandbox.clock.advance(2000);
		const [confirmed, declined] = sandbox.store.list('appointmentRequests', DEMO_COMPANY_ID);
		sandbox.store.update('appointmentRequests', confirmed.appointmentId, { status: 'confirmed' });
		sandbox.store.update('appointmentRequests', declined.appointmentId, { status: 'declined' });
		sandbox.clock.advance(2000);
		expect((await requested.poll())?.map((a) => a.appointmentId)).toEqual([
			confirmed.appointmentId,
		]);
	});

	it('continues a cursor stored by the millisecond version: no repeat, no loss, whole-second bounds', async () => {
		const { sandbox } = ctx;
		const at = (ms: number) => sandbox.clock.set(Date.parse(START) + ms);
		const trigger = activeTrigger(params('vehicleUpdated', { options: { overlap: 60 } }));
		expect(await trigger.poll()).toBeNull();
		const [a, b, c] = sandbox.store.list('vehicles', DEMO_COMPANY_ID).slice(10, 13);
		at(4_100);
		sandbox.store.update('vehicles', a.vehicleId, { mileage: 1 });
		at(4_300);
		const bVersion = sandbox.store.update('vehicles', b.vehicleId, { mileage: 2 });
		at(4_800);
		sandbox.store.update('vehicles', c.vehicleId, { mileage: 3 });
		// As the millisecond version left it: read through 4.299 (a emitted and forgotten), b emitted
		// and remembered, c not read yet.
		const node = trigger.staticData['node:AutoLeap Trigger'] as IDataObject;
		const cursor = node.cursor as IDataObject;
		trigger.staticData = {
			'node:AutoLeap Trigger': {
				cursor: {
					...cursor,
					readThrough: Date.parse(START) + 4_299,
					seen: {
						[`${b.vehicleId}@${Date.parse(bVersion.updatedDate)}`]: Date.parse(
							bVersion.updatedDate,
						),
					},
				},
			},
		};
		at(120_000);
		sandbox.clearLog();
		expect((await trigger.poll())?.map((v) => v.vehicleId)).toEqual([c.vehicleId]);
		expect(
			apiCalls(sandbox).every(
				(call) => call.status === 200 && /:\d\dZ$/.test(call.query.updatedDateStart),
			),
		).toBe(true);
		expect(apiCalls(sandbox)[0].query.updatedDateStart).toBe('2025-06-02T12:00:04Z');
	});

	const changes: Record<
		string,
		{ resource: ResourceName; change: (sandbox: typeof ctx.sandbox) => string | number }
	> = {
		customerUpdated: {
			resource: 'customers',
			change: (s) => update(s, 'customers', { firstName: 'Changed' }),
		},
		vehicleUpdated: {
			resource: 'vehicles',
			change: (s) => update(s, 'vehicles', { color: 'Red' }),
		},
		itemUpdated: { resource: 'items', change: (s) => update(s, 'items', { itemName: 'Changed' }) },
		repairOrderUpdated: {
			resource: 'orders',
			change: (s) => update(s, 'orders', { workflowStatus: 'Changed' }),
		},
		repairOrderInvoiced: {
			resource: 'orders',
			change: (s) => update(s, 'orders', { invoiceDate: s.clock.iso() }),
		},
		repairOrderFinalized: {
			resource: 'orders',
			change: (s) => update(s, 'orders', { finalizeDate: s.clock.iso(), isFinalized: true }),
		},
		paymentReceived: {
			resource: 'payments',
			change: (s) => create(s, 'payments', ['paymentDate', 'lastUpdatedAt']),
		},
		paymentUpdated: {
			resource: 'payments',
			change: (s) => update(s, 'payments', { paymentMethod: 'Check' }),
		},
		appointmentRequestCreated: {
			resource: 'appointmentRequests',
			change: (s) => create(s, 'appointmentRequests', ['createdDate', 'updatedDate']),
		},
		appointmentRequestUpdated: {
			resource: 'appointmentRequests',
			change: (s) => update(s, 'appointmentRequests', { status: 'confirmed' }),
		},
	};

	it.each(TRIGGER_EVENTS.map((event) => event.value))(
		'%s emits on its change, once',
		async (event) => {
			const { sandbox } = ctx;
			const trigger = activeTrigger(params(event));
			expect(await trigger.poll()).toBeNull();
			sandbox.clock.advance(2000);
			const id = changes[event].change(sandbox);
			sandbox.clock.advance(2000);
			const emitted = await trigger.poll();
			expect(emitted?.map((record) => record[idOf(event)])).toEqual([id]);
			sandbox.clock.advance(2000);
			expect(await trigger.poll()).toBeNull();
		},
	);
});

function update(
	sandbox: typeof ctx.sandbox,
	resource: ResourceName,
	patch: IDataObject,
): string | number {
	const event = TRIGGER_EVENTS.find((e) => e.path.slice(1) === resource)!;
	const record = sandbox.store.list(resource, DEMO_COMPANY_ID)[1];
	sandbox.store.update(resource, record[event.idField], patch);
	return record[event.idField];
}

function create(
	sandbox: typeof ctx.sandbox,
	resource: ResourceName,
	stamps: string[],
): string | number {
	const event = TRIGGER_EVENTS.find((e) => e.path.slice(1) === resource)!;
	const copy = structuredClone(sandbox.store.list(resource, DEMO_COMPANY_ID)[0]);
	for (const field of [event.idField, ...stamps]) delete copy[field];
	return sandbox.store.create(resource, copy)[event.idField];
}
