/**
 * How late the AutoLeap Trigger emits under a busy, flaky AutoLeap (issue "Correct while the shop
 * keeps working", finding 9): one real n8n 2.41.1 polls Vehicle Updated every minute through a proxy
 * that answers every 7th request 429 and every 11th GET 503, against a sandbox whose access tokens
 * live 4 s (the credential is told the same), at AutoLeap's real limits, while 150 vehicles change
 * together every 1–3 minutes. Latency = the start of the execution that emitted a change − when the
 * change was made; per round min/median/p90/max, and what was still missing at the end.
 *
 *   npm run bench:trigger                                       this package (10 rounds)
 *   npm run bench:trigger -- --before old.tgz --label main      another build first (before/after)
 *   npm run bench:trigger -- --before run.json --label main     or an earlier run's log (its result;
 *                                                               --this run.json likewise for this package)
 *   npm run bench:trigger -- --rounds 3 --no-write              a shorter look, RESULTS.md untouched
 *
 * The request log of each run (time, method, path, status, window, page) goes to
 * e2e/.cache/trigger-lag-<label>.json for reading.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { N8n, waitFor, type N8nServer } from '../e2e/lib/n8n';
import { installRuntime, PACK_DIR, packPackage } from '../e2e/lib/runtime';
import { AUTOLEAP_TRIGGER, chain } from '../e2e/lib/workflow';
import { startSandbox } from '../sandbox';
import { DEMO_COMPANY_ID, DEMO_PARTNER } from '../sandbox/seed';
import { startRewritingProxy } from '../test/fixtures/rewritingProxy';
import { writeSection } from './results';

const TOKEN_LIFETIME_MS = 4_000;
const CHANGES_PER_ROUND = 150;
const EVERY_NTH_429 = 7;
const EVERY_NTH_GET_503 = 11;
const WORKFLOW = 'BenchTriggerLag01';

const { values } = parseArgs({
	options: {
		before: { type: 'string' },
		label: { type: 'string', default: 'before' },
		rounds: { type: 'string', default: '10' },
		seed: { type: 'string', default: '9' },
		'no-write': { type: 'boolean', default: false },
		'retry-after': { type: 'string' },
		this: { type: 'string' },
	},
});
const ROUNDS = Number(values.rounds);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** mulberry32: the same gaps between rounds in every run. */
function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Call {
	at: number;
	method: string;
	path: string;
	status: number;
	window?: string;
	page?: string;
}

interface Round {
	round: number;
	madeAt: number;
	emitted: number;
	latencies: number[];
}

const quantile = (sorted: number[], q: number) =>
	sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

