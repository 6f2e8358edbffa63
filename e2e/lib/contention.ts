/**
 * The queue-mode contention run: several executions on several workers share one AutoLeap
 * partner account. Workflows started by production webhooks (so they run on workers), and a
 * report measured against the sandbox's request log and store.
 */
import { randomUUID } from 'node:crypto';

import type { RequestLogEntry, Sandbox } from '../../sandbox';
import { DEMO_COMPANY_ID } from '../../sandbox/seed';
import type { ConnectionOwners } from './attribution';
import { itemsOf, waitFor, type Execution, type N8nServer } from './n8n';
import type { QueueCluster } from './queue';
import { byId, chain, type Step, type WorkflowJson } from './workflow';

export const WINDOW_MS = 60_000;

/** A published workflow started by a production webhook (POST /webhook/<path>), answered at once. */
export function webhookWorkflow(
	id: string,
	name: string,
	path: string,
	steps: Step[],
): WorkflowJson {
	const workflow = chain(id, name, steps, {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	});
	workflow.nodes[0].webhookId = randomUUID();
	return workflow;
}

/** Vehicle → Create of `count` rows, each with a VIN unique to this run and execution. */
export function createWorkflow(
	index: number,
	tag: string,
	count: number,
	customerId: string,
): WorkflowJson {
	const prefix = `${tag}C${index}-`;
	return webhookWorkflow(
		`QueueCreate0000${index}`,
		`queue: create ${count} vehicles #${index}`,
		`queue-create-${index}`,
		[
			{
				name: 'Rows',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { vin: '${prefix}' + String(i).padStart(5, '0') } }));`,
				},
			},
			{
				name: 'Create Vehicles',
				parameters: {
					resource: 'vehicle',
					operation: 'create',
					companyId: DEMO_COMPANY_ID,
					customerId: byId(customerId),
					additionalFields: { make: 'Queue', vin: '={{ $json.vin }}' },
				},
			},
		],
	);
}

/** Vehicle → Get Many with Return All (100 per page), then a count (to keep the stored run small). */
export function readWorkflow(index: number): WorkflowJson {
	return webhookWorkflow(
		`QueueReadAll000${index}`,
		`queue: read all vehicles #${index}`,
		`queue-read-${index}`,
		[
			{
				name: 'Get Vehicles',
				parameters: {
					resource: 'vehicle',
					operation: 'getAll',
					companyId: DEMO_COMPANY_ID,
					returnAll: true,
				},
			},
			{
				name: 'Count',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode:
						'const ids = $input.all().map((i) => String(i.json.vehicleId)); return [{ json: { count: ids.length, distinct: new Set(ids).size } }];',
				},
			},
		],
	);
}

/** Waits until the main has registered a POST webhook (a GET is then refused as the wrong method). */
export async function webhookRegistered(main: N8nServer, path: string): Promise<void> {
	await waitFor(
		async () =>
			(await (await fetch(`${main.base}/webhook/${path}`)).text()).includes(
				'not registered for GET',
			),
		`webhook ${path}`,
		60_000,
		250,
	);
}

