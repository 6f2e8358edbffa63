import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

/** Helpers shared by the gate tests: n8n's scanner in a child process, temporary copies, file lists. */

export const ROOT = resolve(__dirname, '..', '..');

export interface ScanReport {
	passed: boolean;
	message?: string;
	/** ESLint's stylish report of every finding, as n8n's scanner prints it. */
	details?: string;
	patterns: string[];
	/** How many files the scanner linted. */
	files: number;
}

/** n8n's scanner (`analyzePackage`) over `dir`: the source leg or the tarball leg. */
export async function scan(dir: string, leg: 'source' | 'tarball'): Promise<ScanReport> {
	const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
	// The scanner makes a temporary folder when it loads and leaves it: give it one of ours.
	const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tempDir('scanner') };
	delete env.NODE_ENV;
	const { stdout } = await promisify(execFile)(tsx, ['test/gate/scan.ts', dir, leg], {
		cwd: ROOT,
		env,
		maxBuffer: 64 * 1024 * 1024,
	});
	return JSON.parse(stdout);
}

/** Fails with the scanner's own report when it found anything, or when it had nothing to lint. */
export function expectClean(report: ScanReport): void {
	if (!report.passed || report.message) {
		throw new Error(`n8n's scanner: ${report.message}\n${report.details ?? ''}`);
	}
	if (report.files === 0) throw new Error(`n8n's scanner found no files (${report.patterns})`);
}

/** Findings in a stylish report, as "<file relative to dir>: <rule>". */
export function findings(report: ScanReport, dir: string): string[] {
	const out: string[] = [];
	let file = '';
	for (const line of (report.details ?? '').split('\n')) {
		if (line.startsWith('/')) file = relative(dir, line.trim()).split(sep).join('/');
		const finding = /^\s+\d+:\d+\s+error\s+.*\s(\S+)$/.exec(line);
		if (finding) out.push(`${file}: ${finding[1]}`);
	}
	return out;
}

const made: string[] = [];

/** A new temporary folder, removed by removeTempDirs(). */
export function tempDir(name: string): string {
	const dir = mkdtempSync(join(tmpdir(), `autoleap-gate-${name}-`));
	made.push(dir);
	return dir;
}

/** Removes every folder tempDir() made in this test file (call it in afterAll). */
export function removeTempDirs(): void {
	for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Copies `paths` (relative to `from`) into a new temporary folder. */
export function copyOf(from: string, paths: string[], name: string): string {
	const dir = tempDir(name);
	for (const path of paths) cpSync(join(from, path), join(dir, path), { recursive: true });
	return dir;
}

/** Every file under `dir`, relative, with forward slashes, sorted. */
export function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.sort();
}
