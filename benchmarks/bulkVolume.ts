/**
 * Bulk writes at volume: the node's own work per item, and whether it leaves n8n's event loop
 * free, for a build of --baseline (before) and of this checkout (after), each measurement in a
 * process of its own (benchmarks/bulkVolume/measure.ts):
 *   1. Vehicle → Create's handler alone, 10,000 to 100,000 items: own CPU time (validation,
 *      batching, bookkeeping; no n8n expression evaluation, AutoLeap answering at once), the
 *      longest event-loop stall (perf_hooks.monitorEventLoopDelay), memory per 10,000 items.
 *   2. Create with 50,000 items through n8n-core against the sandbox (another process): the
 *      records written (the sandbox's count), wall time and the longest stall.
 *
 *   npm run bench:bulk [-- --baseline main --items 10000,50000,100000 --n8n 50000 --write]
 * --write puts the tables into benchmarks/RESULTS.md (section bench:bulk).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { ROOT } from '../e2e/lib/runtime';
import { DEMO_COMPANY_ID } from '../sandbox/seed';
import { writeSection } from './results';

const { values } = parseArgs({
	options: {
		baseline: { type: 'string', default: 'main' },
		items: { type: 'string', default: '10000,50000,100000' },
		n8n: { type: 'string', default: '50000' },
		write: { type: 'boolean', default: false },
	},
});
const SIZES = values.items.split(',').map(Number);
const N8N_ITEMS = Number(values.n8n);
const TARGETS = { cpuMs: 1_000, stallMs: 100, n8nStallMs: 250 };

type Measured = Record<string, number | string | undefined>;

/** Compiles nodes/ and credentials/ (this checkout's files, or `ref`'s) into a folder of its own. */
function compile(into: string, ref?: string): string {
	let project = ROOT;
	if (ref) {
		project = join(into, 'src');
		mkdirSync(project, { recursive: true });
		const files = ['nodes', 'credentials', 'tsconfig.json', 'package.json'];
		const archive = execFileSync('git', ['-C', ROOT, 'archive', ref, ...files]);
		execFileSync('tar', ['-x', '-C', project], { input: archive });
		symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
	}
	const out = join(into, 'dist');
	execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), [
		'-p',
		join(project, 'tsconfig.json'),
		'--outDir',
		out,
	]);
	symlinkSync(join(ROOT, 'node_modules'), join(into, 'node_modules'));
	return out;
}

function measure(args: string[]): Promise<Measured> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['--expose-gc', '--import', 'tsx', join(__dirname, 'bulkVolume', 'measure.ts'), ...args],
			{ cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
		);
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.on('exit', (code) =>
			code === 0
				? resolve(JSON.parse(out.trim().split('\n').pop() as string) as Measured)
				: reject(new Error(`measure.ts ${args.join(' ')} exited ${code}`)),
		);
	});
}

