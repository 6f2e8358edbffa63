import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * n8n's community-node lint over the built descriptions, as literals: a property generated from a
 * field spec or a shared builder is held to the same rules as one written by hand.
 */

interface Finding {
	ruleId: string;
	message: string;
	text: string;
	owner: Record<string, unknown> | null;
}

const ROOT = resolve(__dirname, '..', '..');

async function lint(...args: string[]): Promise<Array<{ file: string; messages: Finding[] }>> {
	const tsx = resolve(ROOT, 'node_modules', '.bin', 'tsx');
	// Without jest's NODE_ENV=test, under which eslint-plugin-n8n-nodes-base judges file names differently.
	const env = { ...process.env };
	delete env.NODE_ENV;
	const { stdout } = await promisify(execFile)(tsx, ['test/lint/lintDescriptions.ts', ...args], {
		cwd: ROOT,
		env,
		maxBuffer: 64 * 1024 * 1024,
	});
	return JSON.parse(stdout);
}

/** Findings that are the literal's doing or a deliberate choice, each with its reason. */
const ACCEPTED: Array<{ ruleId: string; why: string; matches: (f: Finding) => boolean }> = [
	{
		ruleId: '@n8n/community-nodes/node-connection-type-literal',
		why: 'the source says NodeConnectionTypes.Main; its value is the string "main" in a literal',
		matches: (f) => f.text === '"main",',
	},
	{
		ruleId: 'n8n-nodes-base/node-param-color-type-unused',
		why: 'a vehicle\'s paint colour is text ("Blue"), not a hex colour for n8n\'s colour picker',
		matches: (f) => f.owner?.name === 'color' && f.owner?.placeholder === 'e.g. Blue',
	},
];

const unexpected = (messages: Finding[]) =>
	messages
		.filter((f) => !ACCEPTED.some((a) => a.ruleId === f.ruleId && a.matches(f)))
		.map((f) => `${f.ruleId}: ${f.text}`);

let clean: Awaited<ReturnType<typeof lint>>;
let planted: Awaited<ReturnType<typeof lint>>;

beforeAll(async () => {
	[clean, planted] = await Promise.all([lint(), lint('--plant')]);
}, 120_000);

it('finds nothing in either node or the credential beyond the accepted findings', () => {
	expect(clean.map((r) => r.file)).toEqual([
		'nodes/AutoLeap/AutoLeap.node.ts',
		'nodes/AutoLeapTrigger/AutoLeapTrigger.node.ts',
		'credentials/AutoLeapApi.credentials.ts',
	]);
	for (const result of clean)
		expect({ file: result.file, unexpected: unexpected(result.messages) }).toEqual({
			file: result.file,
			unexpected: [],
		});
});

it('catches the three style mistakes when they are planted in a field spec', () => {
	const node = planted.find((r) => r.file === 'nodes/AutoLeap/AutoLeap.node.ts')!;
	const onPlanted = node.messages.filter((f) => f.owner?.name === 'isFleet').map((f) => f.ruleId);
	expect(onPlanted.sort()).toEqual([
		'n8n-nodes-base/node-param-description-boolean-without-whether',
		'n8n-nodes-base/node-param-description-excess-final-period',
		'n8n-nodes-base/node-param-display-name-miscased',
	]);
	expect(
		unexpected(node.messages).filter(
			(text) => !text.includes('is fleet') && !text.includes('The vehicle belongs'),
		),
	).toEqual([]);
});
