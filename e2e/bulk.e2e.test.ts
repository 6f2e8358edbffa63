/**
 * 1,000 input items through Create in a real n8n, at AutoLeap's real limits (50 writes a minute):
 * ten requests of 100, no 429, every output item linked to its input item.
 */
import { DEMO_COMPANY_ID } from '../sandbox/seed';
import type { Execution } from './lib/n8n';
import { useN8n } from './lib/suite';
import { byId, chain } from './lib/workflow';

const ctx = useN8n();
const ITEMS = 1_000;

it('Create 1,000 vehicles: 10 requests, 0 × 429, 0 failed items, item linking intact', async () => {
	const owner = String(ctx.sandbox.store.list('customers', DEMO_COMPANY_ID)[0].customerId);
	const before = ctx.sandbox.store.list('vehicles', DEMO_COMPANY_ID).length;
	const workflow = chain('E2eBulkCreate001', 'e2e: 1,000 vehicles', [
		{
			name: 'Rows',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode: `return Array.from({ length: ${ITEMS} }, (_, i) => ({ json: { plate: 'BULK-' + i } }));`,
			},
		},
		{
			name: 'Create Vehicles',
			parameters: {
				resource: 'vehicle',
				operation: 'create',
				companyId: DEMO_COMPANY_ID,
				customerId: byId(owner),
				additionalFields: { make: 'Ford', licensePlate: '={{ $json.plate }}' },
			},
		},
	]);
	await ctx.n8n.importWorkflows([workflow]);
	ctx.sandbox.clearLog();

	const execution: Execution = await ctx.n8n.execute(workflow.id);

	expect({ status: execution.status, error: execution.data.resultData.error?.message }).toEqual({
		status: 'success',
		error: undefined,
	});
	const requests = ctx.sandbox.requestLog.filter((r) => r.path !== '/partners/login');
	expect(requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(
		Array(10).fill('POST /vehicles 200'),
	);
	expect(requests.map((r) => (r.body as { vehicles: unknown[] }).vehicles.length)).toEqual(
		Array(10).fill(100),
	);
	expect(ctx.sandbox.requestLog.filter((r) => r.status === 429)).toHaveLength(0);

	const out = execution.data.resultData.runData['Create Vehicles'][0].data!.main![0]!;
	expect(out).toHaveLength(ITEMS);
	expect(out.filter((item) => item.json.success !== true)).toHaveLength(0);
	expect(
		out.every(
			(item, i) =>
				(item.pairedItem as { item: number }).item === i && item.json.licensePlate === `BULK-${i}`,
		),
	).toBe(true);
	expect(ctx.sandbox.store.list('vehicles', DEMO_COMPANY_ID).length - before).toBe(ITEMS);
});