/** The sandbox in a process of its own, so that its work is not on the measured event loop. */
async function startSandboxProcess() {
	const child = spawn(
		process.execPath,
		[
			'--import',
			'tsx',
			join(ROOT, 'sandbox', 'cli.ts'),
			'--port',
			'0',
			'--get-limit',
			'1000000',
			'--write-limit',
			'1000000',
		],
		{ cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const url = await new Promise<string>((resolve, reject) => {
		let text = '';
		child.stdout.on('data', (chunk: Buffer) => {
			text += chunk.toString();
			const found = /listening on (\S+\/v2)/.exec(text);
			if (found) resolve(found[1]);
		});
		child.on('exit', () => reject(new Error('the sandbox did not start')));
	});
	const admin = async (method: string, path: string) => {
		const answer = await fetch(`${url.replace(/\/v2$/, '')}/__admin/${path}`, { method });
		return (await answer.json()) as IDataObjectLike;
	};
	return { url, admin, stop: () => child.kill('SIGTERM') };
}
type IDataObjectLike = Record<string, any>;

async function main() {
	const work = mkdtempSync(join(tmpdir(), 'bench-bulk-'));
	const load = loadavg()[0].toFixed(2);
	try {
		const builds = {
			before: compile(join(work, 'before'), values.baseline),
			after: compile(join(work, 'after')),
		};
		const handler: Array<{ build: string; items: number } & Measured> = [];
		for (const items of SIZES) {
			for (const [name, dir] of Object.entries(builds)) {
				const m = await measure(['--job', 'handler', '--build', dir, '--items', String(items)]);
				console.log(name, items, JSON.stringify(m));
				handler.push({ build: name, items, ...m });
			}
		}
		const sandbox = await startSandboxProcess();
		const n8n: Array<{ build: string } & Measured> = [];
		try {
			const customers = (
				await sandbox.admin('GET', `records/customers?companyId=${DEMO_COMPANY_ID}`)
			).records as IDataObjectLike[];
			const ids = customers.map((c) => String(c.customerId)).join(',');
			for (const [name, dir] of Object.entries(builds)) {
				await sandbox.admin('POST', 'reset');
				await sandbox.admin('DELETE', 'log');
				const m = await measure([
					'--job',
					'n8n',
					'--build',
					dir,
					'--items',
					String(N8N_ITEMS),
					'--url',
					sandbox.url,
					'--customers',
					ids,
				]);
				const vehicles = (
					await sandbox.admin('GET', `records/vehicles?companyId=${DEMO_COMPANY_ID}`)
				).records as IDataObjectLike[];
				const log = (await sandbox.admin('GET', 'log')).log as IDataObjectLike[];
				const written = vehicles.filter((v) => String(v.vin).startsWith('BULKVOL')).length;
				const requests = log.filter((e) => e.method === 'POST' && e.path === '/vehicles').length;
				console.log(name, N8N_ITEMS, JSON.stringify({ ...m, written, requests }));
				n8n.push({ build: name, ...m, written, requests });
			}
		} finally {
			sandbox.stop();
		}
		const markdown = report(handler, n8n, load);
		console.log(`\n${markdown}`);
		if (values.write) writeSection('bench:bulk', markdown);
		const missed = missedTargets(handler, n8n);
		if (missed.length > 0) {
			console.error(`After misses its targets: ${missed.join('; ')}`);
			process.exitCode = 1;
		}
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

/** What "after" must achieve: the largest handler run and the run through n8n-core. */
function missedTargets(
	handler: Array<{ build: string; items: number } & Measured>,
	n8n: Array<{ build: string } & Measured>,
): string[] {
	const largest = handler.filter((m) => m.build === 'after').sort((a, b) => b.items - a.items)[0];
	const through = n8n.find((m) => m.build === 'after') as Measured;
	return [
		Number(largest.cpuMs) < TARGETS.cpuMs ? '' : `handler CPU ${ms(largest.cpuMs)}`,
		Number(largest.stallMs) < TARGETS.stallMs ? '' : `handler stall ${ms(largest.stallMs)}`,
		Number(through.nodeStallMs) < TARGETS.n8nStallMs
			? ''
			: `stall in the node, through n8n-core: ${ms(through.nodeStallMs)}`,
		through.written === N8N_ITEMS ? '' : `${through.written} of ${N8N_ITEMS} written`,
	].filter(Boolean);
}

const ms = (value: unknown) => `${Math.round(Number(value)).toLocaleString('en-US')} ms`;
const mb = (value: unknown) => `${(Number(value) / 2 ** 20).toFixed(1)} MB`;
const ratio = (before: unknown, after: unknown) => (Number(after) / Number(before)).toFixed(3);

function report(
	handler: Array<{ build: string; items: number } & Measured>,
	n8n: Array<{ build: string } & Measured>,
	load: string,
): string {
	const pick = (build: string, items: number) =>
		handler.find((m) => m.build === build && m.items === items) as Measured;
	const handlerRows = SIZES.map((items) => {
		const [b, a] = [pick('before', items), pick('after', items)];
		return `| ${items.toLocaleString('en-US')} | ${ms(b.cpuMs)} | ${ms(a.cpuMs)} | ${ratio(b.cpuMs, a.cpuMs)} | ${ms(b.stallMs)} | ${ms(a.stallMs)} | ${ratio(b.stallMs, a.stallMs)} | ${mb(b.retainedPer10k)} / ${mb(a.retainedPer10k)} | ${mb(b.peakRssPer10k)} / ${mb(a.peakRssPer10k)} | ${b.requests} / ${a.requests} |`;
	});
	const [nb, na] = ['before', 'after'].map(
		(build) => n8n.find((m) => m.build === build) as Measured,
	);
	const largest = pick('after', Math.max(...SIZES));
	return `## Bulk writes at volume

Generated by \`npm run bench:bulk\` on ${new Date().toISOString().slice(0, 10)}: before = a build of \`${values.baseline}\`, after = this checkout, each measurement in a fresh Node.js ${process.version} process (${cpus().length} shared cores, load average ${load} at the start; compare the ratios, from this one run).

**The handler alone** (Vehicle → Create, \`benchmarks/bulkVolume/measure.ts\`): parameters already resolved, so no n8n expression evaluation; AutoLeap answers each request at once, in-process, so the time is the node's own (validation, batching, bookkeeping, the client and rate budget), as process CPU time. The stall is the longest event-loop delay while it runs (\`monitorEventLoopDelay\`, 1 ms resolution). Memory: heap retained by the output, and peak RSS growth, per 10,000 items. Targets for 100,000 items: CPU under ${ms(TARGETS.cpuMs)}, stall under ${ms(TARGETS.stallMs)} — after: ${ms(largest.cpuMs)} and ${ms(largest.stallMs)}.

| Items | CPU before | CPU after | after / before | Longest stall before | after | after / before | Heap retained per 10,000 (before / after) | Peak RSS growth per 10,000 (before / after) | Requests (before / after) |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${handlerRows.join('\n')}

**Through n8n-core** (\`test/harness\`, a Manual Trigger and the node with \`{{ $json.… }}\` expressions, as a workflow runs it), Create with ${N8N_ITEMS.toLocaleString('en-US')} items against the sandbox in another process (limits raised, so nothing waits for the rate budget). Written is the sandbox's count of the new vehicles. Target: no stall over ${ms(TARGETS.n8nStallMs)} in the node.

| Build | Written / reported written | Requests | Wall time | CPU | Longest stall | in the node | before it (n8n-core) | after it (n8n-core) | Stall p99 |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${[nb, na].map((m, i) => `| ${['before', 'after'][i]} | ${m.written} / ${m.reportedWritten} | ${m.requests} | ${ms(m.wallMs)} | ${ms(m.cpuMs)} | ${ms(m.stallMs)} | ${ms(m.nodeStallMs)} | ${ms(m.beforeNodeStallMs)} | ${ms(m.afterNodeStallMs)} | ${ms(m.stallP99Ms)} |`).join('\n')}
| after / before | | | ${ratio(nb.wallMs, na.wallMs)} | ${ratio(nb.cpuMs, na.cpuMs)} | ${ratio(nb.stallMs, na.stallMs)} | ${ratio(nb.nodeStallMs, na.nodeStallMs)} | | | |

The longest stall is \`monitorEventLoopDelay\`'s over the whole run; a 1 ms timer noting when it ran late splits the stalls into those while the node's handler ran and those of n8n-core's own work before it (the trigger handing over ${N8N_ITEMS.toLocaleString('en-US')} items) and after it (the output's bookkeeping), clipped where a stall spans the boundary. Most of the CPU is n8n's expression evaluation (three expressions per item). The target applies to the node's part; the rest is reported as measured.
`;
}

void main().catch((error) => {
	console.error(error);
	process.exit(1);
});
