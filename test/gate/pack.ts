import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';

import { copyOf, filesUnder, ROOT, tempDir } from './gate';

/**
 * What `npm publish` would upload, made the way publish.yml makes it: a clean `npm run build`, then
 * npm packing with whatever .npmrc says (ignore-scripts=true: no prepack).
 */

const run = promisify(execFile);

/**
 * The environment of a fresh shell: npm exports its config to the scripts it runs (npm_config_*),
 * and a child npm would take those over the project's .npmrc.
 */
function cleanEnv(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
	delete env.NODE_ENV;
	return env;
}

async function npm(cwd: string, args: string[]): Promise<string> {
	const { stdout } = await run('npm', args, {
		cwd,
		env: cleanEnv(),
		maxBuffer: 64 * 1024 * 1024,
	});
	return stdout;
}

/** The files of a checkout of this repository: tracked ones, plus new files git does not ignore. */
export async function checkoutFiles(root = ROOT): Promise<string[]> {
	const { stdout } = await run('git', ['ls-files', '-z', '-co', '--exclude-standard'], {
		cwd: root,
		maxBuffer: 64 * 1024 * 1024,
	});
	return stdout
		.split('\0')
		.filter((file) => file && existsSync(join(root, file)))
		.sort();
}

export interface Packed {
	/** The copy of the checkout that was built and packed. */
	copy: string;
	/** The tarball's contents, unpacked as n8n's scanner unpacks it (`package/` stripped). */
	unpacked: string;
	/** The files `npm pack --json` said it packed. */
	npmFiles: string[];
	/** dist/ files that `npm pack` rewrote (a prepack running `npm run build` rewrites them all). */
	rewrittenByPack: string[];
}

/** inode and mtime of every file under dir: a file rebuilt in its place changes one or both. */
function fingerprints(dir: string): Map<string, string> {
	return new Map(
		filesUnder(dir).map((file) => {
			const stat = statSync(join(dir, file));
			return [file, `${stat.ino}:${stat.mtimeMs}`];
		}),
	);
}

/**
 * Copies the checkout (node_modules linked), plants `stale` files in its dist/ as a previous build
 * could leave them, runs `npm run build`, packs, and unpacks the tarball.
 */
export async function packFromCleanBuild(stale: Record<string, string>): Promise<Packed> {
	const copy = copyOf(ROOT, await checkoutFiles(), 'checkout');
	symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
	for (const [file, text] of Object.entries(stale)) {
		mkdirSync(dirname(join(copy, 'dist', file)), { recursive: true });
		writeFileSync(join(copy, 'dist', file), text);
	}
	await npm(copy, ['run', 'build']);

	const before = fingerprints(join(copy, 'dist'));
	const out = tempDir('tarball');
	const packOutput = await npm(copy, ['pack', '--json', '--pack-destination', out]);
	// The JSON report; any lifecycle script npm ran prints its output before it.
	const [report] = JSON.parse(packOutput.slice(packOutput.search(/^\[$/m)));
	const after = fingerprints(join(copy, 'dist'));
	const rewrittenByPack = [...before].filter(([file, print]) => after.get(file) !== print);

	const unpacked = join(out, 'package');
	mkdirSync(unpacked);
	await run('tar', ['-xzf', join(out, report.filename), '-C', unpacked, '--strip-components=1']);
	return {
		copy,
		unpacked,
		npmFiles: report.files.map((file: { path: string }) => file.path).sort(),
		rewrittenByPack: rewrittenByPack.map(([file]) => file),
	};
}

/** Compiles the current sources with the build's tsconfig into a new folder. */
export async function compileFresh(): Promise<string> {
	const out = tempDir('fresh-compile');
	await run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json', '--outDir', out], {
		cwd: ROOT,
	});
	return out;
}

/** The icon files (`file:` paths) a node or credential source names, relative to the root. */
function namedIcons(sourceFile: string): string[] {
	const text = readFileSync(join(ROOT, sourceFile), 'utf8');
	return [...text.matchAll(/['"]file:([^'"]+)['"]/g)].map((match) =>
		posix.normalize(posix.join(posix.dirname(sourceFile), match[1])),
	);
}

/**
 * What the tarball must hold, from the sources: package.json, README.md, LICENSE.md, and in dist/
 * the compiled JS of every .ts under nodes/ and credentials/ (tsconfig.json leaves out *.test.ts),
 * the icons they name and the nodes' codex files.
 */
export function expectedTarball(): string[] {
	const sources = ['nodes', 'credentials'].flatMap((dir) =>
		filesUnder(join(ROOT, dir)).map((file) => `${dir}/${file}`),
	);
	const compiled = sources
		.filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
		.map((file) => file.replace(/\.ts$/, '.js'));
	const codex = sources.filter((file) => file.endsWith('.node.json'));
	const icons = sources.filter((file) => file.endsWith('.ts')).flatMap(namedIcons);
	return [
		'package.json',
		'README.md',
		'LICENSE.md',
		...[...compiled, ...codex, ...new Set(icons)].map((file) => `dist/${file}`),
	].sort();
}

/** Files in one list and not the other. */
export function compareLists(actual: string[], expected: string[]) {
	return {
		unexpected: actual.filter((file) => !expected.includes(file)),
		missing: expected.filter((file) => !actual.includes(file)),
	};
}

/**
 * How the .js files under `dist` (of an unpacked tarball) stand against a fresh compile: shipped
 * but not compiled, different bytes, or compiled but not shipped.
 */
export function jsDifferences(unpacked: string, fresh: string): string[] {
	const shipped = filesUnder(join(unpacked, 'dist')).filter((file) => file.endsWith('.js'));
	const compiled = filesUnder(fresh).filter((file) => file.endsWith('.js'));
	return [
		...shipped.map((file) =>
			!compiled.includes(file)
				? `not compiled: ${file}`
				: readFileSync(join(unpacked, 'dist', file)).equals(readFileSync(join(fresh, file)))
					? ''
					: `differs: ${file}`,
		),
		...compiled.filter((file) => !shipped.includes(file)).map((file) => `not shipped: ${file}`),
	].filter(Boolean);
}
