/**
 * Misbehaving-AutoLeap cases of the fault suite (test/faults) in a real n8n (`n8n execute`), where
 * users run the node: a write batch answered 200 with an HTML page or `success: false`, a list
 * that ignores paging, and an error text that echoes the token — each checked on n8n's output,
 * the sandbox's records and request log, and n8n's own console output.
 */
import type { FaultSpec } from '../sandbox';
import { DEMO_COMPANY_ID, DEMO_PARTNER } from '../sandbox/seed';
import { itemsOf } from './lib/n8n';
import { useN8n } from './lib/suite';
import { byId, chain } from './lib/workflow';

const ctx = useN8n();

const rows = (prefix: string, count: number) => ({
	name: 'Rows',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: {
		jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { vin: '${prefix}' + String(i).padStart(8, '0') } }));`,
	},
});

function createWorkflow(id: string, prefix: string) {
	const owner = String(ctx.sandbox.store.list('customers', DEMO_COMPANY_ID)[0].customerId);
	return chain(id, `e2e faults: ${prefix}`, [
		rows(prefix, 250),
		{
			name: 'Create Vehicles',
			continueOnFail: true,
			parameters: {
				resource: 'vehicle',
				operation: 'create',
				companyId: DEMO_COMPANY_ID,
				customerId: byId(owner),
				additionalFields: { vin: '={{ $json.vin }}' },
			},
		},
	]);
}

const readAll = chain('E2eFaultsReadAll1', 'e2e faults: Return All', [
	{
		name: 'Vehicles',
		parameters: {
			resource: 'vehicle',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			returnAll: true,
		},
	},
]);
const getOne = (id: string) =>
	chain('E2eFaultsGetOne01', 'e2e faults: Get', [
		{
			name: 'Vehicle',
			continueOnFail: true,
			parameters: { resource: 'vehicle', operation: 'get', vehicleId: byId(id) },
		},
	]);

const written = (prefix: string) =>
	ctx.sandbox.store
		.list('vehicles', DEMO_COMPANY_ID)
		.filter((v) => String(v.vin).startsWith(prefix)).length;

beforeAll(async () => {
	const first = String(ctx.sandbox.store.list('vehicles', DEMO_COMPANY_ID)[0].vehicleId);
	await ctx.n8n.importWorkflows([
		createWorkflow('E2eFaultsHtml0001', 'HTMLX'),
		createWorkflow('E2eFaultsFalse001', 'FALSX'),
		createWorkflow('E2eFaultsNamed001', 'NAMEX'),
		readAll,
		getOne(first),
	]);
});

it.each([
	['an HTML page', 'E2eFaultsHtml0001', 'HTMLX', { kind: 'html' }],
	['{"success": false}', 'E2eFaultsFalse001', 'FALSX', { kind: 'successFalse' }],
] as const)(
	'write batch 2 of 3 answered 200 with %s: its 100 items fail, the other 150 are written and reported',
	async (_name, workflowId, prefix, fault) => {
		ctx.sandbox.clearLog();
		ctx.sandbox.injectFaults({ ...fault, method: 'POST', path: '/vehicles', skip: 1 } as FaultSpec);
		const execution = await ctx.n8n.execute(workflowId);
		expect(execution.status).toBe('success');
		const out = itemsOf(execution, 'Create Vehicles');
		expect(out.filter((item) => item.success === true)).toHaveLength(150);
		const failed = out.filter((item) => item.error !== undefined);
		expect(failed).toHaveLength(100);
		expect(String(failed[0].error)).toMatch(/^Items 101-200 (failed|were refused): /);
		expect(written(prefix)).toBe(150);
		expect(
			ctx.sandbox.requestLog.filter((r) => r.method === 'POST' && r.path === '/vehicles'),
		).toHaveLength(3);
	},
);

// AutoLeap's error text reaches the node through n8n's own error (n8n 1.x keeps no cause on it).
it('a batch AutoLeap refuses naming one record (400, vehicles[7]): only that item fails, the rest is written once', async () => {
	ctx.sandbox.clearLog();
	ctx.sandbox.injectFaults({
		kind: 'rejectRecords',
		method: 'POST',
		path: '/vehicles',
		indexes: [7],
		skip: 1,
	} as FaultSpec);
	const execution = await ctx.n8n.execute('E2eFaultsNamed001');
	expect(execution.status).toBe('success');
	const out = itemsOf(execution, 'Create Vehicles');
	const failed = out.flatMap((item, i) => (item.error === undefined ? [] : [i + 1]));
	// Batch 2 holds items 101-200: its element 7 is item 108.
	expect(failed).toEqual([108]);
	expect(String(out[107].error)).toMatch(/^Item 108 was rejected: .*vehicles\[7\]/);
	expect(written('NAMEX')).toBe(249);
	const posts = ctx.sandbox.requestLog.filter((r) => r.method === 'POST' && r.path === '/vehicles');
	expect(
		posts.map((r) => `${r.status} ${(r.body as { vehicles: unknown[] }).vehicles.length}`),
	).toEqual(['200 100', '400 100', '200 99', '200 50']);
});

it('a list that ignores paging: the execution fails with a clear error within 2 requests, nothing output', async () => {
	ctx.sandbox.clearLog();
	ctx.sandbox.injectFaults({
		kind: 'ignorePage',
		persistent: true,
		method: 'GET',
		path: '/vehicles',
	});
	try {
		const execution = await ctx.n8n.execute(readAll.id);
		expect(execution.status).toBe('error');
		expect(execution.data.resultData.error?.message).toMatch(
			/page 2 holds the same records as page 1, so the list ignores paging/,
		);
		expect(execution.data.resultData.runData.Vehicles[0].data).toBeUndefined();
		expect(ctx.sandbox.requestLog.filter((r) => r.path === '/vehicles')).toHaveLength(2);
	} finally {
		ctx.sandbox.clearFaults();
	}
});

it('an error text that echoes the token: no token or Auth Key in the output, the run data or n8n’s console', async () => {
	ctx.sandbox.injectFaults({
		kind: 'echoSecrets',
		status: 400,
		persistent: true,
		method: 'GET',
		path: '/vehicles',
	});
	try {
		const { stdout, stderr } = await ctx.n8n.cli(
			['execute', `--id=${getOne('').id}`, '--rawOutput'],
			true,
		);
		const everything = stdout + stderr;
		expect(everything).toMatch(/\[redacted\]/);
		// The sandbox issues tokens as at_… / rt_…; the fault echoed the one the request carried.
		expect(everything).not.toMatch(/\b(at|rt)_[A-Za-z0-9_-]{20,}/);
		expect(everything).not.toContain(DEMO_PARTNER.authKey);
	} finally {
		ctx.sandbox.clearFaults();
	}
});