/** POSTs to a production webhook, retrying until the main has registered it. */
export async function fire(main: N8nServer, path: string): Promise<void> {
	await waitFor(
		async () =>
			(
				await fetch(`${main.base}/webhook/${path}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{}',
				})
			).ok,
		`webhook ${path}`,
		60_000,
		250,
	);
}

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	startedAt: string;
	stoppedAt: string | null;
}

const FINAL = new Set(['success', 'error', 'crashed', 'canceled']);

/** The executions of these workflows (no run data). */
export async function listExecutions(
	main: N8nServer,
	workflowIds: string[],
): Promise<ExecutionSummary[]> {
	return (
		await Promise.all(
			workflowIds.map(
				async (id) =>
					(await main.api<{ data: ExecutionSummary[] }>(`/executions?workflowId=${id}&limit=250`))
						.data,
			),
		)
	).flat();
}

/** Waits until each workflow has a finished execution not in `earlier`; returns those. */
export async function finishedExecutions(
	main: N8nServer,
	workflowIds: string[],
	timeoutMs: number,
	earlier = new Set<string>(),
): Promise<ExecutionSummary[]> {
	const fresh = async () =>
		(await listExecutions(main, workflowIds)).filter((e) => !earlier.has(e.id));
	await waitFor(
		async () => {
			const all = await fresh();
			return workflowIds.every((id) => all.some((e) => e.workflowId === id && FINAL.has(e.status)));
		},
		`executions of ${workflowIds.join(', ')}`,
		timeoutMs,
		3_000,
	);
	return await fresh();
}

const isWrite = (r: RequestLogEntry) => r.method !== 'GET';

/**
 * The least time the account's limits allow for the requests this run needed. AutoLeap's limit is
 * a sliding window that is empty when the run starts, so in each bucket the k-th request cannot be
 * accepted earlier than ⌊(k−1) ÷ limit⌋ windows after the first: n requests need at least
 * ⌊(n−1) ÷ limit⌋ × 60 s; the larger bucket wins. Needed = what the workload requires or what was
 * accepted, whichever is more (logins count as writes; refused requests do not count).
 * `sustainedMs` (n ÷ limit × 60 s) is the long-run rate, which a run beats by up to one window by
 * spending the empty window at once: it is no lower bound and only reported.
 */
export function minimumTime(
	accepted: { write: number; read: number },
	required: { write: number; read: number },
	limits = { write: 50, read: 150 },
) {
	const write = Math.max(accepted.write, required.write);
	const read = Math.max(accepted.read, required.read);
	const strict = (n: number, limit: number) => Math.floor(Math.max(n - 1, 0) / limit) * WINDOW_MS;
	const sustained = (n: number, limit: number) => (n / limit) * WINDOW_MS;
	return {
		write,
		read,
		ms: Math.max(strict(write, limits.write), strict(read, limits.read), 1),
		sustainedMs: Math.max(sustained(write, limits.write), sustained(read, limits.read)),
	};
}

/** "main", "worker N", "other process" (e.g. an `n8n execute`) or "unknown" (not attributed). */
export function processName(pid: number | undefined, names: Map<number, string>): string {
	if (pid === undefined) return 'unknown';
	return names.get(pid) ?? 'other process';
}

type Counts = Record<string, number>;
const bump = (counts: Counts, key: string, by = 1) => (counts[key] = (counts[key] ?? 0) + by);

/** 429s by minute of the run and by process; logins and refreshes by process; accepted requests. */
export function requestReport(
	log: RequestLogEntry[],
	from: number,
	owners: ConnectionOwners,
	names: Map<number, string>,
) {
	const processOf = (r: RequestLogEntry) => processName(owners.ownerOf(r), names);
	const rateLimited: Record<string, Counts> = {};
	const byProcess: Record<string, Counts> = {};
	const accepted = { write: 0, read: 0 };
	for (const r of log) {
		const who = processOf(r);
		const kind = isWrite(r) ? 'write' : 'read';
		const row = (byProcess[who] ??= {});
		if (r.status === 429) {
			bump((rateLimited[`minute ${Math.floor((r.at - from) / WINDOW_MS) + 1}`] ??= {}), who);
			bump(row, `429 ${kind}`);
		} else {
			accepted[kind]++;
			bump(row, kind);
		}
		if (r.path === '/partners/login' && r.status === 200) bump(row, 'logins');
		if (r.path === '/partners/generateNewAccessToken' && r.status !== 429)
			bump(row, r.status === 200 ? 'refreshes' : 'refused refreshes');
	}
	return { accepted, rateLimited, byProcess, total429: log.filter((r) => r.status === 429).length };
}

/** How many times each VIN with this prefix is held by the sandbox. */
export function vinCounts(sandbox: Sandbox, prefix: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const v of sandbox.store.list('vehicles', DEMO_COMPANY_ID)) {
		const vin = String(v.vin ?? '');
		if (vin.startsWith(prefix)) counts.set(vin, (counts.get(vin) ?? 0) + 1);
	}
	return counts;
}

export interface Contention {
	sandbox: Sandbox;
	cluster: QueueCluster;
	owners: ConnectionOwners;
	/** Prefix of this run's VINs (unique per run). */
	tag: string;
	creates: number;
	perCreate: number;
	reads: number;
}

/** The run's workflows; import them before the cluster starts, publish them after. */
export function contentionWorkflows(c: Contention): WorkflowJson[] {
	const customerId = String(c.sandbox.store.list('customers', DEMO_COMPANY_ID)[0].customerId);
	return [
		...Array.from({ length: c.creates }, (_, i) =>
			createWorkflow(i + 1, c.tag, c.perCreate, customerId),
		),
		...Array.from({ length: c.reads }, (_, i) => readWorkflow(i + 1)),
	];
}

/** Starts every create and read at once through their webhooks and measures the outcome. */
export async function runContention(c: Contention) {
	const main = c.cluster.main!;
	const ids = [
		...Array.from({ length: c.creates }, (_, i) => `QueueCreate0000${i + 1}`),
		...Array.from({ length: c.reads }, (_, i) => `QueueReadAll000${i + 1}`),
	];
	const paths = [
		...Array.from({ length: c.creates }, (_, i) => `queue-create-${i + 1}`),
		...Array.from({ length: c.reads }, (_, i) => `queue-read-${i + 1}`),
	];
	for (const path of paths) await webhookRegistered(main, path);
	const previous = new Set((await listExecutions(main, ids)).map((e) => e.id));
	const vehiclesBefore = c.sandbox.store.list('vehicles', DEMO_COMPANY_ID).length;
	const from = c.sandbox.requestLog.length;
	const started = Date.now();
	await Promise.all(paths.map(async (path) => await fire(main, path)));
	const summaries = await finishedExecutions(main, ids, 20 * 60_000, previous);
	const finished = Math.max(...summaries.map((e) => Date.parse(e.stoppedAt ?? '') || Date.now()));

	const full = new Map<string, Execution>();
	for (const id of ids) for (const e of await main.executions(id)) full.set(e.id, e);
	const ranOn = (id: string) => c.cluster.ranOn(id);
	const executions = summaries.map((s) => {
		const execution = full.get(s.id)!;
		const isCreate = s.workflowId.startsWith('QueueCreate');
		const node = isCreate ? 'Create Vehicles' : 'Count';
		const out = execution.data.resultData.runData[node] ? itemsOf(execution, node) : [];
		return {
			workflow: s.workflowId,
			execution: s.id,
			mode: s.mode,
			status: s.status,
			ranOn: ranOn(s.id),
			seconds: Math.round((Date.parse(s.stoppedAt ?? '') - Date.parse(s.startedAt)) / 1000),
			/** Create: items answered success; read: vehicles read. */
			itemsOk: isCreate
				? out.filter((item) => item.success === true).length
				: Number(out[0]?.count ?? 0),
			error: execution.data.resultData.error?.message,
		};
	});
	const counts = vinCounts(c.sandbox, c.tag);
	const expected = Array.from({ length: c.creates }, (_, e) =>
		Array.from(
			{ length: c.perCreate },
			(_, i) => `${c.tag}C${e + 1}-${String(i).padStart(5, '0')}`,
		),
	).flat();
	const log = c.sandbox.requestLog.slice(from).filter((r) => r.at <= finished + 1_000);
	const requests = requestReport(log, started, c.owners, c.cluster.processNames());
	const minimum = minimumTime(requests.accepted, {
		write: (c.creates * c.perCreate) / 100,
		read: c.reads * Math.ceil(vehiclesBefore / 100),
	});
	const totalMs = finished - started;
	return {
		totalSeconds: +(totalMs / 1000).toFixed(1),
		minimumSeconds: +(minimum.ms / 1000).toFixed(1),
		ratio: +(totalMs / minimum.ms).toFixed(2),
		minimum: {
			...minimum,
			rule: 'max(⌊(writes − 1) ÷ 50⌋, ⌊(reads − 1) ÷ 150⌋) × 60 s, each = max(needed, accepted)',
		},
		failedItems: executions
			.filter((e) => e.workflow.startsWith('QueueCreate'))
			.reduce((sum, e) => sum + (c.perCreate - e.itemsOk), 0),
		vehiclesMissing: expected.filter((vin) => !counts.has(vin)).length,
		vehiclesDuplicated: [...counts.values()].filter((n) => n > 1).length,
		vehiclesBefore,
		executions,
		requests: {
			...requests.accepted,
			total429: requests.total429,
			unattributedConnections: c.owners.unresolved,
		},
		byProcess: requests.byProcess,
		rateLimitedPerMinute: requests.rateLimited,
	};
}

export type ContentionReport = Awaited<ReturnType<typeof runContention>>;
