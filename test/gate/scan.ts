/**
 * Runs @n8n/scan-community-package's own `analyzePackage` over a folder — the static analysis n8n
 * runs on a published package before verifying it: once over the attested source checkout with
 * the scanner's SOURCE_FILE_PATTERNS, once over the unpacked tarball with ['**\/*.js',
 * 'package.json']. Run by scanner.test.ts and tarball.test.ts in a child process: the scanner is
 * an ES module, and jest sets NODE_ENV=test, under which eslint-plugin-n8n-nodes-base judges file
 * names differently than in n8n's scan.
 *
 *   tsx test/gate/scan.ts <dir> source|tarball
 *   prints JSON: { passed, message?, details?, patterns, files }
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What the scanner lints in the unpacked tarball (scanner.mjs, analyzePackageByName). */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

interface Scanner {
	SOURCE_FILE_PATTERNS: string[];
	analyzePackage(
		dir: string,
		patterns: string[],
	): Promise<{ passed: boolean; message?: string; details?: string }>;
}

async function main() {
	const [dir, leg] = process.argv.slice(2);
	if (!dir || (leg !== 'source' && leg !== 'tarball')) {
		throw new Error('usage: tsx test/gate/scan.ts <dir> source|tarball');
	}
	const entry = require.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
	const scanner = (await import(pathToFileURL(entry).href)) as Scanner;
	const patterns = leg === 'source' ? scanner.SOURCE_FILE_PATTERNS : TARBALL_FILE_PATTERNS;
	const root = resolve(dir);
	// The files the scanner lints, found as it finds them (its own fast-glob, its options): a folder
	// with nothing to lint "passes" with a message.
	const glob = createRequire(entry)('fast-glob') as {
		sync(patterns: string[], options: { cwd: string; ignore: string[] }): string[];
	};
	const files = glob.sync(patterns, {
		cwd: root,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const { passed, message, details } = await scanner.analyzePackage(root, patterns);
	process.stdout.write(JSON.stringify({ passed, message, details, patterns, files: files.length }));
}

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`${error?.stack ?? error}\n`);
		process.exit(1);
	});
}
