/**
 * n8n's memory for a big list: Return All of 100,000 vehicles against the same list read in chunks
 * of 5,000, in a real n8n 2.41.1 (`n8n start`, this package installed as a community package), each
 * run in a fresh n8n started by a production webhook, as a scheduled sync would run. The RSS of the
 * n8n process is sampled from /proc every 100 ms while the run goes, against its RSS at rest just
 * before the call. Three shapes:
 *
 *   - Return All: Get Many (Return All) → Sheet Rows (an Edit Fields node, the processing);
 *   - chunks looped in one execution: Get Many (Read in Chunks) → Split Out → Sheet Rows → Next
 *     Chunk → If more → back to Get Many (what Loop Over Items would be too: one execution);
 *   - chunks, a sub-workflow per chunk: e2e/workflows/chunks/loop.json calling
 *     one-chunk.json (the committed workflows; the Manual Trigger swapped for a Webhook).
 *
 * AutoLeap's rate limits are lifted (sandbox and credential), so the time is n8n's and the node's
 * work, not the budget's; the requests are counted all the same.
 *
 * Each shape runs with Node's default heap and with V8's old space limited as on a small instance
 * (512 MB): the default heap collects garbage late, so its peak says little about what is held.
 *
 *   npm run bench:chunks [-- --vehicles 100000 --chunk 5000 --heaps ,512]
 *   npm run bench:chunks -- --from run.log     the section again from the runs a cut-short run logged
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { itemsOf, N8n, type Execution, type N8nServer } from '../e2e/lib/n8n';
import { installRuntime, packPackage, ROOT } from '../e2e/lib/runtime';
import type { WorkflowJson } from '../e2e/lib/workflow';
import { startSandbox, type Sandbox } from '../sandbox';
import { DEMO_COMPANY_ID, DEMO_PARTNER } from '../sandbox/seed';
import { writeSection } from './results';

const { values } = parseArgs({
	options: {
		vehicles: { type: 'string', default: '100000' },
		chunk: { type: 'string', default: '5000' },
		heaps: { type: 'string', default: ',512' },
		/** The log of a run cut short: the section from the runs it logged, none run again. */
		from: { type: 'string' },
	},
});
const VEHICLES = Number(values.vehicles);
const CHUNK = Number(values.chunk);
const UNLIMITED = 1_000_000;
/** V8's old-space limits for n8n (MB) to run each shape with; empty: Node's default. */
const HEAPS = values.heaps.split(',').map((heap) => heap.trim());

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const progress = (what: string) =>
	console.log(`• ${what} (${new Date().toISOString().slice(11, 19)})`);
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;

const committed = (file: string) =>
	JSON.parse(readFileSync(join(ROOT, 'e2e', 'workflows', 'chunks', file), 'utf8')) as WorkflowJson;
type Node = WorkflowJson['nodes'][number] & { name: string; parameters: Record<string, any> };
const nodeOf = (workflow: WorkflowJson, name: string) =>
	workflow.nodes.find((n) => n.name === name) as Node;

/** The committed workflows: the loop (its trigger a webhook at `path`) and the one-chunk sub-workflow. */
function subWorkflowShape(path: string) {
	const loop = committed('loop.json');
	const oneChunk = committed('one-chunk.json');
	nodeOf(oneChunk, 'Get a Chunk of Vehicles').parameters.chunkSize = CHUNK;
	Object.assign(nodeOf(loop, 'Start'), webhookNode(path));
	return { trigger: loop, others: [oneChunk], count: countChunks('Read and Process a Chunk') };
}

