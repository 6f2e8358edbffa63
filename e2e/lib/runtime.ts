/**
 * A real n8n 2.41.1 and the Node 24 it needs, installed from e2e/runtime's own lock file, and this
 * package packed the way it would be published.
 */
import { spawnSync, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const RUNTIME = join(ROOT, 'e2e', 'runtime');
export const RUNTIME_BIN = join(RUNTIME, 'node_modules', '.bin');
export const NODE24 = join(RUNTIME_BIN, 'node');
export const N8N_BIN = join(RUNTIME, 'node_modules', 'n8n', 'bin', 'n8n');
const READY_MARKER = join(RUNTIME, 'node_modules', '.autoleap-runtime-ready');
/** Where the packed package is kept between the steps of one run (gitignored). */
export const PACK_DIR = join(ROOT, 'e2e', '.cache');

export const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Runs a command to completion, printing one status line; its output is shown only if it fails. */
export function run(title: string, command: string, args: string[], options: SpawnOptions = {}): string {
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

/** Installs n8n and Node 24 into e2e/runtime unless that lock file is already installed. */
export function ensureRuntime(): void {
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

/** Builds and packs this package (what `npm publish` would upload) into `dir`, emptied first. */
export function packPackage(dir = PACK_DIR): string {
	run('build the package', 'npm', ['run', 'build', '--silent']);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const packed = JSON.parse(run('pack it', 'npm', ['pack', '--json', '--pack-destination', dir])) as Array<{ filename: string }>;
	return join(dir, packed[0].filename);
}

/** The tarball packed earlier in this run (jest's global setup packs once for every suite). */
export function packedPackage(): string {
	const file = existsSync(PACK_DIR) ? readdirSync(PACK_DIR).find((f) => f.endsWith('.tgz')) : undefined;
	return file ? join(PACK_DIR, file) : packPackage();
}