async function measure(tarball: string, label: string) {
	const sandbox = await startSandbox({ port: 0 });
	sandbox.setTokenLifetimes({ accessMs: TOKEN_LIFETIME_MS, refreshMs: 10_800_000 });
	const calls: Call[] = [];
	const open = new WeakMap<object, Call>();
	let requests = 0;
	let gets = 0;
	const proxy = await startRewritingProxy(sandbox.url, {
		request: (call) => {
			const get = call.method === 'GET';
			const record = (status: number) => {
				const entry: Call = {
					at: Date.now(),
					method: call.method,
					path: call.path.replace(/^\/v2/, ''),
					status,
					window: call.query.get('updatedDateStart')
						? `${call.query.get('updatedDateStart')?.slice(11, 19)}..${call.query.get('updatedDateEnd')?.slice(11, 19)}`
						: undefined,
					page: call.query.get('page') ?? undefined,
				};
				calls.push(entry);
				open.set(call, entry);
			};
			if (++requests % EVERY_NTH_429 === 0) {
				record(429);
				const headers = values['retry-after'] ? { 'retry-after': values['retry-after'] } : {};
				return { status: 429, headers, body: { success: false, error: 'Rate limit exceeded' } };
			}
			if (get && ++gets % EVERY_NTH_GET_503 === 0) {
				record(503);
				return { status: 503, body: { success: false, error: 'Service Unavailable' } };
			}
			record(0);
			return undefined;
		},
		response: (answer, call) => {
			const entry = open.get(call);
			if (entry) entry.status = answer.status;
		},
	});
	const n8n = N8n.create(tarball);
	let server: N8nServer | undefined;
	const random = prng(Number(values.seed));
	try {
		await n8n.importCredential({
			...DEMO_PARTNER,
			customUrl: proxy.url,
			accessLifetimeMs: TOKEN_LIFETIME_MS,
		});
		await n8n.importWorkflows([
			chain(
				WORKFLOW,
				'bench: vehicle updated',
				[{ name: 'Done', type: 'n8n-nodes-base.noOp', parameters: {} }],
				{
					name: 'Vehicle Updated',
					type: AUTOLEAP_TRIGGER,
					parameters: {
						event: 'vehicleUpdated',
						companyId: DEMO_COMPANY_ID,
						pollTimes: { item: [{ mode: 'everyMinute' }] },
					},
				},
			),
		]);
		await n8n.activate(WORKFLOW);
		const started = Date.now();
		server = await n8n.start();
		await waitFor(
			async () => calls.some((c) => c.path === '/vehicles' && c.status === 200),
			'the poll at activation',
			180_000,
		);
		const vehicles = sandbox.store.list('vehicles', DEMO_COMPANY_ID);
		const madeAt = new Map<string, { round: number; at: number }>();
		const rounds: Round[] = [];
		for (let round = 1; round <= ROUNDS; round++) {
			await sleep(60_000 + random() * 120_000);
			const at = Date.now();
			for (let i = 0; i < CHANGES_PER_ROUND; i++) {
				const vehicle = vehicles[(round * CHANGES_PER_ROUND + i) % vehicles.length];
				const changed = sandbox.store.update('vehicles', vehicle.vehicleId, {
					mileage: round * 1000 + i,
				});
				madeAt.set(`${changed.vehicleId}@${changed.updatedDate}`, { round, at });
			}
			rounds.push({ round, madeAt: at, emitted: 0, latencies: [] });
			console.log(
				`round ${round}: ${CHANGES_PER_ROUND} changes at +${((at - started) / 1000).toFixed(0)} s`,
			);
		}
		// Two more intervals for the last round, then what came is what came.
		const drainUntil = Date.now() + 150_000;
		const emittedOf = async () => {
			const executions = await server!.executions(WORKFLOW);
			return executions.flatMap((e) =>
				(e.data.resultData.runData['Vehicle Updated'] ?? []).flatMap((task) =>
					(task.data?.main?.[0] ?? []).map((item) => ({
						key: `${String(item.json.vehicleId)}@${String(item.json.updatedDate)}`,
						at: Date.parse(String((e as unknown as { startedAt: string }).startedAt)),
					})),
				),
			);
		};
		while (Date.now() < drainUntil && (await emittedOf()).length < madeAt.size) await sleep(5_000);
		const executions = await server.executions(WORKFLOW);
		const emitted = await emittedOf();
		const counts = new Map<string, number>();
		for (const { key, at } of emitted) {
			counts.set(key, (counts.get(key) ?? 0) + 1);
			const made = madeAt.get(key);
			if (!made || counts.get(key)! > 1) continue;
			const round = rounds[made.round - 1];
			round.emitted++;
			round.latencies.push((at - made.at) / 1000);
		}
		const failed = executions.filter((e) => e.status === 'error');
		const result = {
			label,
			rounds: rounds.map((r) => {
				const sorted = [...r.latencies].sort((a, b) => a - b);
				return {
					round: r.round,
					emitted: r.emitted,
					min: sorted[0],
					median: quantile(sorted, 0.5),
					p90: quantile(sorted, 0.9),
					max: sorted[sorted.length - 1],
				};
			}),
			made: madeAt.size,
			emitted: [...counts.keys()].filter((k) => madeAt.has(k)).length,
			duplicated: [...counts.values()].filter((n) => n > 1).length,
			executions: executions.length,
			failedExecutions: failed.length,
			errors: [...new Set(failed.map((e) => e.data.resultData.error?.message ?? '?'))],
			requests: calls.length,
			answered429: calls.filter((c) => c.status === 429).length,
			answered503: calls.filter((c) => c.status === 503).length,
			gets: calls.filter((c) => c.method === 'GET').length,
			writes: calls.filter((c) => c.method !== 'GET').length,
			minutes: +((Date.now() - started) / 60_000).toFixed(1),
		};
		mkdirSync(PACK_DIR, { recursive: true });
		writeFileSync(
			join(PACK_DIR, `trigger-lag-${label.replace(/\W+/g, '-')}.json`),
			JSON.stringify(
				{ result, calls: calls.map((c) => ({ ...c, t: (c.at - started) / 1000 })) },
				null,
				1,
			),
		);
		console.log(JSON.stringify(result));
		return result;
	} finally {
		await server?.stop();
		await proxy.close();
		await sandbox.close();
		n8n.dispose();
	}
}