/** The sub-workflow's nodes wired into one workflow, the loop going back to Get Many. */
function oneExecutionShape(path: string) {
	const oneChunk = committed('one-chunk.json');
	const loop = committed('loop.json');
	const nodes = [
		{ ...webhookNode(path), id: randomUUID(), name: 'Start', position: [0, 0] },
		nodeOf(loop, 'First Chunk'),
		...oneChunk.nodes.filter((n) => n.name !== 'When Called'),
		nodeOf(loop, 'More?'),
		nodeOf(loop, 'Done'),
	] as Node[];
	nodeOf(oneChunk, 'Get a Chunk of Vehicles').parameters.chunkSize = CHUNK;
	const to = (node: string) => [[{ node, type: 'main' as const, index: 0 }]];
	const workflow: WorkflowJson = {
		id: 'BenchChunksInOne',
		name: 'Bench: chunks looped in one execution',
		nodes: nodes.map((n, i) => ({ ...n, position: [i * 220, 0] })),
		connections: {
			Start: { main: to('First Chunk') },
			'First Chunk': { main: to('Get a Chunk of Vehicles') },
			'Get a Chunk of Vehicles': oneChunk.connections['Get a Chunk of Vehicles'],
			Vehicles: oneChunk.connections.Vehicles,
			'Sheet Rows': oneChunk.connections['Sheet Rows'],
			'Next Chunk': { main: to('More?') },
			'More?': { main: [to('Get a Chunk of Vehicles')[0], to('Done')[0]] },
		},
		active: false,
		settings: { executionOrder: 'v1' },
	};
	return { trigger: workflow, others: [], count: countChunks('Next Chunk') };
}

/** Get Many with Return All, then the same processing. */
function returnAllShape(path: string) {
	const oneChunk = committed('one-chunk.json');
	const get = nodeOf(oneChunk, 'Get a Chunk of Vehicles');
	const rows = nodeOf(oneChunk, 'Sheet Rows');
	const workflow: WorkflowJson = {
		id: 'BenchReturnAll100k',
		name: 'Bench: Return All',
		nodes: [
			{ ...webhookNode(path), id: randomUUID(), name: 'Start', position: [0, 0] },
			{
				...get,
				name: 'Get Vehicles',
				position: [220, 0],
				parameters: { ...get.parameters, readInChunks: false },
			},
			{ ...rows, position: [440, 0] },
		],
		connections: {
			Start: { main: [[{ node: 'Get Vehicles', type: 'main', index: 0 }]] },
			'Get Vehicles': { main: [[{ node: 'Sheet Rows', type: 'main', index: 0 }]] },
		},
		active: false,
		settings: { executionOrder: 'v1' },
	};
	return {
		trigger: workflow,
		others: [],
		count: (execution: Execution) => itemsOf(execution, 'Sheet Rows').length,
	};
}

/** Vehicles processed: the sum of the `vehicles` counts a node reported, chunk by chunk. */
const countChunks = (node: string) => (execution: Execution) =>
	itemsOf(execution, node).reduce((sum, item) => sum + Number(item.vehicles), 0);

const webhookNode = (path: string) => ({
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	webhookId: randomUUID(),
	// Answered at once (a run of minutes outlasts an HTTP client's patience); the run is then
	// followed in n8n's execution list.
	parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
});

/** The n8n process's resident memory (kB), from /proc; undefined once it has exited. */
function memoryOf(pid: number): { rss: number } | undefined {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		return { rss: Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) };
	} catch {
		return undefined;
	}
}

interface Run {
	shape: string;
	heap: string;
	atRest: number;
	peak: number;
	seconds: number;
	gets: number;
	processed: number;
	/** "ok", or what went wrong (n8n ran out of memory, the run failed). */
	outcome: string;
}

type Shape = (path: string) => {
	trigger: WorkflowJson;
	others: WorkflowJson[];
	count: (execution: Execution) => number;
};

