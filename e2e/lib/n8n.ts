/**
 * One real n8n of a given runtime (runtimes.ts): its own user folder with this package installed as
 * a community package, the n8n CLI (import, execute, activate) and the server (`n8n start`) with an
 * owner and a public-API key. Everything n8n runs is asynchronous here, so a sandbox in this process
 * keeps answering.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

import { run, runtime, type Runtime } from './runtime';

export const OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'AutoLeap-demo-1',
};
/** The credential the committed workflows refer to. */
export const CREDENTIAL = { id: 'AutoLeapSandbox01', name: 'AutoLeap sandbox' };

export function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer().once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			server.close(() => done(port));
		});
	});
}

export async function waitFor(
	check: () => Promise<boolean>,
	what: string,
	timeoutMs: number,
	everyMs = 500,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check().catch(() => false)) return;
		await new Promise((done) => setTimeout(done, everyMs));
	}
	throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

export interface TaskData {
	executionStatus?: string;
	error?: { message?: string; description?: string };
	data?: { main?: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }> | null> };
}

export interface Execution {
	status?: string;
	data: {
		resultData: {
			runData: Record<string, TaskData[]>;
			error?: { message?: string };
			lastNodeExecuted?: string;
		};
	};
}

/** Items a node put out (first output, all its runs). */
export function itemsOf(execution: Execution, node: string): Array<Record<string, unknown>> {
	const tasks = execution.data.resultData.runData[node];
	if (!tasks) throw new Error(`Node "${node}" did not run`);
	return tasks.flatMap((task) => task.data?.main?.[0] ?? []).map((item) => item.json);
}

export interface CredentialData {
	partnerId: string;
	authKey: string;
	customUrl: string;
	readsPerMinute?: number;
	writesPerMinute?: number;
	timeoutSeconds?: number;
	/** AutoLeap's timing, scaled for a test (hidden fields of the credential). */
	rateWindowMs?: number;
	accessLifetimeMs?: number;
	refreshLifetimeMs?: number;
}

export class N8n {
	private constructor(
		readonly userFolder: string,
		private readonly owned: boolean,
		readonly runtime: Runtime,
		/** Settings for every n8n process of this folder (e.g. queue mode's database and Redis). */
		private readonly baseEnv: NodeJS.ProcessEnv = {},
	) {}

