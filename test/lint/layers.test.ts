import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The layers of ARCHITECTURE.md, from what the files import: the AutoLeap core
 * (nodes/shared/autoleap) and the shared pickers (nodes/shared) import nothing above them; the
 * credential imports only the core; neither node imports the other, nor the credential; and
 * nothing outside the core reaches the transport but through the core's client.
 */
const ROOT = resolve(__dirname, '..', '..');

function sources(folder: string): string[] {
	return readdirSync(join(ROOT, folder)).flatMap((name) => {
		const path = join(folder, name);
		if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

/** Relative imports of a file, as paths from the repository root. */
function importsOf(file: string): string[] {
	const text = readFileSync(join(ROOT, file), 'utf8');
	return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map(([, spec]) =>
		relative(ROOT, resolve(ROOT, dirname(file), spec)),
	);
}

/** Where a file lives: the layer names of ARCHITECTURE.md. */
function layerOf(path: string): string {
	if (path.startsWith('nodes/shared/autoleap')) return 'core';
	if (path.startsWith('nodes/shared')) return 'shared';
	if (path.startsWith('nodes/AutoLeapTrigger')) return 'trigger';
	if (path.startsWith('nodes/AutoLeap')) return 'node';
	if (path.startsWith('credentials')) return 'credential';
	return 'outside';
}

const ALLOWED: Record<string, string[]> = {
	core: ['core'],
	shared: ['core', 'shared'],
	credential: ['core', 'credential'],
	node: ['core', 'shared', 'node'],
	trigger: ['core', 'shared', 'trigger'],
};

/** The transport's modules: outside the core, only the client may be imported. */
const TRANSPORT = 'nodes/shared/autoleap/transport/';

/** "file → import" for every import that reaches a layer its file may not use. */
function crossings(files: string[], read: (file: string) => string[] = importsOf): string[] {
	return files.flatMap((file) => {
		const from = layerOf(file);
		return read(file)
			.filter(
				(target) =>
					!ALLOWED[from].includes(layerOf(target)) ||
					(from !== 'core' && target.startsWith(TRANSPORT)),
			)
			.map((target) => `${file} → ${target}`);
	});
}

it('imports run downward only: core ← shared ← nodes, core ← credential, and neither node reaches into the other', () => {
	const files = [...sources('nodes'), ...sources('credentials')];
	expect(files.length).toBeGreaterThan(50);
	// The core is really imported by both nodes and the credential (the reading of imports works).
	const intoCore = files.filter(
		(file) =>
			layerOf(file) !== 'core' && importsOf(file).some((target) => layerOf(target) === 'core'),
	);
	expect(new Set(intoCore.map(layerOf))).toEqual(
		new Set(['shared', 'node', 'trigger', 'credential']),
	);
	// Both nodes reach AutoLeap through the client.
	const intoClient = files.filter((file) =>
		importsOf(file).includes('nodes/shared/autoleap/client'),
	);
	expect(new Set(intoClient.map(layerOf))).toEqual(new Set(['core', 'node', 'trigger']));
	expect(crossings(files)).toEqual([]);
});

it('would catch an upward import, a node importing the other, the credential importing a node, and a node reaching the transport past the client', () => {
	const planted: Record<string, string[]> = {
		'nodes/shared/autoleap/transport/send.ts': ['credentials/AutoLeapApi.credentials'],
		'nodes/AutoLeapTrigger/events.ts': ['nodes/AutoLeap/methods/listSearch'],
		'credentials/AutoLeapApi.credentials.ts': ['nodes/AutoLeap/shared/routing'],
		'nodes/AutoLeap/shared/routing.ts': [
			'nodes/shared/autoleap/client',
			'nodes/shared/autoleap/transport/send',
		],
		'nodes/shared/parameters.ts': ['nodes/shared/autoleap/transport/envelope'],
		'nodes/shared/autoleap/client.ts': ['nodes/shared/autoleap/transport/send'],
	};
	expect(crossings(Object.keys(planted), (file) => planted[file])).toEqual([
		'nodes/shared/autoleap/transport/send.ts → credentials/AutoLeapApi.credentials',
		'nodes/AutoLeapTrigger/events.ts → nodes/AutoLeap/methods/listSearch',
		'credentials/AutoLeapApi.credentials.ts → nodes/AutoLeap/shared/routing',
		'nodes/AutoLeap/shared/routing.ts → nodes/shared/autoleap/transport/send',
		'nodes/shared/parameters.ts → nodes/shared/autoleap/transport/envelope',
	]);
});
