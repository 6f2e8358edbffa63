/**
 * The queue-mode contention run of e2e/queue.e2e.test.ts, repeated: a main and two workers,
 * 4 × Create 2,000 vehicles and 2 × Get Many (all) at once on one account at AutoLeap's real
 * limits. Each round starts from a reset sandbox (fresh data, tokens and rate windows).
 *
 *   npm run bench:queue -- --rounds 3
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { ConnectionOwners } from '../e2e/lib/attribution';
import { contentionWorkflows, runContention, type Contention } from '../e2e/lib/contention';
import { QueueCluster } from '../e2e/lib/queue';
import { ensureRuntime, packPackage } from '../e2e/lib/runtime';
import { startSandbox } from '../sandbox';
import { DEMO_PARTNER } from '../sandbox/seed';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, workers: { type: 'string', default: '2' } } });

async function main(): Promise<void> {
	ensureRuntime();
	const packDir = mkdtempSync(join(tmpdir(), 'autoleap-bench-queue-'));
	let cluster: QueueCluster | undefined;
	const owners = new ConnectionOwners();
	const sandbox = await startSandbox({ port: 0, bulkVehicles: 10_000, onConnection: owners.onConnection });
	try {
		cluster = await QueueCluster.create(packPackage(packDir), { workers: Number(values.workers) });
		const c: Contention = { sandbox, cluster, owners, tag: 'BENCHQ', creates: 4, perCreate: 2_000, reads: 2 };
		await cluster.n8n.importCredential({ ...DEMO_PARTNER, customUrl: sandbox.url });
		const workflows = contentionWorkflows(c);
		await cluster.importWorkflows(workflows);
		await cluster.start();
		await cluster.publish(workflows.map((w) => w.id));
		console.log(`• up: ${cluster.describeTimings()}`);
		for (let round = 1; round <= Number(values.rounds); round++) {
			// The workers' own rate windows (in memory) empty too, so no round pays for the one before.
			if (round > 1) await new Promise((done) => setTimeout(done, 61_000));
			sandbox.reset();
			const load = loadavg()[0].toFixed(1);
			const r = await runContention(c);
			const split = r.executions.map((e) => `${e.workflow.replace('Queue', '').replace(/0+/, '')}@${e.ranOn.replace('worker ', 'w')}:${e.status}`).join(' ');
			console.log(
				`round ${round} (load ${load}): ${r.totalSeconds} s = ${r.ratio} × minimum ${r.minimumSeconds} s; failed items ${r.failedItems}, missing ${r.vehiclesMissing}, duplicated ${r.vehiclesDuplicated}; ` +
					`accepted ${r.requests.write} writes + ${r.requests.read} reads, 429s ${r.requests.total429} ${JSON.stringify(r.rateLimitedPerMinute)}; ` +
					`by process ${JSON.stringify(r.byProcess)}; ${split}`,
			);
		}
	} finally {
		await cluster?.stop();
		await sandbox.close();
		rmSync(packDir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
