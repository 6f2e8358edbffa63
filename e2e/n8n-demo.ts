/**
 * The main job in a REAL n8n: installs n8n 2.41.1 (with the Node 24 it needs) into e2e/runtime on
 * first use, loads this package into a fresh n8n user folder as a community package, points an
 * AutoLeap credential at the embedded sandbox and runs e2e/workflows/autoleap-demo.json with
 * `n8n execute`, then prints what each node did and what AutoLeap received.
 *
 *   npm run demo                   run the workflow once and exit (non-zero if it failed)
 *   npm run demo -- --serve        then start the n8n editor with the trigger workflow published
 */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { startSandbox, type Sandbox } from '../sandbox';
import { DEMO_PARTNER } from '../sandbox/seed';

const ROOT = resolve(__dirname, '..');
const RUNTIME = join(ROOT, 'e2e', 'runtime');
const RUNTIME_BIN = join(RUNTIME, 'node_modules', '.bin');
const NODE24 = join(RUNTIME_BIN, 'node');
const N8N = join(RUNTIME, 'node_modules', 'n8n', 'bin', 'n8n');
const READY_MARKER = join(RUNTIME, 'node_modules', '.autoleap-demo-ready');
const WORKFLOWS = join(ROOT, 'e2e', 'workflows');
const USER_FOLDER = join(ROOT, 'e2e', '.n8n-demo'); // n8n keeps its files in USER_FOLDER/.n8n
const DEMO_WORKFLOW_ID = 'AutoLeapDemoRun1';
const TRIGGER_WORKFLOW_ID = 'AutoLeapTrigger01';
const CREDENTIAL = { id: 'AutoLeapSandbox01', name: 'AutoLeap sandbox' }; // as referenced by the workflows
const OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'Owner', password: 'AutoLeap-demo-1' };

const { values: flags } = parseArgs({ options: { serve: { type: 'boolean', default: false } } });

/** Runs a command to completion; output is shown only if it fails. */
function run(title: string, command: string, args: string[], options: SpawnOptions = {}): string {
	const started = Date.now();
	process.stdout.write(`• ${title} … `);
	const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
	if (result.status !== 0) {
		console.log('failed');
		console.error(`${command} ${args.join(' ')}\n${String(result.stdout ?? '').slice(-4000)}\n${String(result.stderr ?? '').slice(-4000)}`);
		throw new Error(`${title} failed (exit ${result.status ?? result.signal})`);
	}
	console.log(`done (${seconds(started)})`);
	return String(result.stdout ?? '');
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** n8n and the Node 24 it needs, from e2e/runtime's own lock file; skipped once installed. */
function ensureRuntime(): void {
	const lockHash = createHash('sha256').update(readFileSync(join(RUNTIME, 'package-lock.json'))).digest('hex');
	if (existsSync(READY_MARKER) && readFileSync(READY_MARKER, 'utf8') === lockHash) return;
	console.log('First run: installing n8n 2.41.1 and Node 24 into e2e/runtime (a few minutes, ~3 GB).');
	// e2e/runtime/.npmrc turns install scripts off (some in n8n's tree download from the internet
	// and fail, and npm then rolls back everything); sqlite3 is then compiled on its own.
	run('npm ci in e2e/runtime', 'npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: RUNTIME });
	// Its install script runs under the runtime's Node 24 (npm puts node_modules/.bin first on PATH).
	run('compile sqlite3 for Node 24', 'npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], { cwd: RUNTIME });
	writeFileSync(READY_MARKER, lockHash);
}

function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer().once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			server.close(() => done(port));
		});
	});
}

async function n8nEnv(): Promise<NodeJS.ProcessEnv> {
	return {
		...process.env,
		PATH: `${RUNTIME_BIN}${delimiter}${process.env.PATH ?? ''}`, // anything n8n spawns runs on Node 24 too
		N8N_USER_FOLDER: USER_FOLDER,
		N8N_ENCRYPTION_KEY: 'autoleap-demo-not-a-secret', // fixed: imported credentials are encrypted with it
		N8N_RUNNERS_BROKER_PORT: String(await freePort()), // the default 5679 may be taken
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: 'info',
	};
}

/**
 * Runs one n8n CLI command under Node 24. Asynchronous on purpose: the sandbox lives in this
 * process and must keep answering while n8n runs.
 */