/** One run of a shape in a fresh n8n, its old space limited to `heap` MB (empty: Node's default). */
async function measure(
	tarball: string,
	sandbox: Sandbox,
	shape: string,
	build: Shape,
	heap: string,
): Promise<Run> {
	const path = `bench-chunks-${randomUUID().slice(0, 8)}`;
	const { trigger, others, count } = build(path);
	const n8n = N8n.create(tarball);
	let server: N8nServer | undefined;
	try {
		await n8n.importCredential({
			...DEMO_PARTNER,
			customUrl: sandbox.url,
			readsPerMinute: UNLIMITED,
			writesPerMinute: UNLIMITED,
		});
		await n8n.importWorkflows([...others, trigger]);
		server = await n8n.start({
			env: heap ? { NODE_OPTIONS: `--max-old-space-size=${heap}` } : {},
		});
		const pid = server.pid!;
		// Published in the running n8n: the sub-workflow's version to call, the webhook registered.
		for (const workflow of [...others, trigger]) await publish(server, workflow.id);
		await sleep(5_000); // start-up work settles
		const atRest = memoryOf(pid)!.rss;
		sandbox.clearLog();
		progress(`${shape}, heap ${heap || 'default'}: running (n8n at rest: ${mb(atRest)})`);
		let peak = atRest;
		let running = true;
		const sampler = (async () => {
			while (running) {
				peak = Math.max(peak, memoryOf(pid)?.rss ?? 0);
				await sleep(100);
			}
		})();
		const response = await fetch(`${server.base}/webhook/${path}`, { method: 'POST', body: '{}' });
		await response.text();
		const finished = response.ok ? await finishedRun(server, trigger.id) : undefined;
		running = false;
		await sampler;
		const gets = sandbox.requestLog.filter((r) => r.method === 'GET' && r.path === '/vehicles');
		const seconds = finished?.seconds ?? 0;
		const run = { shape, heap: heap || 'default', atRest, peak, seconds, gets: gets.length };
		if (server.exited) {
			const log = readFileSync(server.logFile, 'utf8');
			const outcome = /heap out of memory/i.test(log) ? 'n8n ran out of memory' : 'n8n exited';
			return report({ ...run, processed: 0, outcome });
		}
		// Reading a big run's data back can take more memory than the run did (n8n loads it whole).
		const read = await server.executions(trigger.id).catch(() => undefined);
		if (!read) {
			const outcome = `run ${finished?.status}; n8n died reading its data back`;
			return report({ ...run, processed: 0, outcome });
		}
		const [execution] = read.slice(-1);
		const processed = execution ? count(execution) : 0;
		const ok = finished?.status === 'success' && processed === VEHICLES;
		return report({ ...run, processed, outcome: ok ? 'ok' : 'the run failed' });
	} finally {
		await server?.stop();
		n8n.dispose();
	}
}

function report(run: Run): Run {
	console.log(JSON.stringify(run));
	return run;
}

/**
 * The workflow's run once n8n lists it as finished (its status, and its time by n8n's own start and
 * stop stamps); undefined when n8n exits first.
 */
async function finishedRun(server: N8nServer, workflowId: string) {
	type Listed = { status: string; startedAt: string; stoppedAt?: string | null };
	while (!server.exited) {
		const { data } = await server
			.api<{ data: Listed[] }>(`/executions?workflowId=${workflowId}&limit=1`)
			.catch(() => ({ data: [] as Listed[] }));
		const [last] = data;
		if (last?.stoppedAt && !['new', 'running', 'waiting'].includes(last.status)) {
			const seconds = (Date.parse(last.stoppedAt) - Date.parse(last.startedAt)) / 1000;
			return { status: last.status, seconds };
		}
		await sleep(1_000);
	}
	return undefined;
}

/** Publishes a workflow's current version, as the editor's Publish button does. */
async function publish(server: N8nServer, id: string) {
	const { versionId } = await server.rest<{ versionId: string }>(`/workflows/${id}`);
	await server.rest(`/workflows/${id}/activate`, {
		method: 'POST',
		body: JSON.stringify({ versionId }),
	});
}

const SHAPES: Array<[string, Shape]> = [
	['Return All', returnAllShape],
	['Chunks looped in one execution', oneExecutionShape],
	['Chunks, a sub-workflow per chunk', subWorkflowShape],
];

/** Every shape with every heap; the load average (1 min) at the start and at the end. */
async function measureAll(): Promise<{ runs: Run[]; load: string; stopped?: string }> {
	await installRuntime();
	const tarball = packPackage(mkdtempSync(join(tmpdir(), 'autoleap-bench-pack-')));
	const probe = await startSandbox({ port: 0 });
	const seeded = probe.store.list('vehicles', DEMO_COMPANY_ID).length;
	await probe.close();
	const sandbox = await startSandbox({
		port: 0,
		bulkVehicles: VEHICLES - seeded,
		limits: { get: UNLIMITED, write: UNLIMITED },
	});
	const load = () => loadavg()[0].toFixed(2);
	const loadAtStart = load();
	const runs: Run[] = [];
	try {
		for (const heap of HEAPS)
			for (const [shape, build] of SHAPES)
				runs.push(await measure(tarball, sandbox, shape, build, heap));
	} finally {
		await sandbox.close();
	}
	return { runs, load: `load average ${loadAtStart} at the start, ${load()} at the end` };
}

