/**
 * A big list read in chunks in a real n8n 2.41.1, with the committed workflows of e2e/workflows:
 * a loop (chunks/loop.json) that calls a sub-workflow once per chunk (chunks/one-chunk.json: Get
 * Many with Read in Chunks → Split Out → the processing → the next Continue From). 10,063 vehicles
 * (the sandbox's lists hide archived ones) in chunks of 2,000 while the shop works between two
 * chunks: each vehicle that was listed is processed once, in ID order, and those created during
 * the read last. (How much memory this shape saves against Return All is measured by
 * `npm run bench:chunks`.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO_COMPANY_ID } from '../sandbox/seed';
import type { SandboxRecord } from '../sandbox';
import { itemsOf } from './lib/n8n';
import { ROOT } from './lib/runtime';
import { useN8n } from './lib/suite';
import type { WorkflowJson } from './lib/workflow';

const ctx = useN8n({ bulkVehicles: 10_000, archived: 'hidden' });

const committed = (file: string) =>
	JSON.parse(readFileSync(join(ROOT, 'e2e', 'workflows', 'chunks', file), 'utf8')) as WorkflowJson;
const node = (workflow: WorkflowJson, name: string) => {
	const found = workflow.nodes.find((n) => n.name === name);
	if (!found) throw new Error(`${workflow.name} has no node "${name}"`);
	return found as { parameters: Record<string, any> };
};

/** The vehicles AutoLeap lists (lists hide archived ones here), by id. */
const listed = () =>
	ctx.sandbox.store
		.list('vehicles', DEMO_COMPANY_ID)
		.filter((v: SandboxRecord) => v.vehicleStatus !== 'Inactive')
		.map((v: SandboxRecord) => String(v.vehicleId));

it('10,063 vehicles in chunks of 2,000, a sub-workflow per chunk: each once, in ID order, while the shop works', async () => {
	const loop = committed('loop.json');
	const oneChunk = committed('one-chunk.json');
	node(oneChunk, 'Get a Chunk of Vehicles').parameters.chunkSize = 2_000;
	// For the test: the ids the processing step saw, in its order, with each chunk's summary.
	node(oneChunk, 'Next Chunk').parameters.assignments.assignments.push({
		id: 'ids',
		name: 'ids',
		value: "={{ $('Sheet Rows').all().map((row) => row.json['Vehicle ID']).join(',') }}",
		type: 'string',
	});
	await ctx.n8n.importWorkflows([oneChunk, loop]);
	// n8n 2.x runs a sub-workflow's published version (a manual run in the editor, its draft); a
	// running n8n publishes what the CLI marked published when it starts.
	await ctx.n8n.activate(oneChunk.id);
	await (await ctx.n8n.start()).stop();

	const before = listed();
	expect(before).toHaveLength(10_063);
	const owner = ctx.sandbox.store.list('customers', DEMO_COMPANY_ID)[0].customerId;
	// Right after chunk 1's last page (page 20): 150 vehicles it read are archived (lists hide
	// them, shifting every page after them) and 3 are created (they come last).
	ctx.sandbox.injectFaults({
		kind: 'change',
		method: 'GET',
		path: '/vehicles',
		query: { page: 20, size: 100 },
		changes: [
			...before.slice(1_000, 1_150).map((id) => ({
				resource: 'vehicles' as const,
				id,
				patch: { vehicleStatus: 'Inactive' },
			})),
			...[1, 2, 3].map((n) => ({
				resource: 'vehicles' as const,
				create: { companyId: DEMO_COMPANY_ID, customerId: owner, make: `New ${n}` },
			})),
		],
	});
	ctx.sandbox.clearLog();

	const execution = await ctx.n8n.execute(loop.id);

	expect({ status: execution.status, error: execution.data.resultData.error?.message }).toEqual({
		status: 'success',
		error: undefined,
	});
	const chunks = itemsOf(execution, 'Read and Process a Chunk');
	const after = listed();
	const created = after.filter((id) => !before.includes(id));
	expect(created).toHaveLength(3);
	// Every vehicle listed when the read began once (those archived after chunk 1 had output
	// them), in ID order, then the 3 created during the read.
	const processed = chunks.flatMap((chunk) => String(chunk.ids).split(','));
	expect(processed).toEqual([...before, ...created]);
	expect(chunks.map(({ chunk, vehicles, more }) => [chunk, vehicles, more])).toEqual(
		[...Array(6).keys()].map((i) => [i + 1, i < 5 ? 2_000 : processed.length - 10_000, i < 5]),
	);
	// What crossed from the sub-workflows into the loop's own run data: one small item per chunk.
	expect(Object.keys(chunks[0]).sort()).toEqual([
		'chunk',
		'continueFrom',
		'ids',
		'more',
		'vehicles',
	]);

	const gets = ctx.sandbox.requestLog.filter((r) => r.method === 'GET' && r.path === '/vehicles');
	const probes = gets.filter((r) => r.query.updatedDateStart !== undefined);
	// Pages: each page of the list once, one more per chunk after the first (where the last one
	// ended), and two more for chunk 2, which looked a page back (page 20, then 19, then 20 again
	// as its data); a probe in every chunk but the last.
	const pages = Math.ceil(after.length / 100);
	expect([gets.length - probes.length, probes.length]).toEqual([pages + 5 + 2, 5]);
	expect(ctx.sandbox.requestLog.filter((r) => r.status === 429)).toHaveLength(0);
});
