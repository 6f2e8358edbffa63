/**
 * n8n in queue mode: a main and two workers on a real PostgreSQL and Redis (installed and started
 * here), each process with the packed package as a community package, against one sandbox
 * account at AutoLeap's real limits (150 GETs and 50 writes a minute). Which process sent each
 * request comes from the server side (lib/attribution.ts); which executions a worker ran, from its
 * own log. The tests run in order on one cluster: the faults come last, Redis's last of all.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox, type RequestLogEntry, type Sandbox } from '../sandbox';
import { DEMO_COMPANY_2_ID, DEMO_COMPANY_ID, DEMO_PARTNER } from '../sandbox/seed';
import { ConnectionOwners } from './lib/attribution';
import {
	contentionWorkflows,
	createWorkflow,
	finishedExecutions,
	fire,
	listExecutions,
	processName,
	runContention,
	vinCounts,
	webhookRegistered,
	type Contention,
} from './lib/contention';
import { itemsOf, waitFor } from './lib/n8n';
import { QueueCluster, readLog } from './lib/queue';
import { packedPackage, PACK_DIR } from './lib/runtime';
import { psql } from './lib/services';
import { AUTOLEAP_TRIGGER, byId, chain } from './lib/workflow';

const TAG = `Q${Date.now().toString(36).toUpperCase()}`;
const MANUAL = 'QueueManual00001';
const TRIGGER = 'QueueTrigger0001';
const FAULT = { id: 'QueueCreate00009', path: 'queue-create-9', items: 1_000, tag: `${TAG}F` };
// Access tokens live a minute (the credential knows it): the contention run spans two renewals.
const ACCESS_MS = 60_000;

let sandbox: Sandbox;
let cluster: QueueCluster;
let contention: Contention;
const owners = new ConnectionOwners();
const timings: Record<string, number> = {};
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Which process sent each request since `from`: main, worker N, other process (a CLI run), unknown. */
const senders = (from: number, filter: (r: RequestLogEntry) => boolean = () => true) =>
	sandbox.requestLog
		.slice(from)
		.filter(filter)
		.map((r) => processName(owners.ownerOf(r), cluster.processNames()));
const vehiclePosts = () =>
	sandbox.requestLog.filter((r) => r.method === 'POST' && r.path === '/vehicles');

beforeAll(async () => {
	const started = Date.now();
	sandbox = await startSandbox({
		port: 0,
		bulkVehicles: 10_000,
		onConnection: owners.onConnection,
	});
	sandbox.setTokenLifetimes({ accessMs: ACCESS_MS, refreshMs: 10_800_000 });
	cluster = await QueueCluster.create(packedPackage(), { workers: 2 });
	contention = { sandbox, cluster, owners, tag: TAG, creates: 4, perCreate: 2_000, reads: 2 };
	const customerId = String(sandbox.store.list('customers', DEMO_COMPANY_ID)[0].customerId);
	const createFive = {
		name: 'Create Vehicles',
		parameters: {
			resource: 'vehicle',
			operation: 'create',
			companyId: DEMO_COMPANY_ID,
			customerId: byId(customerId),
			additionalFields: { make: 'Manual', vin: `${TAG}M` },
		},
	};
	const trigger = chain(
		TRIGGER,
		'queue: vehicle updated → summary',
		[
			{
				name: 'Summary',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode:
						'return $input.all().map((item) => ({ json: { vehicle: item.json.vehicleId } }));',
				},
			},
			// The other company: the contention run's 8,000 new vehicles are not changes it should page through.
		],
		{
			name: 'Vehicle Updated',
			type: AUTOLEAP_TRIGGER,
			parameters: {
				event: 'vehicleUpdated',
				companyId: DEMO_COMPANY_2_ID,
				pollTimes: { item: [{ mode: 'everyMinute' }] },
			},
		},
	);
	await cluster.n8n.importCredential({
		...DEMO_PARTNER,
		customUrl: sandbox.url,
		accessLifetimeMs: ACCESS_MS,
	});
	const published = [
		createWorkflow(9, FAULT.tag, FAULT.items, customerId),
		...contentionWorkflows(contention),
	];
	await cluster.importWorkflows([
		chain(MANUAL, 'queue: manual create', [createFive]),
		trigger,
		...published,
	]);
	await cluster.start();
	await cluster.publish(published.map((w) => w.id));
	Object.assign(timings, cluster.timings, { setupMs: Date.now() - started });
	console.log(
		`• queue mode up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${cluster.describeTimings()}`,
	);
});