/** The runs a cut-short run logged (its JSON lines), and the shapes it did not reach. */
function fromLog(file: string): { runs: Run[]; load: string; stopped: string } {
	const runs = readFileSync(file, 'utf8')
		.split('\n')
		.filter((line) => line.startsWith('{"shape"'))
		.map((line) => JSON.parse(line) as Run);
	const missing = HEAPS.flatMap((heap) =>
		SHAPES.filter(
			([shape]) => !runs.some((r) => r.shape === shape && r.heap === (heap || 'default')),
		).map(([shape]) => `${shape} with old space ${heap || 'default'}`),
	);
	const stopped = missing.length
		? `Not measured: ${missing.join('; ')} — the run stopped at the first of them (its log says why).`
		: '';
	return { runs, load: "rows from the run's log, which does not keep the load average", stopped };
}

async function main() {
	const { runs, load, stopped } = values.from ? fromLog(values.from) : await measureAll();
	const thousands = (n: number) => n.toLocaleString('en-US');
	const growth = (run: Run) => run.peak - run.atRest;
	const rows = runs.map((run) => {
		const returnAll = runs.find((r) => r.heap === run.heap && r.shape === 'Return All')!;
		const ratio =
			run === returnAll || returnAll.outcome !== 'ok'
				? '–'
				: (growth(run) / growth(returnAll)).toFixed(2);
		const done = run.outcome === 'ok' ? thousands(run.processed) : `**${run.outcome}**`;
		return `| ${run.shape} | ${run.heap} | ${mb(run.atRest)} | ${mb(run.peak)} | ${mb(growth(run))} | ${ratio} | ${run.seconds.toFixed(1)} s | ${thousands(run.gets)} | ${done} |`;
	});
	writeSection(
		'bench:chunks',
		[
			'## A big list in chunks: n8n’s memory',
			'',
			`Generated by \`npm run bench:chunks\` on ${new Date().toISOString().slice(0, 10)} (${load}; 2 shared cores):`,
			`${thousands(VEHICLES)} vehicles (Simplify on) read by the AutoLeap node in n8n 2.41.1 and passed through an Edit Fields node (six fields per vehicle),`,
			`each run in a fresh \`n8n start\` started by a production webhook; chunks of ${thousands(CHUNK)}. The RSS of the n8n process is sampled from`,
			'/proc every 100 ms while the run goes; *at rest* is just before the call. *Old space*: V8’s heap limit for n8n (`--max-old-space-size`,',
			'MB), Node’s default or that of a small instance. Rate limits lifted on both sides (the time is n8n’s and the node’s work); executions',
			'saved as n8n does by default, but the one-chunk sub-workflow’s, which its settings do not save.',
			'',
			'| Shape | Old space | n8n at rest | Peak during the run | Growth | Growth ÷ Return All’s | Time | GETs | Vehicles processed |',
			'| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
			...rows,
			...(stopped ? ['', stopped] : []),
			'',
			'*Chunks looped in one execution* is Get Many (Read in Chunks) → Split Out → Edit Fields → Next Chunk → If more → back to Get Many;',
			'n8n keeps every run of every node of an execution until it ends, as it would with Loop Over Items. *A sub-workflow per chunk* is',
			'`e2e/workflows/chunks/loop.json` calling `one-chunk.json`: each chunk is an execution of its own, and the loop keeps one small',
			'item per chunk. With Node’s default heap V8 collects garbage late, so the peak shows what was allocated more than what was held',
			'(a small old space makes it collect early). GETs: the pages once, the page where the last chunk',
			'ended once more per chunk, and a probe in every chunk but the last (a Return All of this unfiltered list in ID order needs none).',
		].join('\n'),
	);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
