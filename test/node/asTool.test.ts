import type { INode, INodeParameters, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { AutoLeap } from '../../nodes/AutoLeap/AutoLeap.node';
import { FOR_AGENTS } from '../../nodes/AutoLeap/shared/toolDescriptions';
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
const first = (resource: Parameters<typeof ctx.sandbox.store.list>[0]) =>
	ctx.sandbox.store.list(resource, DEMO_COMPANY_ID)[0];
const company = { companyId: DEMO_COMPANY_ID };

const WRITES: Record<string, () => INodeParameters> = {
	'customer.archive': () => ({ ...company, customerId: byId(first('customers').customerId) }),
	'customer.create': () => ({
		...company,
		firstName: 'Jane',
		lastName: 'Smith',
		additionalFields: { customerType: 'fleet' },
	}),
	'customer.update': () => ({
		...company,
		customerId: byId(first('customers').customerId),
		updateFields: { notes: 'as a tool' },
	}),
	'inventoryLevel.update': () => {
		const level = first('inventoryLevels');
		return {
			...company,
			itemId: level.itemId,
			locationId: level.locationId,
			updateFields: { quantityOnHand: 5 },
		};
	},
	'item.archive': () => ({ ...company, itemId: first('items').itemId }),
	'item.create': () => ({
		...company,
		itemType: 'part',
		itemName: 'Brake Pad Set',
		itemNumber: 'BP-1',
		partDetails: { costPerUnit: 25, pricePerUnit: 45 },
	}),
	'itemPricing.update': () => ({
		...company,
		itemId: first('items').itemId,
		updateFields: { pricePerUnit: 50 },
	}),
	'partner.logOut': () => ({}),
	'vehicle.archive': () => ({ ...company, vehicleId: byId(first('vehicles').vehicleId) }),
	'vehicle.create': () => ({
		...company,
		customerId: byId(first('customers').customerId),
		additionalFields: { make: 'Honda' },
	}),
	'vehicle.update': () => ({
		...company,
		vehicleId: byId(first('vehicles').vehicleId),
		updateFields: { mileage: 1 },
	}),
};

/** The node as n8n's tool path runs it: routing only. */
const declarativeOnly = () => Object.assign(new AutoLeap(), { customOperations: undefined });

// After the reset the first request meets a 401 and the credential logs in again: not the node's doing.
const sent = () =>
	apiCalls(ctx.sandbox)
		.filter((entry) => entry.status !== 401)
		.map(({ method, path, query, body, status }) => ({ method, path, query, body, status }));

describe('the bulk writes as an AI tool (declarative engine only)', () => {
	it('covers every custom operation of the node', () => {
		const custom = Object.entries(new AutoLeap().customOperations).flatMap(([resource, ops]) =>
			Object.keys(ops).map((op) => `${resource}.${op}`),
		);
		expect(Object.keys(WRITES).sort()).toEqual(custom.sort());
	});

	it.each(Object.keys(WRITES))(
		'%s sends the same request and answers the same item as a normal run',
		async (name) => {
			const [resource, operation] = name.split('.');
			const parameters = { resource, operation, ...WRITES[name]() };

			// Log Out ends a session: start one first, in both runs.
			const session = async () =>
				name === 'partner.logOut' &&
				(await run(ctx.credentials, { resource: 'partner', operation: 'getProfile' }));
			await session();
			ctx.sandbox.clearLog();
			const normal = await run(ctx.credentials, parameters);
			expect(normal.error).toBeUndefined();
			const normalRequests = sent();
			expect(normalRequests.length).toBeGreaterThan(0);

			ctx.sandbox.reset();
			await session();
			ctx.sandbox.clearLog();
			const asTool = await runNode({
				nodeType: declarativeOnly(),
				parameters,
				credentials: ctx.credentials,
			});
			expect(asTool.error?.message).toBeUndefined();
			expect(sent()).toEqual(normalRequests);
			expect(jsonOf(asTool.items)).toEqual(jsonOf(normal.items));
		},
	);

	it('fails a bad record before sending, naming the field', async () => {
		const parameters = {
			resource: 'customer',
			operation: 'create',
			...company,
			firstName: 'Jane',
			lastName: 'Smith',
			additionalFields: { customerType: 'alien' },
		};
		const asTool = await runNode({
			nodeType: declarativeOnly(),
			parameters,
			credentials: ctx.credentials,
		});
		expect(asTool.error?.message).toMatch(/customerType|Customer Type/);
		expect(apiCalls(ctx.sandbox, '/customers')).toEqual([]);
	});
});

describe('what an agent is told', () => {
	const base = new AutoLeap().description;
	/** The tool variant as n8n makes it: the same description, named …Tool. */
	const tool = { description: { ...base, name: 'autoLeapTool' } } as unknown as INodeType;
	const parametersOf = (type: INodeType, resource: string, operation: string) =>
		NodeHelpers.getNodeParameters(
			type.description.properties,
			{ resource, operation },
			true,
			false,
			null,
			type.description,
		) as INodeParameters;

	it('each of the 26 operations has its own description, which n8n hands the agent as the tool description', () => {
		const operations = Object.entries(FOR_AGENTS).flatMap(([resource, ops]) =>
			Object.keys(ops).map((op) => [resource, op]),
		);
		expect(operations).toHaveLength(26);
		for (const [resource, operation] of operations) {
			const node = { parameters: parametersOf(tool, resource, operation) } as unknown as INode;
			expect(NodeHelpers.getToolDescriptionForNode(node, tool)).toBe(
				FOR_AGENTS[resource][operation],
			);
		}
		expect(new Set(operations.map(([r, o]) => FOR_AGENTS[r][o])).size).toBe(26);
	});

	it('shows the description on the tool variant only', () => {
		expect(
			parametersOf({ description: base } as unknown as INodeType, 'vehicle', 'getAll'),
		).not.toHaveProperty('toolDescription');
	});
});
