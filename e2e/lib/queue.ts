/**
 * n8n in queue mode: one main (`n8n start`: editor, triggers, pollers, webhooks) and N workers
 * (`n8n worker`) sharing a throwaway PostgreSQL and Redis. Every process has a user folder of its
 * own with the packed package installed as a community package: a worker reads its event log at
 * start and marks the executions it finds unfinished there as crashed, so two workers sharing one
 * folder would mark each other's running executions as crashed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { freePort, N8n, waitFor, type N8nServer } from './n8n';
import { runtime, seconds, type Runtime } from './runtime';
import { ensureServices, queueEnv, startPostgres, startRedis, type Service } from './services';

/** Server processes log JSON lines (time, message, metadata), which the suite reads. */
const SERVER_LOG = { N8N_LOG_FORMAT: 'json' };

export interface LogLine {
	level: string;
	message: string;
	metadata: Record<string, unknown> & { timestamp?: string };
}

/** The JSON log lines of a main or worker log file (other lines skipped). */
export function readLog(file: string): LogLine[] {
	if (!existsSync(file)) return [];
	return readFileSync(file, 'utf8')
		.split('\n')
		.filter((line) => line.startsWith('{"'))
		.flatMap((line) => {
			try {
				return [JSON.parse(line) as LogLine];
			} catch {
				return [];
			}
		});
}

/** Execution ids a worker log says it started ("Worker started execution 12 (job 3)"). */
export function executionsStarted(file: string): string[] {
	return readLog(file).flatMap(
		(l) => /^Worker started execution (\d+) /.exec(l.message)?.[1] ?? [],
	);
}

export class QueueWorker {
	private child?: ChildProcess;
	/** Every process id this worker has had (it may be restarted). */
	readonly pids: number[] = [];
	readonly logFile: string;
	private exitedAt = 0;

	constructor(
		readonly name: string,
		readonly n8n: N8n,
		private readonly concurrency: number,
	) {
		this.logFile = join(n8n.userFolder, 'n8n-worker.log');
	}

	get pid(): number | undefined {
		return this.child?.exitCode === null && this.child.signalCode === null
			? this.child.pid
			: undefined;
	}

