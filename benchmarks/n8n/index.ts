/**
 * Our nodes vs n8n's own HTTP Request node, in ONE real n8n (2.41.1, our package installed as a
 * community package), against ONE AutoLeap sandbox, in one run; results to benchmarks/RESULTS.md.
 *
 *   npm run bench
 *
 * AutoLeap's rate minute is scaled down to WINDOW_MS (limits unchanged per window) so the run takes
 * minutes; see SCALE below and the note written with the table.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { N8n, type Execution, itemsOf, type N8nServer } from '../../e2e/lib/n8n';
import { installRuntime, packPackage } from '../../e2e/lib/runtime';
import { startSandbox, type Sandbox } from '../../sandbox';
import { DEMO_COMPANY_ID, DEMO_PARTNER } from '../../sandbox/seed';
import { writeMainPage } from '../results';
import { clusters, countRequests, type Measured, resultsPage } from './report';
import {
	createMany,
	HEADER_CREDENTIAL,
	HTTP_VERSION,
	idlePoll,
	type Job,
	logins,
	readAll,
} from './workflows';

/** AutoLeap's 60 s window / SCALE: 150 GETs and 50 writes per 6 s. */
const SCALE = 10;
const WINDOW_MS = 60_000 / SCALE;
const LIMITS = { get: 150, write: 50, windowMs: WINDOW_MS };
const VEHICLES = 10_000;
const CREATES = 1_000;
const EXECUTIONS = 100;
const REPEATS = 3; // (a) only: the other jobs take long enough, or count executions
const PAGE = 100; // AutoLeap's largest page, and the batch size our bulk writes use (inferred limit)

const progress = (what: string) =>
	console.log(`• ${what} (${new Date().toISOString().slice(11, 19)})`);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
/** Between measurements: the sandbox's window empties, so no run pays for the one before. */
const settle = () => sleep(WINDOW_MS + 500);

