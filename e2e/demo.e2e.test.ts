/**
 * The main job as a newcomer runs it: `npm run demo` brings up n8n with the owner, the credential
 * and the example workflows; the published "invoiced repair order → summary" workflow runs on the
 * demo shop's activity; Ctrl-C stops everything. `--queue` brings it up in queue mode (executions on
 * workers are the queue suite's subject).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, itemsOf, N8nServer, waitFor } from './lib/n8n';
import { ROOT } from './lib/runtime';

const folder = mkdtempSync(join(tmpdir(), 'autoleap-demo-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Waits until the demo says it is up; when it exits or hangs instead, fails showing what it printed. */
async function demoStarted(demo: ChildProcess, output: () => string): Promise<void> {
	const up = () => output().includes('press Ctrl-C');
	await waitFor(
		async () => up() || demo.exitCode !== null,
		'the demo to print its URL',
		480_000, // within jest's 600 s, so that its output is shown
	).catch(() => undefined);
	if (!up()) throw new Error(`The demo did not come up:\n${output().slice(-4000)}`);
}

it('npm run demo: editor with owner, credential and workflows; the trigger workflow runs; Ctrl-C stops it all', async () => {
	const port = await freePort();
	const demo = spawn(
		join(ROOT, 'node_modules', '.bin', 'tsx'),
		['e2e/n8n-demo.ts', '--port', String(port), '--user-folder', folder],
		{ cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	demo.stdout.on('data', (chunk) => (output += chunk));
	demo.stderr.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((done) => demo.once('exit', done));
	try {
		await demoStarted(demo, () => output);
		const base = `http://127.0.0.1:${port}`;
		expect(output).toContain(`n8n editor: ${base}`);

		const server = new N8nServer(base, join(folder, 'n8n.log'));
		await server.signIn(); // the owner exists: signIn falls back to the login the README prints
		const workflows =
			await server.rest<Array<{ id: string; name: string; active: boolean }>>('/workflows');
		expect(workflows.map((w) => [w.name, w.active]).sort()).toEqual([
			['AutoLeap: import customers from sheet rows', false],
			['AutoLeap: invoiced repair order → summary', true],
			['AutoLeap: sync vehicles to sheet rows', false],
		]);

		// The shop invoices a repair order every 45 s; the trigger polls every minute.
		await waitFor(
			async () => (await server.executions('AutoLeapInvoiced1')).length > 0,
			'an execution of the invoiced workflow',
			180_000,
			3_000,
		);
		const [execution] = await server.executions('AutoLeapInvoiced1');
		expect(execution.status).toBe('success');
		const invoiced = [...output.matchAll(/repair order (\d+) invoiced/g)].map((m) => Number(m[1]));
		const summaries = itemsOf(execution, 'Summary').map((item) => String(item.summary));
		expect(summaries.length).toBeGreaterThan(0);
		for (const summary of summaries) {
			const [, roNumber] =
				/^RO (\d+) \(INV-\d+\) invoiced for \S+ \S+: \$\d+\.\d\d, paid \$\d+\.\d\d$/.exec(
					summary,
				) ?? [];
			expect({ summary, invoicedByTheShop: invoiced.includes(Number(roNumber)) }).toEqual({
				summary,
				invoicedByTheShop: true,
			});
		}
	} finally {
		demo.kill('SIGINT');
	}
	expect(await exited).toBe(0);
	expect(output).toContain('Stopped n8n and the AutoLeap sandbox.');
	await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
});

it('npm run demo -- --queue: the same demo on a main and 2 workers; Ctrl-C stops every process', async () => {
	const port = await freePort();
	const demo = spawn(
		join(ROOT, 'node_modules', '.bin', 'tsx'),
		['e2e/n8n-demo.ts', '--queue', '--port', String(port)],
		{ cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	demo.stdout.on('data', (chunk) => (output += chunk));
	demo.stderr.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((done) => demo.once('exit', done));
	const alive = (pid: number) => {
		try {
			process.kill(pid, 0);
			return true;
		} catch {
			return false;
		}
	};
	let pids: number[] = [];
	try {
		await demoStarted(demo, () => output);
		pids = [...output.matchAll(/\(pid (\d+)/g)].map((m) => Number(m[1]));
		expect(pids).toHaveLength(3); // the main and two workers
		const server = new N8nServer(`http://127.0.0.1:${port}`, '');
		await server.signIn();
		const workflows = await server.rest<Array<{ name: string; active: boolean }>>('/workflows');
		expect(workflows.filter((w) => w.active).map((w) => w.name)).toEqual([
			'AutoLeap: invoiced repair order → summary',
		]);
		expect(pids.every(alive)).toBe(true);
	} finally {
		demo.kill('SIGINT');
	}
	expect(await exited).toBe(0);
	expect(output).toContain('Stopped n8n and the AutoLeap sandbox.');
	expect(pids.filter(alive)).toEqual([]);
});
