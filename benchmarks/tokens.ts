/**
 * What a token lifecycle costs across processes: 100 executions (a Webhook → Get Profile) in n8n's
 * queue mode, a main and 4 workers sharing one credential, spread over 3 access-token lifetimes of
 * a sandbox whose access tokens live LIFETIME_MS (AutoLeap's hour, scaled down; the credential is
 * told the same lifetime). They are fired 4 at a time, so workers renew at the same moments and race
 * for the rotation. Counts logins, refreshes (and refused ones) and 401s per process, from the
 * sandbox's request log and the server side of each connection (e2e/lib/attribution.ts).
 *
 *   npm run bench:tokens                                      this package
 *   npm run bench:tokens -- --before old.tgz --label e7fb201  and another build of it first (an older
 *                                                             commit's `npm pack`), for a before/after table
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { ConnectionOwners } from '../e2e/lib/attribution';
import { processName, webhookRegistered } from '../e2e/lib/contention';
import { QueueCluster } from '../e2e/lib/queue';
import { installRuntime, packPackage } from '../e2e/lib/runtime';
import { startSandbox } from '../sandbox';
import { DEMO_PARTNER } from '../sandbox/seed';
import { logins } from './n8n/workflows';
import { writeSection } from './results';

const LIFETIME_MS = 6_000;
const LIFETIMES = 3;
const EXECUTIONS = 100;
const WORKERS = 4;
/** Executions fired at once: one per worker, so that renewals meet. */
const BURST = 4;

const { values } = parseArgs({
	options: { before: { type: 'string' }, label: { type: 'string', default: 'before' } },
});
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function measure(tarball: string) {
	const owners = new ConnectionOwners();
	const sandbox = await startSandbox({ port: 0, onConnection: owners.onConnection });
	sandbox.setTokenLifetimes({ accessMs: LIFETIME_MS, refreshMs: 10_800_000 });
	const cluster = await QueueCluster.create(tarball, { workers: WORKERS });
	const job = logins(sandbox.url).ours;
	try {
		await cluster.n8n.importCredential({
			...DEMO_PARTNER,
			customUrl: sandbox.url,
			accessLifetimeMs: LIFETIME_MS,
		});
		await cluster.importWorkflows([job.workflow]);
		const main = await cluster.start();
		await cluster.publish([job.id]);
		await webhookRegistered(main, job.path);
		const url = `${main.base}/webhook/${job.path}`;
		const failures: string[] = [];
		const call = async () => {
			const response = await fetch(url, {
				method: 'POST',
				body: '{}',
				headers: { 'content-type': 'application/json' },
			});
			const text = await response.text();
			if (!response.ok) failures.push(`${response.status} ${text.slice(0, 300)}`);
		};
		sandbox.clearLog();
		const started = Date.now();
		const bursts = EXECUTIONS / BURST;
		for (let i = 0; i < bursts; i++) {
			await sleep(Math.max(0, started + (i * LIFETIMES * LIFETIME_MS) / bursts - Date.now()));
			await Promise.all(Array.from({ length: BURST }, call));
		}
		const names = cluster.processNames();
		const perProcess: Record<string, Record<string, number>> = {};
		for (const r of sandbox.requestLog) {
			const row = (perProcess[processName(owners.ownerOf(r), names)] ??= {});
			const kind =
				r.path === '/partners/login'
					? 'logins'
					: r.path === '/partners/generateNewAccessToken'
						? r.status === 200
							? 'refreshes'
							: 'refused refreshes'
						: r.status === 401
							? 'answered 401'
							: 'reads';
			row[kind] = (row[kind] ?? 0) + 1;
		}
		const total = (key: string) =>
			Object.values(perProcess).reduce((sum, row) => sum + (row[key] ?? 0), 0);
		const result = {
			executions: EXECUTIONS,
			spanSeconds: +((Date.now() - started) / 1000).toFixed(1),
			logins: total('logins'),
			refreshes: total('refreshes'),
			refusedRefreshes: total('refused refreshes'),
			answered401: total('answered 401'),
			failedExecutions: failures.length,
			perProcess,
		};
		console.log(JSON.stringify(result, null, 2));
		for (const failure of failures) console.log(`failed execution: ${failure}`);
		return result;
	} finally {
		await cluster.stop();
		await sandbox.close();
	}
}

/** One count per process, in a stable order: "worker 1: 1; worker 2: 0; …". */
function byProcess(perProcess: Record<string, Record<string, number>>, key: string): string {
	return Object.keys(perProcess)
		.sort()
		.map((name) => `${name}: ${perProcess[name][key] ?? 0}`)
		.join('; ');
}

async function main(): Promise<void> {
	await installRuntime();
	const packDir = mkdtempSync(join(tmpdir(), 'autoleap-bench-tokens-'));
	try {
		const runs = [];
		if (values.before) runs.push({ build: values.label, ...(await measure(values.before)) });
		runs.push({ build: 'this package', ...(await measure(packPackage(packDir))) });
		const rows = runs.map((r) =>
			[
				'',
				r.build,
				`${r.executions} over ${r.spanSeconds} s`,
				`${r.logins} (${byProcess(r.perProcess, 'logins')})`,
				`${r.refreshes} (${byProcess(r.perProcess, 'refreshes')})`,
				r.refusedRefreshes,
				r.answered401,
				r.failedExecutions,
				'',
			]
				.join(' | ')
				.trim(),
		);
		writeSection(
			'bench:tokens',
			[
				`## Token lifecycle: 100 executions on ${WORKERS} queue-mode workers over 3 access-token lifetimes`,
				'',
				`Generated by \`npm run bench:tokens\` on ${new Date().toISOString().slice(0, 10)}: n8n 2.41.1 in queue mode (a main and ${WORKERS} workers, PostgreSQL and Redis), a Webhook → Get Profile`,
				`workflow called 100 times, ${BURST} at a time, evenly over 3 lifetimes of the sandbox's access token (${LIFETIME_MS / 1000} s here for AutoLeap's hour; the credential`,
				'is told the same), starting with no token. Which process sent each request is read from the server side of its connection.',
				'',
				'| Build | Executions | Logins (per process) | Refreshes (per process) | Refused refreshes | Answered 401 | Failed executions |',
				'| --- | --- | --- | --- | --- | --- | --- |',
				...rows,
			].join('\n'),
		);
	} finally {
		rmSync(packDir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
