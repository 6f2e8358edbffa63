/**
 * Throwaway PostgreSQL and Redis for n8n's queue mode, from Debian's packages (installed when
 * missing, as chromium.ts does). Each lives in a temporary folder on a free port and is stopped and
 * removed when the suite ends, also when it crashes.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

import { freePort, waitFor } from './n8n';
import { run } from './runtime';

const REDIS_SERVER = '/usr/bin/redis-server';
const PG_CONFIG = '/usr/bin/pg_config';

/** Installs what is missing of `postgresql` (15) and `redis-server`; needs root, as CI has. */
export function ensureServices(): void {
	const missing = [
		...(existsSync(PG_CONFIG) && existsSync(join(pgBin(), 'initdb')) ? [] : ['postgresql']),
		...(existsSync(REDIS_SERVER) ? [] : ['redis-server']),
	];
	if (missing.length === 0) return;
	const apt = ['install', '-y', '--no-install-recommends', ...missing];
	try {
		run(`apt-get install ${missing.join(' ')}`, 'apt-get', apt);
	} catch {
		// A fresh machine may not have read the package lists yet.
		run('apt-get update', 'apt-get', ['update']);
		run(`apt-get install ${missing.join(' ')}`, 'apt-get', apt);
	}
}

function pgBin(): string {
	if (!existsSync(PG_CONFIG)) return '/nonexistent';
	return execFileSync(PG_CONFIG, ['--bindir'], { encoding: 'utf8' }).trim();
}

export interface Service {
	readonly port: number;
	readonly pid: number;
	/** Stops it (gracefully, then by force) and removes its folder. */
	stop(): Promise<void>;
	/** Stops it for a while (a fault), keeping its data; `start` brings it back on the same port. */
	pause(): Promise<void>;
	start(): Promise<void>;
}

/** PostgreSQL refuses to run as root: run it as the `postgres` user the package creates. */
function unprivileged(): { uid: number; gid: number } | undefined {
	if (userInfo().uid !== 0) return undefined;
	const id = (flag: string) =>
		Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	return { uid: id('-u'), gid: id('-g') };
}

function exited(child: ChildProcess): Promise<void> {
	return child.exitCode !== null || child.signalCode !== null
		? Promise.resolve()
		: new Promise((done) => child.once('exit', () => done()));
}

/**
 * One service process, restartable on its port. `spawnIt` starts it; `ready` says it answers.
 * The exit guard kills it and removes its folder synchronously if this process ends first.
 */
async function supervise(
	name: string,
	dir: string,
	port: number,
	spawnIt: () => ChildProcess,
	ready: () => Promise<boolean>,
	stopSignal: NodeJS.Signals,
): Promise<Service> {
	let child: ChildProcess | undefined;
	let output = '';
	const guard = () => {
		child?.kill('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	};
	process.once('exit', guard);
	const start = async () => {
		output = '';
		const c = spawnIt();
		child = c;
		c.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
		c.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
		const gone = () => c.exitCode !== null || c.signalCode !== null;
		// waitFor treats a throwing check as "not yet": report an early exit after it instead.
		await waitFor(async () => gone() || (await ready()), `${name} on port ${port}`, 60_000, 100);
		if (gone()) throw new Error(`${name} exited (${c.exitCode ?? c.signalCode}):\n${output}`);
	};
	const pause = async () => {
		if (!child) return;
		const c = child;
		c.kill(stopSignal);
		await exited(c);
		child = undefined;
	};
	await start().catch((error) => {
		guard();
		process.removeListener('exit', guard);
		throw error;
	});
	return {
		port,
		get pid() {
			return child?.pid ?? 0;
		},
		pause,
		start,
		stop: async () => {
			await pause();
			rmSync(dir, { recursive: true, force: true });
			process.removeListener('exit', guard);
		},
	};
}

/** A cluster made with initdb in a temporary folder, fsync off (it is thrown away), database `n8n`. */
export async function startPostgres(): Promise<Service> {
	const bin = pgBin();
	const dir = mkdtempSync(join(tmpdir(), 'autoleap-pg-'));
	const user = unprivileged();
	if (user) chownSync(dir, user.uid, user.gid);
	const data = join(dir, 'data');
	const as = { ...(user ?? {}), cwd: dir, encoding: 'utf8' as const };
	const initdb = spawnSync(
		join(bin, 'initdb'),
		['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
		as,
	);
	if (initdb.status !== 0) {
		rmSync(dir, { recursive: true, force: true });
		throw new Error(
			`initdb failed (${initdb.status ?? initdb.signal}):\n${initdb.stdout}\n${initdb.stderr}`,
		);
	}
	const port = await freePort();
	const settings = [
		'fsync=off',
		'synchronous_commit=off',
		'full_page_writes=off',
		`unix_socket_directories=${dir}`,
		'listen_addresses=127.0.0.1',
		`port=${port}`,
		'max_connections=100',
	];
	const isReady = () =>
		spawnSync(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q'], {
			encoding: 'utf8',
		}).status === 0;
	let created = false;
	// SIGINT = "fast shutdown": open sessions are ended, the cluster stays consistent.
	const service = await supervise(
		'PostgreSQL',
		dir,
		port,
		() =>
			spawn(join(bin, 'postgres'), ['-D', data, ...settings.flatMap((s) => ['-c', s])], {
				...(user ?? {}),
				cwd: dir,
				stdio: ['ignore', 'pipe', 'pipe'],
			}),
		async () => {
			if (!isReady()) return false;
			if (!created) {
				const createdb = spawnSync(
					join(bin, 'createdb'),
					['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'n8n'],
					{ encoding: 'utf8' },
				);
				if (createdb.status !== 0) throw new Error(`createdb failed: ${createdb.stderr}`);
				created = true;
			}
			return true;
		},
		'SIGINT',
	);
	return service;
}

/** Redis with no persistence at all (no RDB snapshots, no AOF). */
export async function startRedis(): Promise<Service> {
	const dir = mkdtempSync(join(tmpdir(), 'autoleap-redis-'));
	const port = await freePort();
	const args = [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		dir,
		'--daemonize',
		'no',
		'--loglevel',
		'warning',
	];
	const ping = () =>
		spawnSync('/usr/bin/redis-cli', ['-p', String(port), 'ping'], {
			encoding: 'utf8',
		}).stdout?.trim() === 'PONG';
	return await supervise(
		'Redis',
		dir,
		port,
		() => spawn(REDIS_SERVER, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }),
		async () => ping(),
		'SIGTERM',
	);
}

/** n8n's settings for this PostgreSQL and Redis (main, workers and CLI alike). */
export function queueEnv(postgres: Service, redis: Service): NodeJS.ProcessEnv {
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
	};
}

/** Runs one SQL statement against the throwaway cluster's `n8n` database; rows as text lines. */
export function psql(postgres: Service, sql: string): string {
	const result = spawnSync(
		join(pgBin(), 'psql'),
		['-h', '127.0.0.1', '-p', String(postgres.port), '-U', 'postgres', '-d', 'n8n', '-Atc', sql],
		{ encoding: 'utf8' },
	);
	if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
	return result.stdout.trim();
}