afterAll(async () => {
	await cluster?.stop();
	await sandbox?.close();
	console.log(`• queue suite timings (ms): ${JSON.stringify(timings)}`);
});

it('contention: 4 × Create 2,000 vehicles and 2 × Get Many (all) at once on 2 workers, within one account', async () => {
	const started = Date.now();
	const report = await runContention(contention);
	timings.contentionMs = Date.now() - started;
	console.log(`contention report:\n${JSON.stringify(report, null, 2)}`);
	writeFileSync(join(PACK_DIR, 'queue-contention.json'), JSON.stringify(report, null, 2));

	// Queue mode was really in play: each execution ran on a worker, both worked, the main sent nothing.
	expect(report.executions.map((e) => `${e.mode} ${e.ranOn.replace(/\d+$/, 'N')}`)).toEqual(
		report.executions.map(() => 'webhook worker N'),
	);
	expect(new Set(report.executions.map((e) => e.ranOn)).size).toBe(2);
	expect(Object.keys(report.byProcess).sort()).toEqual(['worker 1', 'worker 2']);
	// What the node must achieve: nothing failed, lost or doubled, close to what the account allows.
	expect({
		failedItems: report.failedItems,
		statuses: report.executions.map((e) => e.status),
		vehiclesMissing: report.vehiclesMissing,
		vehiclesDuplicated: report.vehiclesDuplicated,
		readsComplete: report.executions
			.filter((e) => e.workflow.startsWith('QueueRead'))
			.every((e) => e.itemsOk >= report.vehiclesBefore),
		withinTimeBudget: report.ratio <= 1.3,
	}).toEqual({
		failedItems: 0,
		statuses: report.executions.map(() => 'success'),
		vehiclesMissing: 0,
		vehiclesDuplicated: 0,
		readsComplete: true,
		withinTimeBudget: true,
	});
	// Tokens: at most one login per process in the run (well within a refresh token's 3 hours: when
	// it first met an empty credential), renewals by refresh. A process that loses a rotation race
	// (its refresh refused) reads the winner's pair from the database instead of logging in.
	const processes = Object.values(report.byProcess);
	for (const counts of processes) expect(counts.logins ?? 0).toBeLessThanOrEqual(1);
	expect(
		processes.reduce((sum, counts) => sum + (counts.refreshes ?? 0), 0),
	).toBeGreaterThanOrEqual(2);
});

it('manual runs stay on the main and `n8n execute` in its own process: neither goes through the queue', async () => {
	const from = sandbox.requestLog.length;
	await cluster.main!.rest('/workflows/' + MANUAL + '/run', {
		method: 'POST',
		body: JSON.stringify({ destinationNode: { nodeName: 'Create Vehicles', mode: 'inclusive' } }),
	});
	const [manual] = await finishedExecutions(cluster.main!, [MANUAL], 120_000);
	const manualSenders = senders(from);
	const cli = await cluster.n8n.execute(MANUAL);
	const cliSenders = senders(from).slice(manualSenders.length);
	const all = await listExecutions(cluster.main!, [MANUAL]);
	const cliRun = all.find((e) => e.mode === 'cli')!;

	expect({ mode: manual.mode, status: manual.status, ranOn: cluster.ranOn(manual.id) }).toEqual({
		mode: 'manual',
		status: 'success',
		ranOn: 'not queued',
	});
	expect(new Set(manualSenders)).toEqual(new Set(['main']));
	expect({ status: cli.status, ranOn: cluster.ranOn(cliRun.id) }).toEqual({
		status: 'success',
		ranOn: 'not queued',
	});
	// The CLI is a process of its own, neither the main nor a worker.
	expect(cliSenders.length).toBeGreaterThan(0);
	expect(new Set(cliSenders)).toEqual(new Set(['other process']));
	expect(owners.unresolved).toBe(0);
});

