/**
 * Every resource in a real n8n (each runtime of jest.e2e.config.js): the packed package installed
 * as a community node, workflows run with `n8n execute`, checked on n8n's output and on what
 * AutoLeap (the sandbox) received and holds.
 */
import { AutoLeap } from '../nodes/AutoLeap/AutoLeap.node';
import { DEMO_COMPANY_ID } from '../sandbox/seed';
import { itemsOf, type Execution } from './lib/n8n';
import { count, requestsSince, useN8n } from './lib/suite';
import { AUTOLEAP } from './lib/workflow';
import { resourceWorkflows } from './workflows/resources';

const ctx = useN8n();
// Unique per run, and unlike anything in the demo shop, so a search finds only this run's records.
const TAG = `Zq${Date.now().toString(36)}`;
const workflows = resourceWorkflows(TAG);
const runs = new Map<string, { execution: Execution; requests: string[]; bodies: unknown[] }>();

beforeAll(async () => {
	await ctx.n8n.importWorkflows(workflows);
	for (const workflow of workflows) {
		const from = ctx.sandbox.requestLog.length;
		const execution = await ctx.n8n.execute(workflow.id);
		runs.set(workflow.name, {
			execution,
			requests: requestsSince(ctx.sandbox, from),
			bodies: ctx.sandbox.requestLog.slice(from).map((r) => r.body),
		});
	}
});

function runOf(name: string) {
	const run = runs.get(name)!;
	expect({
		name,
		status: run.execution.status,
		error: run.execution.data.resultData.error?.message,
	}).toEqual({ name, status: 'success', error: undefined });
	return { ...run, items: (node: string) => itemsOf(run.execution, node) };
}

const store = () => ctx.sandbox.store;

it('the workflows use every operation of the node but Log Out (the token suite runs that)', () => {
	const { properties } = new AutoLeap().description;
	const resources = (
		properties.find((p) => p.name === 'resource')!.options as Array<{ value: string }>
	).map((o) => o.value);
	const all = resources.flatMap((resource) =>
		(
			properties.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
			)!.options as Array<{ value: string }>
		).map((o) => `${resource}.${o.value}`),
	);
	const used = workflows.flatMap((w) =>
		w.nodes
			.filter((n) => n.type === AUTOLEAP)
			.map((n) => n.parameters as { resource: string; operation: string })
			.map((p) => `${p.resource}.${p.operation}`),
	);
	expect([...new Set(used), 'partner.logOut'].sort()).toEqual(all.sort());
});

it('customers: create 3 → find → get → Edit Fields → update → archive, one bulk request per write', () => {
	const run = runOf('e2e: customers');
	expect(run.items('Create Customers').map((i) => i.success)).toEqual([true, true, true]);
	const found = run.items('Find Customers');
	expect(found.map((c) => c.firstName).sort()).toEqual(['Ada 1', 'Ada 2', 'Ada 3']);
	// Each note was built from its own item's first name and reached that very customer.
	for (const { customerId } of found) {
		const customer = store().get('customers', String(customerId))!;
		expect(customer.notes).toMatch(
			new RegExp(`^Met ${customer.firstName} on \\d{4}-\\d{2}-\\d{2}$`),
		);
		expect(customer.status).toBe('Inactive');
	}
	// The three Gets run concurrently, in any order.
	const sent = run.requests.filter((r) => r !== 'POST /partners/login');
	expect([...sent.slice(0, 2), ...sent.slice(2, 5).sort(), ...sent.slice(5)]).toEqual([
		'POST /customers',
		'GET /customers',
		...found.map((c) => `GET /customers/${c.customerId}`).sort(),
		'PUT /customers',
		'PATCH /customers',
	]);
	expect(
		(run.bodies[run.requests.indexOf('POST /customers')] as { customers: unknown[] }).customers,
	).toHaveLength(3);
});

it('vehicles: Code rows → create 4 in one request → Filter node → get → update → archive only the Fords', () => {
	const run = runOf('e2e: vehicles');
	const owner = String(run.items('Pick Customer')[0].customerId);
	const found = run.items('Find Vehicles');
	expect(found).toHaveLength(4);
	expect(found.every((v) => String(v.customerId) === owner)).toBe(true);
	const fords = run.items('Get Vehicle');
	expect(fords.map((v) => v.make)).toEqual(['Ford', 'Ford']);
	for (const [i, vehicle] of fords.entries()) {
		const stored = store().get('vehicles', String(vehicle.vehicleId))!;
		expect({ mileage: stored.mileage, status: stored.vehicleStatus }).toEqual({
			mileage: 42000 + i,
			status: 'Inactive',
		});
	}
	const others = found
		.filter((v) => v.make !== 'Ford')
		.map((v) => store().get('vehicles', String(v.vehicleId))!.vehicleStatus);
	expect(others).toEqual(['Active', 'Active']);
	expect(count(run.requests, 'POST /vehicles')).toBe(1);
	expect(count(run.requests, 'PUT /vehicles')).toBe(1);
	expect(count(run.requests, 'PATCH /vehicles')).toBe(1);
	expect(count(run.requests, /^GET \/vehicles\/\d+$/)).toBe(2);
});

it('parts: create → find by number → get → pricing get → pricing update from an expression → archive; inventory restock', () => {
	const run = runOf('e2e: parts, inventory and pricing');
	const [part] = run.items('Find Part');
	expect(part).toMatchObject({ itemType: 'part', itemNumber: `${TAG}-BP` });
	expect(run.items('Get Pricing')[0]).toMatchObject({ costPerUnit: 25, pricePerUnit: 45 });
	expect(store().get('itemPricing', String(part.itemId))!.pricePerUnit).toBe(65); // 45 × 2 − 25
	expect(store().get('items', String(part.itemId))!.status).toBe('Inactive');
	const levels = run.items('Inventory Levels');
	expect(levels).toHaveLength(2);
	for (const level of levels) {
		const stored = store()
			.list('inventoryLevels', DEMO_COMPANY_ID)
			.find((l) => l.itemId === level.itemId && l.locationId === level.locationId)!;
		expect(stored.quantityOnHand).toBe(Number(level.quantityOnHand) + 10);
	}
	expect(count(run.requests, 'PUT /inventoryLevels')).toBe(1);
});

it('shop: profile → repair orders (list, then each by number) → payments → appointment request → timesheets', () => {
	const run = runOf('e2e: profile, repair orders, payments, appointments, timesheets');
	const orders = run.items('Repair Orders');
	expect(orders).toHaveLength(3);
	expect(run.items('Repair Order').map((o) => o.repairOrderNumber)).toEqual(
		orders.map((o) => o.repairOrderNumber),
	);
	expect(run.items('Payments')).toHaveLength(store().list('payments', DEMO_COMPANY_ID).length);
	const booked = store()
		.list('appointmentRequests', DEMO_COMPANY_ID)
		.filter((a) => a.customer?.lastName === `${TAG} Hopper`);
	expect(booked).toHaveLength(1);
	expect(
		run
			.items('Appointment Requests')
			.some((a) => (a.customer as { lastName?: string })?.lastName === `${TAG} Hopper`),
	).toBe(true);
	expect(run.items('Timesheets')).toHaveLength(
		store().list('timesheetLogs', DEMO_COMPANY_ID).length,
	);
	expect(count(run.requests, /^GET \/orders\/\d+$/)).toBe(3);
});