async function n8n(title: string, args: string[], allowFailure = false): Promise<string> {
	const started = Date.now();
	process.stdout.write(`• n8n ${title} … `);
	const child = spawn(NODE24, [N8N, ...args], { cwd: USER_FOLDER, env: await n8nEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk) => (stdout += chunk));
	child.stderr.on('data', (chunk) => (stderr += chunk));
	const code = await new Promise<number | null>((done) => child.on('close', done));
	if (code === 0 || allowFailure) {
		console.log(`${code === 0 ? 'done' : `failed (exit ${code})`} (${seconds(started)})`);
		return stdout;
	}
	console.log('failed');
	console.error(`${stdout.slice(-6000)}\n${stderr.slice(-4000)}`);
	throw new Error(`n8n ${args.join(' ')} failed (exit ${code})`);
}

/** A fresh user folder with this package installed the way n8n installs community packages. */
function prepareUserFolder(): void {
	run('build the package', 'npm', ['run', 'build', '--silent']);
	const packDir = mkdtempSync(join(tmpdir(), 'autoleap-pack-'));
	const packed = JSON.parse(run('pack it', 'npm', ['pack', '--json', '--pack-destination', packDir])) as Array<{ filename: string }>;
	rmSync(USER_FOLDER, { recursive: true, force: true });
	const nodesDir = join(USER_FOLDER, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	// Without its own package.json, npm would walk up and install into this repository.
	writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	// --legacy-peer-deps: not even resolve the n8n-workflow peer (n8n provides it); 1 s instead of 13 s.
	const args = ['install', join(packDir, packed[0].filename), '--omit=peer', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
	run('install it into the n8n user folder', 'npm', args, { cwd: nodesDir });
	rmSync(packDir, { recursive: true, force: true });
}

async function importFixtures(sandbox: Sandbox): Promise<void> {
	const credentialsFile = join(USER_FOLDER, 'credentials.json');
	const data = { ...DEMO_PARTNER, environment: 'custom', customUrl: sandbox.url, readsPerMinute: 150, writesPerMinute: 50 };
	writeFileSync(credentialsFile, JSON.stringify([{ ...CREDENTIAL, type: 'autoLeapApi', data }]));
	await n8n('import:credentials', ['import:credentials', `--input=${credentialsFile}`]);
	rmSync(credentialsFile);
	await n8n('import:workflow', ['import:workflow', '--separate', `--input=${WORKFLOWS}`]);
}

interface TaskData {
	executionStatus?: string;
	error?: { message?: string; description?: string };
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
}

async function executeDemo(sandbox: Sandbox): Promise<boolean> {
	const before = sandbox.requestLog.length;
	const stdout = await n8n(`execute --id ${DEMO_WORKFLOW_ID}`, ['execute', `--id=${DEMO_WORKFLOW_ID}`, '--rawOutput'], true);
	// The run (a failed one too) is the pretty-printed JSON from a line that is exactly "{" to one
	// that is exactly "}"; log lines come before it, and after it when the run failed.
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	let result: { status?: string; data: { resultData: { runData: Record<string, TaskData[]>; error?: { message?: string } } } };
	try {
		result = JSON.parse(lines.slice(start, lines.indexOf('}', start) + 1).join('\n'));
	} catch {
		console.error(stdout.slice(-4000));
		printRequests(sandbox, before);
		return false;
	}
	const failure = result.data.resultData.error;
	console.log(`\nWorkflow "${DEMO_WORKFLOW_ID}" in n8n: ${result.status ?? 'finished'}${failure ? ` — ${failure.message}` : ''}`);
	for (const [name, tasks] of Object.entries(result.data.resultData.runData)) {
		const items = tasks.flatMap((task) => task.data?.main?.[0] ?? []);
		const error = tasks.find((task) => task.error)?.error;
		console.log(`  ${name}: ${items.length} item(s) out${error ? ` — ERROR ${error.message}` : ''}`);
		if (items[0]) console.log(`    first: ${JSON.stringify(items[0].json).slice(0, 150)}`);
	}
	printRequests(sandbox, before);
	return !failure && result.status === 'success';
}

function printRequests(sandbox: Sandbox, from: number): void {
	const requests = sandbox.requestLog.slice(from);
	const counts = new Map<string, number>();
	for (const r of requests) {
		const key = `${r.method} ${r.path} → ${r.status}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	const logins = requests.filter((r) => r.path === '/partners/login').length;
	console.log(`\nAutoLeap sandbox received ${requests.length} request(s), ${logins} login(s):`);
	for (const [key, count] of counts) console.log(`  ${key}${count > 1 ? `  ×${count}` : ''}`);
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check().catch(() => false)) return;
		await new Promise((done) => setTimeout(done, 500));
	}
	throw new Error(`Timed out waiting for ${what}`);
}

/**
 * `--serve`: the editor on the same user folder, an owner account, and the trigger workflow
 * published; returns once n8n has stopped (Ctrl-C).
 */
async function serve(sandbox: Sandbox): Promise<void> {
	await n8n(`publish:workflow --id ${TRIGGER_WORKFLOW_ID}`, ['publish:workflow', `--id=${TRIGGER_WORKFLOW_ID}`]);
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const logFile = join(USER_FOLDER, 'n8n.log');
	const log = openSync(logFile, 'w');
	const env = { ...(await n8nEnv()), N8N_LISTEN_ADDRESS: '127.0.0.1', N8N_PORT: String(port), N8N_EDITOR_BASE_URL: base };
	const started = Date.now();
	const before = sandbox.requestLog.length;
	const server = spawn(NODE24, [N8N, 'start'], { cwd: USER_FOLDER, env, stdio: ['ignore', log, log] });
	let exited = false;
	server.on('exit', () => (exited = true));
	const stop = async () => {
		if (exited) return;
		server.kill('SIGTERM');
		await new Promise((done) => server.once('exit', done));
	};
	try {
		await waitFor(async () => {
			if (exited) throw new Error(`n8n exited; see ${logFile}`);
			return (await fetch(`${base}/healthz/readiness`)).ok;
		}, 'n8n to become ready', 120_000);
		console.log(`• n8n server ready (${seconds(started)})`);

		const setup = await fetch(`${base}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (!setup.ok) throw new Error(`owner setup: HTTP ${setup.status} ${await setup.text()}`);
		const cookie = setup.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
		// The editor's own node and credential lists: our types must be in them.
		const typeNames = async (file: string) => {
			const response = await fetch(`${base}/types/${file}`, { headers: { cookie } });
			if (!response.ok) throw new Error(`GET /types/${file}: HTTP ${response.status}`);
			return ((await response.json()) as Array<{ name: string }>).map((t) => t.name);
		};
		const nodes = await typeNames('nodes.json');
		const credentials = await typeNames('credentials.json');
		const expected = ['n8n-nodes-autoleap.autoLeap', 'n8n-nodes-autoleap.autoLeapTrigger'].filter((n) => nodes.includes(n));
		const hasCredential = credentials.includes('autoLeapApi');
		console.log(`• editor lists ${expected.join(', ') || 'NO AutoLeap node'}; credential autoLeapApi: ${hasCredential ? 'yes' : 'NO'}`);
		if (expected.length !== 2 || !hasCredential) throw new Error('the editor does not list the AutoLeap nodes and credential');

		// A published polling workflow polls once at activation: wait for that first poll.
		await waitFor(async () => sandbox.requestLog.slice(before).some((r) => r.path === '/vehicles'), 'the trigger’s first poll', 60_000).catch(
			() => console.log('  (no trigger poll seen yet)'),
		);
		printRequests(sandbox, before);

		console.log(`\nn8n editor: ${base}   (log: ${logFile})`);
		console.log(`  sign in as ${OWNER.email} / ${OWNER.password}`);
		console.log(`  workflows: "${DEMO_WORKFLOW_ID}" (run it from the editor) and "${TRIGGER_WORKFLOW_ID}" (published, polls every minute)`);
		console.log(`  AutoLeap sandbox: ${sandbox.url}   — press Ctrl-C to stop both`);
	} catch (error) {
		await stop();
		throw error;
	}
	await new Promise<void>((done) => {
		const onSignal = () => void stop().then(done);
		process.once('SIGINT', onSignal);
		process.once('SIGTERM', onSignal);
		server.once('exit', (code) => {
			if (code !== 0 && code !== null) console.error(`n8n exited (code ${code}); see ${logFile}`);
			done();
		});
	});
}

async function main(): Promise<void> {
	const started = Date.now();
	ensureRuntime();
	prepareUserFolder();
	const sandbox = await startSandbox({ port: 0 });
	console.log(`• AutoLeap sandbox on ${sandbox.url}`);
	try {
		await importFixtures(sandbox);
		const ok = await executeDemo(sandbox);
		console.log(`\n${ok ? 'Done' : 'FAILED'} in ${seconds(started)}.`);
		if (!ok) process.exitCode = 1;
		else if (flags.serve) {
			await serve(sandbox);
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