const seconds = (n: number | null | undefined) =>
	n === undefined || n === null || Number.isNaN(n) ? '–' : `${n.toFixed(0)} s`;

type Run = Awaited<ReturnType<typeof measure>>;

/** The result of an earlier run, from the log it left (`--before run.json`, `--this run.json`). */
function earlier(file: string, label: string): Run {
	return { ...(JSON.parse(readFileSync(file, 'utf8')) as { result: Run }).result, label };
}

function section(runs: Run[]): string {
	const rows = runs.flatMap((run) =>
		run.rounds.map(
			(r) =>
				`| ${run.label} | ${r.round} | ${r.emitted} / ${CHANGES_PER_ROUND} | ${seconds(r.min)} | ${seconds(r.median)} | ${seconds(r.p90)} | ${seconds(r.max)} |`,
		),
	);
	const summaries = runs.map((run) => {
		const medians = run.rounds
			.map((r) => r.median)
			.filter((m): m is number => typeof m === 'number');
		medians.sort((a, b) => a - b);
		return `- ${run.label}: ${run.emitted} of ${run.made} changes emitted (${run.duplicated} twice, ${run.made - run.emitted} still missing after two more minutes) in ${run.executions} executions, ${run.failedExecutions} failed${run.errors.length ? ` (${run.errors.join('; ')})` : ''}; round medians ${seconds(medians[0])} to ${seconds(medians[medians.length - 1])}; ${run.requests} requests (${run.gets} GETs, ${run.writes} writes; ${run.answered429} answered 429, ${run.answered503} answered 503) in ${run.minutes} minutes.`;
	});
	return [
		'## Trigger latency under 429s, 503s and 4-second tokens',
		'',
		`Generated by \`npm run bench:trigger\` on ${new Date().toISOString().slice(0, 10)}: n8n 2.41.1, an AutoLeap Trigger (Vehicle Updated, every minute) in \`n8n start\`,`,
		`through a proxy answering every ${EVERY_NTH_429}th request 429 and every ${EVERY_NTH_GET_503}th GET 503, against a sandbox at AutoLeap's real limits whose access tokens live`,
		`${TOKEN_LIFETIME_MS / 1000} s (the credential is told the same); ${CHANGES_PER_ROUND} vehicles change together every 1–3 minutes, ${ROUNDS} rounds. Latency: the start of the execution`,
		'that emitted a change − when it was made; a poll every 60 s reads what changed up to its start, so up to about 60 s is the interval itself.',
		'A round’s 150 changes come in one execution, so its min, median, p90 and max agree. One run each.',
		'',
		'| Build | Round | Emitted / made | Min | Median | p90 | Max |',
		'| --- | --- | --- | --- | --- | --- | --- |',
		...rows,
		'',
		...summaries,
	].join('\n');
}

async function main(): Promise<void> {
	await installRuntime();
	const packDir = mkdtempSync(join(tmpdir(), 'autoleap-bench-trigger-'));
	try {
		const runs: Run[] = [];
		if (values.before?.endsWith('.json')) runs.push(earlier(values.before, values.label));
		else if (values.before) runs.push(await measure(values.before, values.label));
		runs.push(
			values.this
				? earlier(values.this, 'this package')
				: await measure(packPackage(packDir), 'this package'),
		);
		if (!values['no-write']) writeSection('bench:trigger', section(runs));
	} finally {
		rmSync(packDir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