async function fetchToken(sandbox: Sandbox): Promise<string> {
	const response = await fetch(`${sandbox.url}/partners/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(DEMO_PARTNER),
	});
	const body = (await response.json()) as { data?: { accessToken?: string } };
	if (!body.data?.accessToken) throw new Error(`Sandbox login failed: HTTP ${response.status}`);
	return body.data.accessToken;
}

const headerData = (token: string) => ({ name: 'Authorization', value: `Bearer ${token}` });

async function importHeaderCredential(n8n: N8n, token: string) {
	const file = join(n8n.userFolder, 'header-credential.json');
	writeFileSync(
		file,
		JSON.stringify([{ ...HEADER_CREDENTIAL, type: 'httpHeaderAuth', data: headerData(token) }]),
	);
	await n8n.cli(['import:credentials', `--input=${file}`]);
	rmSync(file, { force: true });
}

async function setActive(server: N8nServer, id: string, active: boolean) {
	if (!active)
		return void (await server.rest(`/workflows/${id}/deactivate`, { method: 'POST', body: '{}' }));
	const { versionId } = await server.rest<{ versionId: string }>(`/workflows/${id}`);
	await server.rest(`/workflows/${id}/activate`, {
		method: 'POST',
		body: JSON.stringify({ versionId }),
	});
}

/** Calls a job's webhook and waits for its answer (sent when the last node has finished). */
async function call(server: N8nServer, job: Job): Promise<boolean> {
	const response = await fetch(`${server.base}/webhook/${job.path}`, {
		method: 'POST',
		body: '{}',
		headers: { 'content-type': 'application/json' },
	});
	await response.text();
	return response.ok;
}

/** The newest `count` executions of a job, once n8n has saved them. */
async function lastExecutions(server: N8nServer, job: Job, count: number): Promise<Execution[]> {
	for (let tries = 0; ; tries++) {
		const all = await server.executions(job.id);
		if (all.length >= count || tries > 40) return all.slice(-count);
		await sleep(250);
	}
}

const erroredItems = (items: Array<Record<string, unknown>>) =>
	items.filter((item) => item.error !== undefined).length;

async function main() {
	await installRuntime();
	// A folder of its own: an e2e run started meanwhile empties e2e/.cache.
	const tarball = packPackage(mkdtempSync(join(tmpdir(), 'autoleap-bench-pack-')));
	const probe = await startSandbox({ port: 0 });
	const seeded = probe.store.list('vehicles', DEMO_COMPANY_ID).length;
	await probe.close();
	const sandbox = await startSandbox({ port: 0, bulkVehicles: VEHICLES - seeded, limits: LIMITS });
	const customerId = String(sandbox.store.list('vehicles', DEMO_COMPANY_ID)[0].customerId);
	const n8n = N8n.create(tarball);
	let server: N8nServer | undefined;
	const rows: Measured[] = [];
	const loadBefore = loadavg();
	try {
		// Per-minute limits scaled with the window; see the note on why this is not exact.
		await n8n.importCredential({
			...DEMO_PARTNER,
			customUrl: sandbox.url,
			readsPerMinute: LIMITS.get * SCALE,
			writesPerMinute: LIMITS.write * SCALE,
		});
		await importHeaderCredential(n8n, await fetchToken(sandbox)); // the HTTP side's token, fetched beforehand
		const read = readAll(sandbox.url);
		const create = createMany(sandbox.url, customerId, CREATES);
		const httpBatched = create.httpBatched({ batchSize: LIMITS.write, batchInterval: WINDOW_MS });
		const login = logins(sandbox.url);
		const poll = idlePoll(sandbox.url);
		const webhookJobs = [
			read.ours,
			read.http,
			create.ours,
			create.httpDefaults,
			httpBatched,
			login.ours,
			login.httpHeader,
			login.httpLogin,
		];
		await n8n.importWorkflows([...webhookJobs.map((j) => j.workflow), poll.ours, poll.http]);
		server = await n8n.start();
		for (const job of webhookJobs) await setActive(server, job.id, true);
		const s = server;

		// Warm-up, not measured: loads both node types and gives our credential its token.
		if (!(await call(s, login.ours)) || !(await call(s, login.httpHeader)))
			throw new Error('Warm-up run failed');

		/** One webhook call of a job, with what AutoLeap saw; `failed` reads its execution. */
		const once = async (job: Job, failed: (items: Array<Record<string, unknown>>) => number) => {
			await settle();
			sandbox.clearLog();
			const started = performance.now();
			const ok = await call(s, job);
			const ms = performance.now() - started;
			const [execution] = await lastExecutions(s, job, 1);
			const items = execution.data.resultData.runData[job.output]
				? itemsOf(execution, job.output)
				: [];
			const counts = countRequests(sandbox.requestLog);
			return {
				...counts,
				ms,
				ok: ok && execution.status === 'success',
				items,
				failed: failed(items),
			};
		};

		// (a) Return All: the two alternate, REPEATS times each; the row shows the median run.
		const minRead = `${Math.ceil(VEHICLES / PAGE)} GETs`;
		const readSetups = [
			[read.ours, 'AutoLeap node, Get Many, Return All'],
			[read.http, `HTTP Request ${HTTP_VERSION}, pagination + Split Out`],
		] as const;
		const readRuns: Array<Array<Awaited<ReturnType<typeof once>>>> = [[], []];
		for (let rep = 0; rep < REPEATS; rep++) {
			for (const [i, [job]] of readSetups.entries()) {
				progress(`(a) ${job.id}, run ${rep + 1} of ${REPEATS}`);
				readRuns[i].push(
					await once(job, (items) => VEHICLES - new Set(items.map((item) => item.vehicleId)).size),
				);
			}
		}
		readSetups.forEach(([, setup], i) => {
			const runs = readRuns[i];
			const r = [...runs].sort((x, y) => x.ms - y.ms)[Math.floor(runs.length / 2)];
			const times = runs.map((run) => (run.ms / 1000).toFixed(1)).join(', ');
			const note = `${r.items.length} items out${r.ok ? '' : ', execution failed'}; median of ${times} s; requests span ${(r.span / 1000).toFixed(1)} s`;
			rows.push({
				job: `(a) Return All of ${VEHICLES} vehicles`,
				setup,
				...r,
				failed: `${r.failed} missing`,
				minimum: minRead,
				note,
			});
		});

		// (d) Idle poll: both published at once; told apart by query (ours sends a closed window).
		progress(
			'(d) both polling workflows published; waiting for an idle poll of each (up to 2.5 min)',
		);
		await settle();
		sandbox.clearLog();
		await setActive(s, poll.ours.id, true);
		await setActive(s, poll.http.id, true);
		const polls = (mine: boolean) =>
			clusters(
				sandbox.requestLog.filter(
					(r) => r.path === '/vehicles' && (r.query.updatedDateEnd !== undefined) === mine,
				),
			);
		const deadline = Date.now() + 150_000;
		while ((polls(true).length < 2 || polls(false).length < 1) && Date.now() < deadline)
			await sleep(1000);
		await setActive(s, poll.ours.id, false);
		await setActive(s, poll.http.id, false);
		const oursIdle = polls(true)[1] ?? [];
		const httpIdle = polls(false)[0] ?? [];
		const oursRuns = (await s.executions(poll.ours.id)).length;
		const httpRuns = (await s.executions(poll.http.id)).length;
		const seen = (poll: unknown[]) => (poll.length ? '' : '; NO POLL SEEN within 2.5 min');
		rows.push({
			job: '(d) Idle poll',
			setup: 'AutoLeap Trigger, every minute (2nd poll)',
			...countRequests(oursIdle),
			failed: '0',
			minimum: '1 GET',
			note: `${oursRuns} executions saved${seen(oursIdle)}`,
		});
		rows.push({
			job: '(d) Idle poll',
			setup: 'Schedule Trigger + HTTP Request GET (last minute)',
			...countRequests(httpIdle),
			failed: '0',
			minimum: '1 GET',
			note: `${httpRuns} execution(s) saved${seen(httpIdle)}`,
		});

		// (b) Create from 1,000 items
		const created = (prefix: string) =>
			sandbox.store
				.list('vehicles', DEMO_COMPANY_ID)
				.filter((v) => String(v.licensePlate).startsWith(`${prefix}-`)).length;
		const minCreate = `${Math.ceil(CREATES / PAGE)} POSTs`;
		for (const [job, setup, prefix] of [
			[create.ours, 'AutoLeap node, Create (bulk, 100 per request)', 'OURS'],
			[create.httpDefaults, `HTTP Request ${HTTP_VERSION}, one POST per item, defaults`, 'HTTP'],
			[
				httpBatched,
				`HTTP Request ${HTTP_VERSION}, Batching ${LIMITS.write} items / ${WINDOW_MS} ms`,
				'HTTPB',
			],
		] as const) {
			progress(`(b) ${job.id}`);
			const r = await once(job, erroredItems);
			rows.push({
				job: `(b) Create ${CREATES} vehicles`,
				setup,
				...r,
				failed: `${r.failed} items`,
				minimum: minCreate,
				note: `${created(prefix)} created`,
			});
		}

		// (c) Logins over 100 executions; the token expires half-way (two token lifetimes).
		const runMany = async (job: Job, beforehand?: () => Promise<void>) => {
			progress(`(c) ${job.id}, ${EXECUTIONS} executions`);
			await settle();
			sandbox.expireAllTokens();
			await beforehand?.();
			sandbox.clearLog();
			const started = performance.now();
			let failedCalls = 0;
			let firstHalfMs = 0;
			for (let i = 0; i < EXECUTIONS; i++) {
				if (i === EXECUTIONS / 2) {
					firstHalfMs = performance.now() - started;
					sandbox.expireAllTokens();
				}
				if (!(await call(s, job))) failedCalls++;
			}
			const ms = performance.now() - started;
			const executions = await lastExecutions(s, job, EXECUTIONS);
			const failed = executions.filter((e) => e.status !== 'success').length;
			const counts = countRequests(sandbox.requestLog);
			const notes = [
				`first ${EXECUTIONS / 2}: ${(firstHalfMs / 1000).toFixed(1)} s`,
				counts.unauthorized ? `${counts.unauthorized} answered 401` : '',
				failedCalls ? `${failedCalls} webhook calls answered with an error` : '',
			];
			return {
				...counts,
				ms,
				failed: `${failed} executions`,
				note: notes.filter(Boolean).join('; '),
			};
		};
		const refreshHeader = async () => {
			const token = await fetchToken(sandbox); // "beforehand": not counted below
			await s.rest(`/credentials/${HEADER_CREDENTIAL.id}`, {
				method: 'PATCH',
				body: JSON.stringify({
					name: HEADER_CREDENTIAL.name,
					type: 'httpHeaderAuth',
					data: headerData(token),
				}),
			});
		};
		const minLogins = `${EXECUTIONS} GETs + 2 logins`;
		const loginJob = `(c) ${EXECUTIONS} executions, token expires after ${EXECUTIONS / 2}`;
		rows.push({
			job: loginJob,
			setup: 'AutoLeap node, Get Profile (token saved by n8n)',
			...(await runMany(login.ours)),
			minimum: minLogins,
		});
		rows.push({
			job: loginJob,
			setup: 'HTTP Request, header credential (token fetched beforehand, +1 login not counted)',
			...(await runMany(login.httpHeader, refreshHeader)),
			minimum: minLogins,
		});
		rows.push({
			job: loginJob,
			setup: 'HTTP Request login node + HTTP Request with the token',
			...(await runMany(login.httpLogin)),
			minimum: minLogins,
		});
	} finally {
		await server?.stop();
		await sandbox.close();
		n8n.dispose();
		rmSync(dirname(tarball), { recursive: true, force: true });
	}
	const results = resultsPage({
		rows,
		scale: SCALE,
		limits: LIMITS,
		load: [loadBefore[0], loadavg()[0]],
	});
	writeMainPage(results);
	console.log(results);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
