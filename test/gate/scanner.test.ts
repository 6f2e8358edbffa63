import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';

import {
	copyOf,
	expectClean,
	filesUnder,
	findings,
	removeTempDirs,
	ROOT,
	scan,
	type ScanReport,
} from './gate';

/**
 * n8n's gate, source leg: @n8n/scan-community-package's own analysis over what it lints in the
 * attested source checkout (package.json, nodes/ and credentials/), with inline eslint-disable
 * comments ignored as n8n ignores them. The tarball leg is in tarball.test.ts.
 */

/** What the scanner's SOURCE_FILE_PATTERNS match here: package.json and {nodes,credentials}/**\/*.{js,ts,json}. */
const sourceFiles = () =>
	1 +
	['nodes', 'credentials']
		.flatMap((dir) => filesUnder(`${ROOT}/${dir}`))
		.filter((file) => /\.(js|ts|json)$/.test(file)).length;

/** A timer in a helper file: n8n Cloud's rules ban it in node code. */
const TIMER = {
	file: 'nodes/AutoLeapTrigger/cursor.ts',
	code: '\nexport const planted = () => setTimeout(() => undefined, 1);\n',
};

/** A raw re-throw in node code, "allowed" by an inline disable that n8n's scanner does not honour. */
const RETHROW = {
	file: 'nodes/AutoLeap/AutoLeap.node.ts',
	code: [
		'',
		'export function planted(text: string): unknown {',
		'\ttry {',
		'\t\treturn JSON.parse(text);',
		'\t} catch (error) {',
		'\t\t// eslint-disable-next-line @n8n/community-nodes/require-node-api-error',
		'\t\tthrow error;',
		'\t}',
		'}',
		'',
	].join('\n'),
};

/** What one might add to silence npm's engine warning for isolated-vm; n8n forbids overrides. */
const OVERRIDES = { 'isolated-vm': '5.0.4' };

let clean: ScanReport;
let planted: ScanReport;
let plantedDir: string;

beforeAll(async () => {
	// icons/ too: the scanner checks that the icon files the node and credential name exist.
	plantedDir = copyOf(ROOT, ['package.json', 'nodes', 'credentials', 'icons'], 'planted-source');
	for (const { file, code } of [TIMER, RETHROW]) appendFileSync(`${plantedDir}/${file}`, code);
	const pkg = JSON.parse(readFileSync(`${plantedDir}/package.json`, 'utf8'));
	writeFileSync(`${plantedDir}/package.json`, JSON.stringify({ ...pkg, overrides: OVERRIDES }));
	[clean, planted] = await Promise.all([scan(ROOT, 'source'), scan(plantedDir, 'source')]);
}, 120_000);

afterAll(removeTempDirs);

it("passes n8n's scanner over the source it lints, every file of it", () => {
	expectClean(clean);
	expect(clean.files).toBe(sourceFiles());
});

it('reports a planted timer, an inline-disabled re-throw and an overrides field, and nothing else', () => {
	expect(planted.passed).toBe(false);
	expect(() => expectClean(planted)).toThrow(/require-node-api-error/);
	expect(findings(planted, plantedDir).sort()).toEqual([
		'nodes/AutoLeap/AutoLeap.node.ts: @n8n/community-nodes/require-node-api-error',
		'nodes/AutoLeapTrigger/cursor.ts: @n8n/community-nodes/no-restricted-globals',
		'package.json: @n8n/community-nodes/no-overrides-field',
	]);
});
