import type { INodeParameters } from 'n8n-workflow';

import { AutoLeap } from '../../nodes/AutoLeap/AutoLeap.node';
import { runNode } from '../harness';
import { apiCalls, DEMO_COMPANY_ID, jsonOf, run, useSandbox } from './helpers';

/**
 * Used as an AI tool (AI Agent, MCP Server Trigger), n8n 2.41 runs the node through its
 * declarative engine only and never dispatches `customOperations` (e2e/mcp.e2e.test.ts shows it
 * in a real n8n). Each bulk write must then send the same request and answer the same item as in
 * a normal run; a node type without its customOperations is what the engine sees there.
 */
const ctx = useSandbox();

const byId = (value: unknown) => ({ __rl: true, mode: 'id', value: String(value) });
const first = (resource: Parameters<typeof ctx.sandbox.store.list>[0]) => ctx.sandbox.store.list(resource, DEMO_COMPANY_ID)[0];
const company = { companyId: DEMO_COMPANY_ID };

const WRITES: Record<string, () => INodeParameters> = {
	'customer.archive': () => ({ ...company, customerId: byId(first('customers').customerId) }),
	'customer.create': () => ({ ...company, firstName: 'Jane', lastName: 'Smith', additionalFields: { customerType: 'fleet' } }),
	'customer.update': () => ({ ...company, customerId: byId(first('customers').customerId), updateFields: { notes: 'as a tool' } }),
	'inventoryLevel.update': () => {
		const level = first('inventoryLevels');
		return { ...company, itemId: level.itemId, locationId: level.locationId, updateFields: { quantityOnHand: 5 } };
	},
	'item.archive': () => ({ ...company, itemId: first('items').itemId }),
	'item.create': () => ({ ...company, itemType: 'part', itemName: 'Brake Pad Set', itemNumber: 'BP-1', partDetails: { costPerUnit: 25, pricePerUnit: 45 } }),
	'itemPricing.update': () => ({ ...company, itemId: first('items').itemId, updateFields: { pricePerUnit: 50 } }),
	'vehicle.archive': () => ({ ...company, vehicleId: byId(first('vehicles').vehicleId) }),
	'vehicle.create': () => ({ ...company, customerId: byId(first('customers').customerId), additionalFields: { make: 'Honda' } }),
	'vehicle.update': () => ({ ...company, vehicleId: byId(first('vehicles').vehicleId), updateFields: { mileage: 1 } }),
};

/** The node as n8n's tool path runs it: routing only. */
const declarativeOnly = () => Object.assign(new AutoLeap(), { customOperations: undefined });

// After the reset the first request meets a 401 and the credential logs in again: not the node's doing.
const sent = () => apiCalls(ctx.sandbox).filter((entry) => entry.status !== 401).map(({ method, path, query, body, status }) => ({ method, path, query, body, status }));

describe('the bulk writes as an AI tool (declarative engine only)', () => {
	it('covers every custom operation of the node', () => {
		const custom = Object.entries(new AutoLeap().customOperations).flatMap(([resource, ops]) => Object.keys(ops).map((op) => `${resource}.${op}`));
		expect(Object.keys(WRITES).sort()).toEqual(custom.sort());
	});

	it.each(Object.keys(WRITES))('%s sends the same request and answers the same item as a normal run', async (name) => {
		const [resource, operation] = name.split('.');
		const parameters = { resource, operation, ...WRITES[name]() };

		const normal = await run(ctx.credentials, parameters);
		expect(normal.error).toBeUndefined();
		const normalRequests = sent();
		expect(normalRequests.length).toBeGreaterThan(0);

		ctx.sandbox.reset();
		ctx.sandbox.clearLog();
		const asTool = await runNode({ nodeType: declarativeOnly(), parameters, credentials: ctx.credentials });
		expect(asTool.error?.message).toBeUndefined();
		expect(sent()).toEqual(normalRequests);
		expect(jsonOf(asTool.items)).toEqual(jsonOf(normal.items));
	});

	it('fails a bad record before sending, naming the field', async () => {
		const parameters = { resource: 'customer', operation: 'create', ...company, firstName: 'Jane', lastName: 'Smith', additionalFields: { customerType: 'alien' } };
		const asTool = await runNode({ nodeType: declarativeOnly(), parameters, credentials: ctx.credentials });
		expect(asTool.error?.message).toMatch(/customerType|Customer Type/);
		expect(apiCalls(ctx.sandbox, '/customers')).toEqual([]);
	});
});
