/**
 * The main job: a REAL n8n 2.41.1 (installed with the Node 24 it needs into e2e/runtimes/n8n-2.41
 * on first use) with this package installed as a community node, an owner account, an AutoLeap
 * credential pointing at the embedded sandbox, and the example workflows of e2e/workflows imported. The
 * "invoiced repair order → summary" workflow is published, and the demo shop invoices a repair
 * order every 45 seconds, so its executions show up while you watch.
 *
 *   npm run demo                      the editor on http://localhost:5678 until Ctrl-C
 *   npm run demo -- --once            run "import customers" with `n8n execute`, print it, exit
 *   npm run demo -- --queue           the same in queue mode: a main and 2 workers, PostgreSQL, Redis
 *   npm run demo -- --port 5700 --user-folder /tmp/x
 *   npm run demo -- --n8n 1.123       the same in n8n 1.123 (e2e/runtimes/n8n-1.123)
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { startSandbox, type Sandbox } from '../sandbox';
import { DEMO_COMPANY_ID, DEMO_PARTNER } from '../sandbox/seed';
import { freePort, N8n, OWNER, type N8nServer } from './lib/n8n';
import { QueueCluster } from './lib/queue';
import {
	installRuntime,
	PACK_DIR,
	packPackage,
	ROOT,
	runtime,
	seconds,
	type Runtime,
} from './lib/runtime';
import { isRuntimeName, NEWEST } from './lib/runtimes';

const WORKFLOWS = join(ROOT, 'e2e', 'workflows');
const IMPORT_CUSTOMERS = 'AutoLeapDemoRun1';
const INVOICED_SUMMARY = 'AutoLeapInvoiced1';

const { values: flags } = parseArgs({
	options: {
		once: { type: 'boolean', default: false },
		queue: { type: 'boolean', default: false },
		port: { type: 'string', default: '5678' },
		'user-folder': { type: 'string', default: join(ROOT, 'e2e', '.n8n-demo') }, // n8n keeps its files in <folder>/.n8n
		n8n: { type: 'string', default: NEWEST.replace('n8n-', '') }, // a runtime of e2e/runtimes: 2.41 or 1.123
	},
});

async function runOnce(n8n: N8n, sandbox: Sandbox): Promise<boolean> {
	const before = sandbox.requestLog.length;
	const started = Date.now();
	const result = await n8n.execute(IMPORT_CUSTOMERS);
	const failure = result.data.resultData.error;
	console.log(
		`\n"import customers" in n8n (${seconds(started)}): ${result.status ?? 'finished'}${failure ? ` — ${failure.message}` : ''}`,
	);
	for (const [name, tasks] of Object.entries(result.data.resultData.runData)) {
		const items = tasks.flatMap((task) => task.data?.main?.[0] ?? []);
		const error = tasks.find((task) => task.error)?.error;
		console.log(
			`  ${name}: ${items.length} item(s) out${error ? ` — ERROR ${error.message}` : ''}`,
		);
		if (items[0]) console.log(`    first: ${JSON.stringify(items[0].json).slice(0, 150)}`);
	}
	printRequests(sandbox, before);
	return !failure && result.status === 'success';
}

function printRequests(sandbox: Sandbox, from: number): void {
	const counts = new Map<string, number>();
	for (const r of sandbox.requestLog.slice(from)) {
		const key = `${r.method} ${r.path} → ${r.status}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	console.log(`\nAutoLeap sandbox received ${sandbox.requestLog.length - from} request(s):`);
	for (const [key, count] of counts) console.log(`  ${key}${count > 1 ? `  ×${count}` : ''}`);
}

/** A shop at work: every 45 s an open repair order is invoiced, for the published trigger to find. */
function invoiceRepairOrders(sandbox: Sandbox): () => void {
	const timer = setInterval(() => {
		const open = sandbox.store
			.list('orders', DEMO_COMPANY_ID)
			.find((o) => !o.invoiceDate && o.repairOrderStatusId !== 7);
		if (!open) return;
		const now = new Date().toISOString();
		sandbox.store.update('orders', open.repairOrderNumber, {
			repairOrderStatusId: 3,
			repairOrderStatus: 'Invoice',
			invoiceDate: now,
			invoiceNumber: `INV-${open.repairOrderNumber}`,
		});
		console.log(`  shop: repair order ${open.repairOrderNumber} invoiced at ${now}`);
	}, 45_000);
	return () => clearInterval(timer);
}

/** 5678 as n8n users expect, unless something else holds it. */
async function choosePort(wanted: number): Promise<number> {
	if (!wanted) return await freePort();
	const probe = await fetch(`http://127.0.0.1:${wanted}/`).then(
		() => true,
		() => false,
	);
	return probe ? await freePort() : wanted;
}

/** Starts n8n (or, in queue mode, its main and workers); returns the main and how to stop all. */
type Start = (port: number) => Promise<{ server: N8nServer; stop: () => Promise<void> }>;

