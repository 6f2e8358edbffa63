import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	copyOf,
	expectClean,
	filesUnder,
	findings,
	removeTempDirs,
	scan,
	type ScanReport,
} from './gate';
import {
	compareLists,
	compileFresh,
	expectedTarball,
	jsDifferences,
	packFromCleanBuild,
	type Packed,
} from './pack';

/**
 * The package as npm would publish it (a clean build, then `npm pack` with the project's .npmrc),
 * built once for every test here: its exact contents, its JS against a fresh compile, and n8n's
 * scanner over it as n8n scans a published tarball.
 */

/** What an earlier build or a hand could leave in dist/: a removed node, a source map, a stray file. */
const STALE = {
	'nodes/Retired/Retired.node.js': 'exports.Retired = class {};\n',
	'nodes/AutoLeap/AutoLeap.node.js.map': '{"version":3}\n',
	'notes.txt': 'left over\n',
};

let packed: Packed;
let fresh: string;
let scanned: ScanReport;
let planted: ScanReport;
let plantedDir: string;

beforeAll(async () => {
	[packed, fresh] = await Promise.all([packFromCleanBuild(STALE), compileFresh()]);
	plantedDir = copyOf(packed.unpacked, ['.'], 'planted-tarball');
	appendFileSync(
		join(plantedDir, 'dist/nodes/AutoLeap/AutoLeap.node.js'),
		'\nsetTimeout(() => undefined, 1);\n',
	);
	[scanned, planted] = await Promise.all([
		scan(packed.unpacked, 'tarball'),
		scan(plantedDir, 'tarball'),
	]);
}, 180_000);

afterAll(removeTempDirs);

it('holds exactly package.json, README.md, LICENSE.md and the compiled nodes, icons and codex files', () => {
	const shipped = filesUnder(packed.unpacked);
	expect(compareLists(shipped, expectedTarball())).toEqual({ unexpected: [], missing: [] });
	expect(packed.npmFiles).toEqual(shipped);
	expect(shipped.filter((file) => !file.endsWith('.js'))).toEqual([
		'LICENSE.md',
		'README.md',
		'dist/icons/autoleap.dark.svg',
		'dist/icons/autoleap.svg',
		'dist/nodes/AutoLeap/AutoLeap.node.json',
		'dist/nodes/AutoLeapTrigger/AutoLeapTrigger.node.json',
		'package.json',
	]);
});

it('names a file too many and a file missing', () => {
	const expected = expectedTarball();
	const shipped = expected.filter((file) => file !== 'dist/icons/autoleap.svg');
	expect(compareLists([...shipped, 'dist/nodes/AutoLeap/AutoLeap.node.js.map'], expected)).toEqual({
		unexpected: ['dist/nodes/AutoLeap/AutoLeap.node.js.map'],
		missing: ['dist/icons/autoleap.svg'],
	});
});

it('ships every node and credential that package.json registers with n8n', () => {
	const { n8n } = JSON.parse(readFileSync(join(packed.unpacked, 'package.json'), 'utf8'));
	const registered: string[] = [...n8n.nodes, ...n8n.credentials];
	expect(registered).toHaveLength(3);
	for (const file of registered) expect(existsSync(join(packed.unpacked, file))).toBe(true);
});

it('ships none of the stale files planted in dist/ before the build', () => {
	for (const file of Object.keys(STALE)) {
		expect(existsSync(join(packed.copy, 'dist', file))).toBe(false);
		expect(existsSync(join(packed.unpacked, 'dist', file))).toBe(false);
	}
});

it('is packed without running prepack: npm pack rewrote nothing in dist/ (.npmrc: ignore-scripts)', () => {
	expect(readFileSync(join(packed.copy, '.npmrc'), 'utf8')).toMatch(/^ignore-scripts=true$/m);
	expect(packed.rewrittenByPack).toEqual([]);
});

it('ships the JS of a fresh compile of the current sources, byte for byte', () => {
	expect(jsDifferences(packed.unpacked, fresh)).toEqual([]);
});

it('names a shipped JS file that differs from the fresh compile, one too many and one missing', () => {
	const copy = copyOf(packed.unpacked, ['dist'], 'changed-js');
	appendFileSync(join(copy, 'dist/nodes/AutoLeap/AutoLeap.node.js'), '// edited\n');
	rmSync(join(copy, 'dist/credentials/AutoLeapApi.credentials.js'));
	writeFileSync(join(copy, 'dist/extra.js'), '');
	expect(jsDifferences(copy, fresh)).toEqual([
		'not compiled: extra.js',
		'differs: nodes/AutoLeap/AutoLeap.node.js',
		'not shipped: credentials/AutoLeapApi.credentials.js',
	]);
});

it("passes n8n's scanner over the tarball's JS and package.json", () => {
	expectClean(scanned);
	const linted = filesUnder(packed.unpacked).filter(
		(file) => file.endsWith('.js') || file === 'package.json',
	);
	expect(scanned.files).toBe(linted.length);
});

it('reports a timer planted in the shipped JS', () => {
	expect(() => expectClean(planted)).toThrow(/no-restricted-globals/);
	expect(findings(planted, plantedDir)).toEqual([
		'dist/nodes/AutoLeap/AutoLeap.node.js: @n8n/community-nodes/no-restricted-globals',
	]);
});
