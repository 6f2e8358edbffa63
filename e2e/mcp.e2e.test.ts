/**
 * AutoLeap as tools of an AI agent, with no language model: a published workflow whose MCP Server
 * Trigger has the AutoLeap node's tool variant attached twice (Vehicle → Get Many, Customer →
 * Create), in a real n8n 2.41.1 (`n8n start`), and the official MCP client calling it the way an
 * agent would. n8n needs no environment variable for community nodes as tools: none is set here.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';

import { FOR_AGENTS } from '../nodes/AutoLeap/shared/toolDescriptions';
import { simplifyRecord } from '../nodes/shared/autoleap/simplify';
import { DEMO_COMPANY_ID } from '../sandbox/seed';
import { connectMcp, textOf } from './lib/mcp';
import { itemsOf, waitFor, type N8nServer } from './lib/n8n';
import { runtimeUnderTest, useN8n } from './lib/suite';
import { FROM_AI, MCP_PATH, MCP_WORKFLOW_ID, mcpWorkflow, toolName, TOOLS } from './workflows/mcp';

let server: N8nServer | undefined;
let client: Client | undefined;
let sse: Client | undefined;
const url = () => `${server!.base}/mcp/${MCP_PATH}`;

// Declared before useN8n's: jest runs afterAll hooks in declaration order, and n8n must stop
// before its user folder is removed.
afterAll(async () => {
	await client?.close();
	await sse?.close();
	await server?.stop();
});

const ctx = useN8n();

const SEARCH = toolName(TOOLS.searchVehicles);
const CREATE = toolName(TOOLS.createCustomer);

beforeAll(async () => {
	await ctx.n8n.importWorkflows([mcpWorkflow]);
	await ctx.n8n.activate(MCP_WORKFLOW_ID);
	server = await ctx.n8n.start();
	client = await connectMcp(url(), 'streamableHttp');
});

/** The input schema n8n builds from `$fromAI(key, description, type)`: every key required. */
function schemaOf(keys: Array<keyof typeof FROM_AI>) {
	return expect.objectContaining({
		type: 'object',
		properties: Object.fromEntries(
			keys.map((key) => [key, { type: FROM_AI[key].type, description: FROM_AI[key].description }]),
		),
		required: keys,
	});
}

const sinceNow = () => {
	const from = ctx.sandbox.requestLog.length;
	return () => ctx.sandbox.requestLog.slice(from).filter((r) => !r.path.startsWith('/partners/'));
};

const call = (name: string, args: Record<string, unknown>) =>
	client!.callTool({ name, arguments: args });