	/** `n8n worker`; resolves once its health endpoint says it is ready for jobs. */
	async start(): Promise<void> {
		const healthPort = await freePort();
		const env = await this.n8n.env({
			...SERVER_LOG,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		});
		const log = openSync(this.logFile, 'a');
		const child = spawn(
			this.n8n.runtime.node,
			[this.n8n.runtime.n8nBin, 'worker', `--concurrency=${this.concurrency}`],
			{ cwd: this.n8n.userFolder, env, stdio: ['ignore', log, log] },
		);
		this.child = child;
		if (child.pid) this.pids.push(child.pid);
		const guard = () => child.kill('SIGKILL');
		process.once('exit', guard);
		child.once('exit', () => {
			this.exitedAt = Date.now();
			process.removeListener('exit', guard);
		});
		const gone = () => child.exitCode !== null || child.signalCode !== null;
		// waitFor treats a throwing check as "not yet": report an early exit after it instead.
		await waitFor(
			async () => gone() || (await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`)).ok,
			`${this.name} to become ready`,
			180_000,
		);
		if (gone())
			throw new Error(
				`${this.name} exited (${child.exitCode ?? child.signalCode}); see ${this.logFile}`,
			);
	}

	/** SIGTERM: n8n lets running jobs finish (up to N8N_GRACEFUL_SHUTDOWN_TIMEOUT, 30 s). */
	async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
		const child = this.child;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((done) => child.once('exit', done));
		child.kill(signal);
		await exited;
	}

	/** When the process last exited (0 = still running or never started). */
	get exitTime(): number {
		return this.exitedAt;
	}

	executionsStarted(): string[] {
		return executionsStarted(this.logFile);
	}
}

export interface QueueOptions {
	workers?: number;
	/** Jobs each worker runs at once (`n8n worker --concurrency`, n8n's default 10). */
	concurrency?: number;
	/** Extra settings for every process (main, workers, CLI). */
	env?: NodeJS.ProcessEnv;
	/** The n8n line (the newest unless given; queue mode runs on 2.41 in the suite). */
	runtime?: Runtime;
}

export interface Timings {
	installMs: number;
	servicesMs: number;
	foldersMs: number;
	mainMs: number;
	workersMs: number;
}

/** PostgreSQL, Redis, and user folders for a main and N workers; `start()` starts the n8n processes. */
export class QueueCluster {
	main?: N8nServer;
	/** Every process id the main has had (it may be restarted). */
	private readonly mainPids: number[] = [];
	readonly timings: Timings = {
		installMs: 0,
		servicesMs: 0,
		foldersMs: 0,
		mainMs: 0,
		workersMs: 0,
	};

	private constructor(
		readonly postgres: Service,
		readonly redis: Service,
		/** The main's user folder; its CLI imports and publishes into the shared database. */
		readonly n8n: N8n,
		readonly workers: QueueWorker[],
	) {}

	static async create(tarball: string, options: QueueOptions = {}): Promise<QueueCluster> {
		let started = Date.now();
		ensureServices();
		const installMs = Date.now() - started;
		started = Date.now();
		const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
		const servicesMs = Date.now() - started;
		started = Date.now();
		try {
			const env = { ...queueEnv(postgres, redis), ...options.env };
			const target = options.runtime ?? runtime();
			const main = N8n.create(tarball, { runtime: target, env });
			const workers = Array.from(
				{ length: options.workers ?? 2 },
				(_, i) =>
					new QueueWorker(
						`worker ${i + 1}`,
						N8n.create(tarball, { runtime: target, env }),
						options.concurrency ?? 10,
					),
			);
			const cluster = new QueueCluster(postgres, redis, main, workers);
			Object.assign(cluster.timings, { installMs, servicesMs, foldersMs: Date.now() - started });
			return cluster;
		} catch (error) {
			await Promise.all([postgres.stop(), redis.stop()]);
			throw error;
		}
	}

	/** Imports workflows in one CLI run (unpublished; `n8n import:workflow` runs before any owner exists). */
	async importWorkflows(workflows: object[]): Promise<void> {
		await this.n8n.importWorkflows(workflows);
	}

	/** Publishes workflows through the running main's API (one request each, not a CLI run each). */
	async publish(workflowIds: string[]): Promise<void> {
		const main = this.main;
		if (!main) throw new Error('start the main first');
		for (const id of workflowIds) {
			const { versionId } = await main.rest<{ versionId: string }>(`/workflows/${id}`);
			await main.rest(`/workflows/${id}/activate`, {
				method: 'POST',
				body: JSON.stringify({ versionId }),
			});
		}
	}

	/** Starts the main (which creates the schema on first start), then the workers together. */
	async start(options: { port?: number } = {}): Promise<N8nServer> {
		let started = Date.now();
		this.main = await this.startMain(options.port);
		this.timings.mainMs = Date.now() - started;
		started = Date.now();
		await Promise.all(this.workers.map((w) => w.start()));
		this.timings.workersMs = Date.now() - started;
		return this.main;
	}

	async startMain(port?: number): Promise<N8nServer> {
		this.main = await this.n8n.start({ port, env: SERVER_LOG });
		if (this.main.pid) this.mainPids.push(this.main.pid);
		return this.main;
	}

	/** Stops the main (SIGTERM) and starts it again on a new port; the workers keep running. */
	async restartMain(): Promise<N8nServer> {
		await this.main?.stop();
		return await this.startMain();
	}

	get mainLog(): string {
		return join(this.n8n.userFolder, 'n8n.log');
	}

	/**
	 * Where an execution ran: the worker whose log started it; "queued, no worker" when the main
	 * enqueued it and no worker took it; "not queued" when it never went through the queue (the main's
	 * manual runs, `n8n execute`).
	 */
	ranOn(executionId: string): string {
		const worker = this.workers.find((w) => w.executionsStarted().includes(executionId));
		if (worker) return worker.name;
		const enqueued = readLog(this.mainLog).some((l) =>
			l.message.startsWith(`Enqueued execution ${executionId} `),
		);
		return enqueued ? 'queued, no worker' : 'not queued';
	}

	/** Executions of a workflow the workers started, in the order their logs show (with the worker). */
	workerRuns(workflowId: string): Array<{ id: string; worker: QueueWorker }> {
		return this.workers
			.flatMap((worker) =>
				readLog(worker.logFile)
					.filter(
						(l) =>
							l.metadata.workflowId === workflowId &&
							l.message.startsWith('Worker started execution '),
					)
					.map((l) => ({
						id: String(l.metadata.executionId),
						at: String(l.metadata.timestamp),
						worker,
					})),
			)
			.sort((a, b) => a.at.localeCompare(b.at))
			.map(({ id, worker }) => ({ id, worker }));
	}

	/** Which process (main or a worker, across restarts) a process id belongs to. */
	processNames(): Map<number, string> {
		const names = new Map<number, string>();
		for (const pid of this.mainPids) names.set(pid, 'main');
		for (const w of this.workers) for (const pid of w.pids) names.set(pid, w.name);
		return names;
	}

	describeTimings(): string {
		const t = this.timings;
		const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
		return `install ${s(t.installMs)}, PostgreSQL + Redis ${s(t.servicesMs)}, user folders ${s(t.foldersMs)}, main ${s(t.mainMs)}, workers ${s(t.workersMs)}`;
	}

	private stopping?: Promise<void>;

	/** Stops every process and service, also after a failed start (once, however often called). */
	async stop(): Promise<void> {
		this.stopping ??= this.stopAll();
		await this.stopping;
	}

	private async stopAll(): Promise<void> {
		const started = Date.now();
		await Promise.allSettled([...this.workers.map((w) => w.stop()), this.main?.stop()]);
		await Promise.allSettled([this.postgres.stop(), this.redis.stop()]);
		this.n8n.dispose();
		for (const w of this.workers) w.n8n.dispose();
		console.log(`• queue mode stopped (${seconds(started)})`);
	}
}