	/**
	 * A fresh user folder (a temporary one unless `folder` is given) with the packed package
	 * installed into `.n8n/nodes`, as n8n installs community packages; n8n from `runtime` (the newest
	 * unless given) runs it.
	 */
	static create(
		tarball: string,
		{
			folder,
			runtime: target = runtime(),
			env = {},
		}: { folder?: string; runtime?: Runtime; env?: NodeJS.ProcessEnv } = {},
	): N8n {
		const userFolder = folder ?? mkdtempSync(join(tmpdir(), 'autoleap-n8n-'));
		rmSync(join(userFolder, '.n8n'), { recursive: true, force: true });
		const nodesDir = join(userFolder, '.n8n', 'nodes');
		mkdirSync(nodesDir, { recursive: true });
		// Without its own package.json, npm would walk up and install into this repository.
		writeFileSync(
			join(nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true }),
		);
		// --legacy-peer-deps: not even resolve the n8n-workflow peer (n8n provides it); 1 s instead of 13 s.
		const args = [
			'install',
			tarball,
			'--omit=peer',
			'--legacy-peer-deps',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		];
		run('install the package into an n8n user folder', 'npm', args, { cwd: nodesDir });
		return new N8n(userFolder, folder === undefined, target, env);
	}

	/** A user folder where the package was installed some other way (e.g. as the README says); not deleted. */
	static adopt(userFolder: string, target: Runtime = runtime()): N8n {
		return new N8n(userFolder, false, target);
	}

	async env(extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
		// Jest sets NODE_ENV=test, under which n8n logs and prints nothing.
		const inherited = { ...process.env };
		delete inherited.NODE_ENV;
		return {
			...inherited,
			PATH: `${this.runtime.bin}${delimiter}${process.env.PATH ?? ''}`, // anything n8n spawns runs on its Node too
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'autoleap-demo-not-a-secret', // fixed: imported credentials are encrypted with it
			N8N_RUNNERS_BROKER_PORT: String(await freePort()), // the default 5679 may be taken
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'info', // `n8n execute` prints its JSON only at info
			...this.runtime.env,
			...this.baseEnv,
			...extra,
		};
	}

	/** Runs one n8n CLI command on the runtime's Node. */
	async cli(
		args: string[],
		allowFailure = false,
	): Promise<{ code: number | null; stdout: string; stderr: string }> {
		const child = spawn(this.runtime.node, [this.runtime.n8nBin, ...args], {
			cwd: this.userFolder,
			env: await this.env(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const code = await new Promise<number | null>((done) => child.on('close', done));
		if (code !== 0 && !allowFailure) {
			throw new Error(
				`n8n ${args.join(' ')} failed (exit ${code})\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`,
			);
		}
		return { code, stdout, stderr };
	}

	/** Imports an AutoLeap credential (n8n encrypts `data` with the fixed key). */
	async importCredential(data: CredentialData, credential = CREDENTIAL): Promise<void> {
		const file = join(this.userFolder, 'credential-import.json');
		const full = { environment: 'custom', readsPerMinute: 150, writesPerMinute: 50, ...data };
		writeFileSync(file, JSON.stringify([{ ...credential, type: 'autoLeapApi', data: full }]));
		try {
			await this.cli(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(file, { force: true });
		}
	}

	/** Imports workflow objects (each with its own `id`). */
	async importWorkflows(workflows: object[]): Promise<void> {
		const dir = mkdtempSync(join(this.userFolder, 'workflows-'));
		workflows.forEach((workflow, i) =>
			writeFileSync(join(dir, `${i}.json`), JSON.stringify(workflow)),
		);
		try {
			await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	async importWorkflowDir(dir: string): Promise<void> {
		await this.cli(['import:workflow', '--separate', `--input=${resolve(dir)}`]);
	}

	/**
	 * `n8n execute --id`: the run (a failed one too) is pretty-printed JSON from a line that is
	 * exactly "{" to one that is exactly "}"; log lines come before it, and after it on failure.
	 */
	async execute(workflowId: string): Promise<Execution> {
		const { stdout, stderr } = await this.cli(
			['execute', `--id=${workflowId}`, '--rawOutput'],
			true,
		);
		const lines = stdout.split('\n');
		const start = lines.indexOf('{');
		try {
			return JSON.parse(lines.slice(start, lines.indexOf('}', start) + 1).join('\n')) as Execution;
		} catch {
			throw new Error(
				`n8n execute --id=${workflowId} printed no run:\n${stdout.slice(-4000)}\n${stderr.slice(-2000)}`,
			);
		}
	}

	/** Makes an imported workflow run in `n8n start`: published in 2.x, set active in 1.x. */
	async activate(workflowId: string): Promise<void> {
		await this.cli(this.runtime.activate(workflowId));
	}

	/** `n8n start` on a free port; resolves once the server is ready, owned and has an API key. */
	async start(
		options: { port?: number; ownerExists?: boolean; env?: NodeJS.ProcessEnv } = {},
	): Promise<N8nServer> {
		const port = options.port ?? (await freePort());
		const base = `http://127.0.0.1:${port}`;
		const logFile = join(this.userFolder, 'n8n.log');
		const log = openSync(logFile, 'a');
		const env = await this.env({
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PORT: String(port),
			N8N_EDITOR_BASE_URL: base,
			...options.env,
		});
		const child = spawn(this.runtime.node, [this.runtime.n8nBin, 'start'], {
			cwd: this.userFolder,
			env,
			stdio: ['ignore', log, log],
		});
		// Never leave an n8n behind, even when the script or test that started it crashes.
		const orphanGuard = () => child.kill('SIGKILL');
		process.once('exit', orphanGuard);
		child.once('exit', () => process.removeListener('exit', orphanGuard));
		const server = new N8nServer(base, logFile, child);
		try {
			await waitFor(
				async () => {
					if (server.exited) throw new Error(`n8n exited; see ${logFile}`);
					// 1.x reports ready before it has mounted its REST API (2.x only once fully up); /rest/settings comes last.
					return (
						(await fetch(`${base}/healthz/readiness`)).ok &&
						(await fetch(`${base}/rest/settings`)).ok
					);
				},
				'n8n to become ready',
				180_000,
			);
			await server.signIn();
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}

	/** Removes a temporary user folder. */
	dispose(): void {
		if (this.owned) rmSync(this.userFolder, { recursive: true, force: true });
	}
}

export class N8nServer {
	exited = false;
	private cookie = '';
	/** The owner's API key, created once: concurrent first calls share it (two labels would clash). */
	private apiKey: Promise<string> | undefined;

	/** Without `child`: a server started elsewhere (e.g. by `npm run demo`), to sign in to and read. */
	constructor(
		readonly base: string,
		readonly logFile: string,
		private readonly child?: ReturnType<typeof spawn>,
	) {
		child?.once('exit', () => (this.exited = true));
	}

	/** The server's process id (undefined for a server started elsewhere). */
	get pid(): number | undefined {
		return this.child?.pid;
	}

	/** Sets up the owner on first start (no auth needed while none exists), else logs in. */
	async signIn(): Promise<void> {
		let response = await fetch(`${this.base}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (!response.ok) {
			response = await fetch(`${this.base}/rest/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
			});
		}
		if (!response.ok)
			throw new Error(`n8n sign-in: HTTP ${response.status} ${await response.text()}`);
		this.cookie = response.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.join('; ');
	}

	/** Any path of the server (e.g. the editor's /types/nodes.json), as the signed-in owner. */
	async get<T>(path: string, init: RequestInit = {}): Promise<T> {
		const response = await fetch(`${this.base}${path}`, {
			...init,
			headers: { 'content-type': 'application/json', cookie: this.cookie, ...(init.headers ?? {}) },
		});
		if (!response.ok)
			throw new Error(
				`n8n ${init.method ?? 'GET'} ${path}: HTTP ${response.status} ${await response.text()}`,
			);
		return (await response.json()) as T;
	}

	/** The editor's own REST API, as the signed-in owner. */
	async rest<T>(path: string, init: RequestInit = {}): Promise<T> {
		return (await this.get<{ data: T }>(`/rest${path}`, init)).data;
	}

	/** n8n's public API (/api/v1) with an API key created for the owner on first use. */
	async api<T>(path: string): Promise<T> {
		this.apiKey ??= (async () => {
			const scopes = await this.rest<string[]>('/api-keys/scopes');
			const key = await this.rest<{ rawApiKey: string }>('/api-keys', {
				method: 'POST',
				body: JSON.stringify({ label: `autoleap-e2e-${Date.now()}`, scopes, expiresAt: null }),
			});
			return key.rawApiKey;
		})();
		const apiKey = await this.apiKey.catch((error: unknown) => {
			this.apiKey = undefined; // let the next call try again
			throw error;
		});
		const response = await fetch(`${this.base}/api/v1${path}`, {
			headers: { 'X-N8N-API-KEY': apiKey },
		});
		if (!response.ok)
			throw new Error(`n8n GET /api/v1${path}: HTTP ${response.status} ${await response.text()}`);
		return (await response.json()) as T;
	}

	/** Every finished execution of a workflow, oldest first, with its data. */
	async executions(
		workflowId: string,
	): Promise<Array<Execution & { id: string; mode: string; finished: boolean }>> {
		const all: Array<Execution & { id: string; mode: string; finished: boolean }> = [];
		let cursor = '';
		do {
			const page = await this.api<{ data: typeof all; nextCursor?: string | null }>(
				`/executions?workflowId=${workflowId}&includeData=true&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
			);
			all.push(...page.data);
			cursor = page.nextCursor ?? '';
		} while (cursor);
		return all.sort((a, b) => Number(a.id) - Number(b.id));
	}

	/** Stops n8n (SIGTERM; it exits in a few seconds). */
	async stop(): Promise<void> {
		const child = this.child;
		if (this.exited || !child) return;
		const exited = new Promise((done) => child.once('exit', done));
		child.kill('SIGTERM');
		await exited;
	}

	/** Resolves when n8n exits by itself. */
	whenExited(): Promise<void> {
		const child = this.child;
		if (!child) throw new Error('this n8n was not started here');
		return this.exited
			? Promise.resolve()
			: new Promise((done) => child.once('exit', () => done()));
	}
}