describe('AutoLeap through n8n’s MCP Server Trigger', () => {
	it('lists both tools with a description and the $fromAI parameters as their input schema', async () => {
		const { tools } = await client!.listTools();
		expect(tools.map((t) => t.name).sort()).toEqual([CREATE, SEARCH]);
		const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
		// The tool variant's pre-filled Description of the operation: what it is for and what it returns.
		expect(byName[SEARCH]).toEqual({
			name: SEARCH,
			description: FOR_AGENTS.vehicle.getAll,
			inputSchema: schemaOf(['companyId', 'limit', 'search']),
		});
		expect(byName[CREATE]).toEqual({
			name: CREATE,
			description: FOR_AGENTS.customer.create,
			inputSchema: schemaOf(['companyId', 'firstName', 'lastName', 'customerType', 'email']),
		});
	});

	it('serves the same tools over SSE (GET on the same URL)', async () => {
		sse = await connectMcp(url(), 'sse');
		expect(await sse.listTools()).toEqual(await client!.listTools());
	});

	it("Search Vehicles answers with the shop's vehicles as AutoLeap has them", async () => {
		const vehicles = ctx.sandbox.store.list('vehicles', DEMO_COMPANY_ID);
		const wanted = vehicles[7];
		const sent = sinceNow();
		const byVin = await call(SEARCH, { companyId: DEMO_COMPANY_ID, search: wanted.vin, limit: 10 });
		expect(byVin.isError).toBeFalsy();
		expect(JSON.parse(textOf(byVin))).toEqual([simplifyRecord('vehicle', wanted)]);
		expect(
			sent().map((r) => [r.method, r.path, r.query.companyId, r.query.search, r.status]),
		).toEqual([['GET', '/vehicles', DEMO_COMPANY_ID, wanted.vin, 200]]);

		// The limit the caller gives is kept, and every answer is one of the shop's records.
		const make = String(wanted.make);
		const byMake = JSON.parse(
			textOf(await call(SEARCH, { companyId: DEMO_COMPANY_ID, search: make, limit: 3 })),
		) as Array<Record<string, unknown>>;
		expect(byMake).toHaveLength(3);
		for (const vehicle of byMake) {
			const stored = vehicles.find((v) => String(v.vehicleId) === String(vehicle.vehicleId));
			expect(vehicle).toEqual(simplifyRecord('vehicle', stored!));
			expect(`${stored!.make} ${stored!.model} ${stored!.vin}`.toLowerCase()).toContain(
				make.toLowerCase(),
			);
		}
	});

	it('Create Customer creates one customer in one POST /customers, and n8n records the call', async () => {
		const sent = sinceNow();
		const customer = {
			firstName: 'Grace',
			lastName: 'McpHopper',
			customerType: 'fleet',
			email: 'grace.hopper@example.com',
		};
		const result = await call(CREATE, { companyId: DEMO_COMPANY_ID, ...customer });
		expect(result.isError).toBeFalsy();
		const record = {
			customerType: customer.customerType,
			emails: [{ active: true, emailAddress: customer.email, label: 'Personal', primary: true }],
			firstName: customer.firstName,
			lastName: customer.lastName,
		};
		expect(JSON.parse(textOf(result))).toEqual([
			expect.objectContaining({ companyId: DEMO_COMPANY_ID, ...record, success: true }),
		]);

		// n8n saves each tool call as an execution of the workflow; by then nothing else was sent. The
		// previous test's execution may be saved after this test began: find this call's by its node.
		const thisCall = async () =>
			(await server!.executions(MCP_WORKFLOW_ID)).find(
				(e) => 'Create Customer' in e.data.resultData.runData,
			);
		await waitFor(
			async () => (await thisCall()) !== undefined,
			'the execution of the tool call',
			60_000,
			1_000,
		);
		const execution = (await thisCall())!;
		expect(execution.status).toBe('success');
		expect(Object.keys(execution.data.resultData.runData).sort()).toEqual([
			'Create Customer',
			'MCP Server Trigger',
		]);
		expect(sent().map((r) => [r.method, r.path, r.body, r.status])).toEqual([
			['POST', '/customers', { companyId: DEMO_COMPANY_ID, customers: [record] }, 200],
		]);
		const created = ctx.sandbox.store
			.list('customers', DEMO_COMPANY_ID)
			.filter((c) => c.lastName === customer.lastName);
		expect(created).toEqual([expect.objectContaining(record)]);
		const served = runtimeUnderTest().mcpTriggerNamesTheTool
			? [expect.objectContaining({ mcpToolCall: expect.objectContaining({ toolName: CREATE }) })]
			: [];
		expect(itemsOf(execution, 'MCP Server Trigger')).toEqual(served);
	});

	describe('bad arguments come back as a tool error the agent can read', () => {
		it('an unknown company: isError, naming the company', async () => {
			const sent = sinceNow();
			const result = await call(SEARCH, { companyId: '999999', search: 'Ford', limit: 5 });
			expect(result.isError).toBe(true);
			expect(textOf(result)).toMatch(/may not access that company.*"999999"/);
			expect(sent().map((r) => [r.method, r.path, r.status])).toEqual([['GET', '/vehicles', 403]]);
		});

		it('a customerType outside regular/fleet: isError naming the field, and nothing is sent', async () => {
			const sent = sinceNow();
			const result = await call(CREATE, {
				companyId: DEMO_COMPANY_ID,
				firstName: 'Al',
				lastName: 'Ien',
				customerType: 'alien',
				email: 'al@example.com',
			});
			expect(result.isError).toBe(true);
			expect(textOf(result)).toContain(
				'"customerType" must be one of regular, fleet (got "alien")',
			);
			expect(sent()).toEqual([]);
		});

		it('arguments that break the input schema: isError from n8n, and nothing is sent', async () => {
			const sent = sinceNow();
			const result = await call(SEARCH, { companyId: 374844 });
			expect(result.isError).toBe(true);
			expect(textOf(result)).toMatch(/did not match expected schema[\s\S]*companyId[\s\S]*search/);
			expect(sent()).toEqual([]);
		});

		it('an unknown tool: a JSON-RPC error', async () => {
			await expect(call('Delete_Everything', {})).rejects.toThrow(/Tool not found/);
		});
	});
});