it('trigger: polls on the main, runs on a worker, and emits each change once across a restart of the main', async () => {
	const started = Date.now();
	const polls = () =>
		sandbox.requestLog.filter(
			(r) => r.method === 'GET' && r.path === '/vehicles' && r.query.updatedDateStart !== undefined,
		);
	const from = sandbox.requestLog.length;
	const events: string[] = [];
	const note = (event: string) => events.push(`${new Date().toISOString()} ${event}`);
	// A step that times out says what the trigger did: every poll, the test's own steps, the executions.
	const traced = async <T>(step: Promise<T>): Promise<T> =>
		await step.catch(async (error: Error) => {
			const pollLines = polls().map(
				(r) =>
					`${new Date(r.at).toISOString()} poll ${r.query.updatedDateStart}..${r.query.updatedDateEnd} page ${r.query.page} → ${r.status}`,
			);
			const executions = await listExecutions(cluster.main!, [TRIGGER]).catch(
				(e: Error) => e.message,
			);
			// n8n's public API leaves running (and queued) executions out unless asked for them.
			const running = await cluster
				.main!.api<{ data: unknown[] }>(`/executions?workflowId=${TRIGGER}&status=running`)
				.then((r) => r.data)
				.catch((e: Error) => e.message);
			// What the main said meanwhile about triggers, polls and executions, and any warning.
			const mainLines = readLog(cluster.mainLog)
				.filter((l) => Date.parse(l.metadata.timestamp ?? '') >= started)
				.filter((l) => l.level !== 'info' || /trigger|poll|execution|activat/i.test(l.message))
				.slice(-40)
				.map((l) => `${l.metadata.timestamp} main ${l.level}: ${l.message.slice(0, 300)}`);
			throw new Error(
				`${error.message}\n${[...pollLines, ...events].sort().join('\n')}\nexecutions: ${JSON.stringify(executions)}\nrunning: ${JSON.stringify(running)}\n${mainLines.join('\n')}`,
			);
		});
	note('publish');
	await cluster.publish([TRIGGER]);
	await traced(waitFor(async () => polls().length > 0, 'the poll at activation', 100_000));

	const [first, second] = sandbox.store.list('vehicles', DEMO_COMPANY_2_ID);
	const changed = [
		sandbox.store.update('vehicles', first.vehicleId, { mileage: 123_456 }),
		sandbox.store.update('vehicles', second.vehicleId, { color: 'Red' }),
	].map((v) => `${v.vehicleId}@${v.updatedDate}`);
	note(`changed ${changed.join(', ')}`);
	const [scheduled] = await traced(finishedExecutions(cluster.main!, [TRIGGER], 150_000));
	const cursor = psql(
		cluster.postgres,
		`select "staticData" from workflow_entity where id = '${TRIGGER}'`,
	);

	// Down for a while; the change made meanwhile arrives once the main is back, and nothing else.
	await cluster.main!.stop();
	const whileDown = sandbox.store.update('vehicles', first.vehicleId, { mileage: 123_999 });
	note(`main stopped; changed ${whileDown.vehicleId}@${whileDown.updatedDate}`);
	const pollsBefore = polls().length;
	await cluster.startMain();
	note('main started');
	await traced(
		waitFor(async () => polls().length > pollsBefore, 'the poll at re-activation', 100_000),
	);
	const [afterRestart] = await traced(
		finishedExecutions(cluster.main!, [TRIGGER], 150_000, new Set([scheduled.id])),
	);
	const pollsAfter = polls().length;
	await traced(
		waitFor(async () => polls().length > pollsAfter, 'the next scheduled poll', 100_000),
	);
	await sleep(5_000);
	timings.triggerMs = Date.now() - started;

	const executions = await cluster.main!.executions(TRIGGER);
	const emitted = executions.map((e) =>
		itemsOf(e, 'Vehicle Updated').map((v) => `${v.vehicleId}@${v.updatedDate}`),
	);
	expect(
		executions.map((e) => ({
			mode: e.mode,
			status: e.status,
			ranOn: cluster.ranOn(e.id).replace(/\d+$/, 'N'),
		})),
	).toEqual([
		{ mode: 'trigger', status: 'success', ranOn: 'worker N' },
		{ mode: 'trigger', status: 'success', ranOn: 'worker N' },
	]);
	expect(emitted.map((list) => list.sort())).toEqual([
		changed.sort(),
		[`${whileDown.vehicleId}@${whileDown.updatedDate}`],
	]);
	expect(afterRestart.id).toBe(executions[1].id);
	// Polls are the main's; its cursor lives in the workflow's static data in PostgreSQL.
	expect(new Set(senders(from, (r) => r.method === 'GET' && r.path === '/vehicles'))).toEqual(
		new Set(['main']),
	);
	expect(cursor).toMatch(/"node:Vehicle Updated":\{.+\}/);
});