async function serve(n8n: N8n, sandbox: Sandbox, start: Start): Promise<void> {
	await n8n.activate(INVOICED_SUMMARY);
	const started = Date.now();
	const { server, stop } = await start(await choosePort(Number(flags.port)));
	console.log(`• n8n ready (${seconds(started)})`);
	try {
		// The editor's own type lists must hold our nodes and credential.
		const nodes = (await server.get<Array<{ name: string }>>('/types/nodes.json')).map(
			(t) => t.name,
		);
		const credentials = (await server.get<Array<{ name: string }>>('/types/credentials.json')).map(
			(t) => t.name,
		);
		const ours = ['n8n-nodes-autoleap.autoLeap', 'n8n-nodes-autoleap.autoLeapTrigger'].filter((n) =>
			nodes.includes(n),
		);
		if (ours.length !== 2 || !credentials.includes('autoLeapApi'))
			throw new Error('the editor does not list the AutoLeap nodes and credential');
		console.log(`• the editor lists ${ours.join(', ')} and the autoLeapApi credential`);
	} catch (error) {
		await stop();
		throw error;
	}
	const stopShop = invoiceRepairOrders(sandbox);

	console.log(`\nn8n editor: ${server.base}   (log: ${server.logFile})`);
	console.log(`  sign in as ${OWNER.email} / ${OWNER.password}`);
	console.log(
		'  workflows: "AutoLeap: invoiced repair order → summary" (published, polls every minute),',
	);
	console.log(
		'             "AutoLeap: sync vehicles to sheet rows" and "AutoLeap: import customers from sheet rows" (run them from the editor)',
	);
	console.log(`  AutoLeap sandbox: ${sandbox.url} (partner ${DEMO_PARTNER.partnerId})`);
	console.log('  press Ctrl-C to stop n8n and the sandbox\n');

	await new Promise<void>((done) => {
		const onSignal = () => void stop().then(done);
		process.once('SIGINT', onSignal);
		process.once('SIGTERM', onSignal);
		void server.whenExited().then(async () => {
			console.error(`n8n stopped; see ${server.logFile}`);
			await stop();
			done();
		});
	});
	stopShop();
}

/** Queue mode: PostgreSQL and Redis (installed when missing), a main and two workers. */
async function serveQueue(tarball: string, sandbox: Sandbox, target: Runtime): Promise<void> {
	const cluster = await QueueCluster.create(tarball, { workers: 2, runtime: target });
	try {
		await cluster.n8n.importCredential({ ...DEMO_PARTNER, customUrl: sandbox.url });
		await cluster.n8n.importWorkflowDir(WORKFLOWS);
		await serve(cluster.n8n, sandbox, async (port) => {
			const server = await cluster.start({ port });
			console.log(
				`• queue mode: main (pid ${server.pid}) and ${cluster.workers.map((w) => `${w.name} (pid ${w.pid}, log ${w.logFile})`).join(', ')}; ${cluster.describeTimings()}`,
			);
			console.log(
				`  PostgreSQL on port ${cluster.postgres.port}, Redis on port ${cluster.redis.port}`,
			);
			return { server, stop: async () => await cluster.stop() };
		});
	} finally {
		await cluster.stop();
	}
}

async function main(): Promise<void> {
	const started = Date.now();
	const name = `n8n-${flags.n8n}`;
	if (!isRuntimeName(name)) throw new Error(`--n8n ${flags.n8n}: choose 2.41 or 1.123`);
	const target = runtime(name);
	await installRuntime(target);
	console.log(`• ${target.label}`);
	if (flags.queue && flags.once)
		throw new Error(
			'--once runs `n8n execute`, which never uses the queue: use one of --queue and --once',
		);
	// A folder of its own: packing empties its folder, and e2e suites install from e2e/.cache.
	const tarball = packPackage(join(PACK_DIR, 'demo'));
	const sandbox = await startSandbox({ port: 0 });
	console.log(`• AutoLeap sandbox on ${sandbox.url}`);
	if (flags.queue) {
		try {
			await serveQueue(tarball, sandbox, target);
			console.log('Stopped n8n and the AutoLeap sandbox.');
		} finally {
			await sandbox.close();
		}
		return;
	}
	const n8n = N8n.create(tarball, { folder: flags['user-folder'], runtime: target });
	try {
		await n8n.importCredential({ ...DEMO_PARTNER, customUrl: sandbox.url });
		await n8n.importWorkflowDir(WORKFLOWS);
		console.log(
			`• imported the AutoLeap credential and the workflows of e2e/workflows (${seconds(started)} so far)`,
		);
		if (flags.once) {
			const ok = await runOnce(n8n, sandbox);
			console.log(`\n${ok ? 'Done' : 'FAILED'} in ${seconds(started)}.`);
			if (!ok) process.exitCode = 1;
		} else {
			await serve(n8n, sandbox, async (port) => {
				const server = await n8n.start({ port });
				return { server, stop: async () => await server.stop() };
			});
			console.log('Stopped n8n and the AutoLeap sandbox.');
		}
	} finally {
		await sandbox.close();
	}
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
