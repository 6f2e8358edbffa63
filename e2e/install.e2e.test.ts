/**
 * README's Installation, run as written: the commands of its `install:npm` and `install:tarball`
 * blocks in a fresh home folder, then n8n runs the installed node against the sandbox.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { startSandbox, type Sandbox } from '../sandbox';
import { DEMO_COMPANY_ID, DEMO_PARTNER } from '../sandbox/seed';
import { itemsOf, N8n } from './lib/n8n';
import { startRegistry } from './lib/registry';
import { packedPackage, ROOT } from './lib/runtime';
import { runtimeUnderTest } from './lib/suite';
import { chain, type WorkflowJson } from './lib/workflow';

/** The shell commands of the README's fenced block after `<!-- install:NAME -->`. */
function readmeCommands(name: string): string {
	const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
	const at = readme.indexOf(`<!-- install:${name} -->`);
	if (at < 0) throw new Error(`README.md has no <!-- install:${name} --> block`);
	const block = /```bash\n([\s\S]*?)```/.exec(readme.slice(at));
	if (!block) throw new Error(`README.md's install:${name} block has no bash commands`);
	return block[1];
}

const profile: WorkflowJson = chain('InstallCheck0001', 'install check: partner profile', [
	{ name: 'Get Profile', parameters: { resource: 'partner', operation: 'getProfile' } },
]);

let sandbox: Sandbox;
const homes: string[] = [];
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
	await sandbox.close();
	for (const home of homes) rmSync(home, { recursive: true, force: true });
});

/** Runs the README's commands in a fresh home, then the profile workflow in n8n from that home. */
async function installAndRun(
	commands: string,
	env: NodeJS.ProcessEnv = {},
	prepare?: (home: string) => void,
) {
	const home = mkdtempSync(join(tmpdir(), 'autoleap-install-'));
	homes.push(home);
	prepare?.(home);
	// Not execFileSync: the registry answering npm runs in this process.
	await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', commands], {
		cwd: home,
		env: { ...process.env, HOME: home, npm_config_cache: join(home, '.npm'), ...env },
	});
	const n8n = N8n.adopt(home, runtimeUnderTest());
	await n8n.importCredential({ ...DEMO_PARTNER, customUrl: sandbox.url });
	await n8n.importWorkflows([profile]);
	const execution = await n8n.execute('InstallCheck0001');
	return { home, execution, items: itemsOf(execution, 'Get Profile') };
}

it('from npm: the README commands install the package a registry serves, and n8n runs it', async () => {
	const registry = await startRegistry(packedPackage());
	try {
		const { home, items } = await installAndRun(readmeCommands('npm'), {
			npm_config_registry: registry.url,
		});
		const installed = join(home, '.n8n', 'nodes', 'node_modules');
		expect(
			JSON.parse(readFileSync(join(installed, 'n8n-nodes-autoleap', 'package.json'), 'utf8')).name,
		).toBe('n8n-nodes-autoleap');
		// n8n's own n8n-workflow is the one the node loads.
		expect(() => readFileSync(join(installed, 'n8n-workflow', 'package.json'))).toThrow();
		expect(JSON.stringify(items)).toContain(DEMO_COMPANY_ID);
	} finally {
		await registry.close();
	}
});

it('from a tarball: the README commands install the copied tarball, and n8n runs it', async () => {
	const tarball = packedPackage();
	const commands = readmeCommands('tarball');
	expect(commands).toContain(`./${basename(tarball)}`);
	const { items } = await installAndRun(commands, {}, (home) => {
		execFileSync('mkdir', ['-p', join(home, '.n8n', 'nodes')]);
		copyFileSync(tarball, join(home, '.n8n', 'nodes', basename(tarball)));
	});
	expect(JSON.stringify(items)).toContain(DEMO_COMPANY_ID);
});