it('faults: a worker killed mid-Create, then PostgreSQL stopped mid-Create: never reported as success', async () => {
	const started = Date.now();
	const main = cluster.main!;
	const statusOf = (id: string) =>
		psql(cluster.postgres, `select status from execution_entity where id = '${id}'`);
	await webhookRegistered(main, FAULT.path);
	sandbox.setLatency(1_500); // ten batches take 15 s: time to strike mid-run

	// 1. SIGKILL the worker running it after 3 of its 10 requests; a supervisor would restart it.
	let posts = vehiclePosts().length;
	await fire(main, FAULT.path);
	await waitFor(
		async () => vehiclePosts().length >= posts + 3,
		'three POST /vehicles',
		120_000,
		100,
	);
	const { id: killedId, worker: victim } = cluster.workerRuns(FAULT.id).at(-1)!;
	await victim.stop('SIGKILL');
	const postsAtKill = vehiclePosts().length - posts;
	await sleep(5_000);
	const killed = {
		execution: killedId,
		worker: victim.name,
		postsAccepted: postsAtKill,
		statusAfterKill: statusOf(killedId),
		statusAfterWorkerRestart: '',
	};
	await victim.start();
	await waitFor(
		async () => statusOf(killedId) !== 'running',
		'the restarted worker to settle the killed execution',
		60_000,
	);
	killed.statusAfterWorkerRestart = statusOf(killedId);

	// 2. PostgreSQL stopped during the next run.
	posts = vehiclePosts().length;
	await fire(main, FAULT.path);
	await waitFor(
		async () => vehiclePosts().length >= posts + 3,
		'three POST /vehicles',
		120_000,
		100,
	);
	const { id: dbRunId, worker: runner } = cluster.workerRuns(FAULT.id).at(-1)!;
	const pausedAt = new Date().toISOString();
	await cluster.postgres.pause();
	const duringOutage = await fetch(`${main.base}/webhook/${FAULT.path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
	});
	const finishedLine = () =>
		readLog(runner.logFile).find((l) =>
			l.message.startsWith(`Worker finished execution ${dbRunId} `),
		);
	await waitFor(
		async () => finishedLine() !== undefined,
		`the worker to end execution ${dbRunId}`,
		60_000,
	);
	const postsWhileDown = vehiclePosts().length - posts;
	await sleep(5_000);
	await cluster.postgres.start();
	sandbox.setLatency(0);
	// A worker that noticed the outage (3 failed pings, 2 s apart) reconnects by itself, backing off up to 30 s.
	const reconnected = () =>
		cluster.workers.every((w) => {
			const since = readLog(w.logFile)
				.filter((l) => String(l.metadata.timestamp) > pausedAt)
				.map((l) => l.message);
			return (
				!since.some((m) => m.startsWith('Triggering database connection recovery')) ||
				since.some((m) => m.startsWith('Database connection recovered'))
			);
		});
	const database = {
		execution: dbRunId,
		webhookDuringOutage: duringOutage.status,
		workerReportedSuccess: finishedLine()?.metadata.success,
		postsAccepted: postsWhileDown,
		statusAfterOutage: statusOf(dbRunId),
		statusAfterMainRestart: '',
	};
	// 3. A restart of the main runs n8n's queue recovery; then the same input once more.
	await cluster.restartMain();
	await waitFor(async () => statusOf(dbRunId) !== 'running', 'queue recovery', 60_000);
	database.statusAfterMainRestart = statusOf(dbRunId);
	await waitFor(async () => reconnected(), 'the workers to reconnect to PostgreSQL', 120_000);
	const before = new Set((await listExecutions(cluster.main!, [FAULT.id])).map((e) => e.id));
	await fire(cluster.main!, FAULT.path);
	const [rerun] = await finishedExecutions(cluster.main!, [FAULT.id], 180_000, before);
	const vins = vinCounts(sandbox, FAULT.tag);
	timings.faultsMs = Date.now() - started;
	const startedRuns = cluster.workers.flatMap((w) => w.executionsStarted());
	const report = {
		killed,
		database,
		rerun: {
			status: rerun.status,
			distinctVins: vins.size,
			vinsHeldMoreThanOnce: [...vins.values()].filter((n) => n > 1).length,
		},
	};
	console.log(`fault report:\n${JSON.stringify(report, null, 2)}`);

	// The killed run: not retried (started once), never success; "running" until its worker is back
	// (its event log shows the run unfinished: n8n marks it crashed).
	expect(postsAtKill).toBeLessThan(10);
	expect(startedRuns.filter((id) => id === killedId)).toHaveLength(1);
	expect(killed.statusAfterKill).toBe('running');
	expect(['crashed', 'error']).toContain(killed.statusAfterWorkerRestart);
	// The database outage: the webhook is refused, the running execution ends unsuccessful and,
	// unable to save that, stays "running" until the main's queue recovery marks it crashed.
	expect(database.webhookDuringOutage).toBe(503);
	expect(database.workerReportedSuccess).toBe(false);
	expect([database.statusAfterOutage, database.statusAfterMainRestart]).toEqual([
		'running',
		'crashed',
	]);
	// Every vehicle the sandbox holds came from a request it accepted (no phantom or lost writes).
	const accepted = sandbox.requestLog.filter(
		(r) =>
			r.method === 'POST' &&
			r.path === '/vehicles' &&
			r.status === 200 &&
			JSON.stringify(r.body).includes(FAULT.tag),
	);
	expect([...vins.values()].reduce((sum, n) => sum + n, 0)).toBe(accepted.length * 100);
	expect(rerun.status).toBe('success');
});

it('faults: Redis stopped mid-run: main and workers give up after 10 s and exit, the run stays "running"', async () => {
	const main = cluster.main!;
	sandbox.setLatency(1_500);
	const posts = vehiclePosts().length;
	await fire(main, FAULT.path);
	await waitFor(async () => vehiclePosts().length >= posts + 2, 'two POST /vehicles', 120_000, 100);
	const run = cluster.workerRuns(FAULT.id).at(-1)!;
	const stopped = Date.now();
	await cluster.redis.pause();
	const alive = () =>
		[
			main.exited ? undefined : 'main',
			...cluster.workers.filter((w) => w.pid !== undefined).map((w) => w.name),
		].filter(Boolean);
	await waitFor(async () => alive().length === 0, 'every n8n process to exit', 60_000);
	const exitedAfterMs = Date.now() - stopped;
	sandbox.setLatency(0);
	const status = psql(
		cluster.postgres,
		`select status from execution_entity where id = '${run.id}'`,
	);
	console.log(
		`redis fault: every process exited ${(exitedAfterMs / 1000).toFixed(1)} s after Redis stopped; execution ${run.id} is "${status}"; ${vehiclePosts().length - posts} of 10 requests were sent`,
	);

	expect(status).toBe('running');
	expect(
		readLog(cluster.mainLog).some(
			(l) => l.message === 'Exiting process due to Redis connection error',
		),
	).toBe(true);
});
