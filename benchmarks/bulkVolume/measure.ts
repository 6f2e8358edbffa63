/**
 * One measurement of `npm run bench:bulk`, in a process of its own (a fresh heap, nothing else on
 * its event loop): `--build <dir>` holds a compiled checkout (nodes/, credentials/).
 *   --job handler --items N   Vehicle → Create's handler alone: parameters already resolved (no
 *                             n8n expression evaluation), AutoLeap answering at once in-process.
 *   --job n8n --items N --url U --customers a,b,…   Create through n8n-core (test/harness) against
 *                             the sandbox at U, in another process.
 * Prints one JSON line: times, the longest event-loop stall, memory, requests.
 */
import '../../scripts/n8n-env';

import { join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { DEMO_COMPANY_ID, DEMO_PARTNER } from '../../sandbox/seed';
import { CredentialStore, runNode } from '../../test/harness';

const { values } = parseArgs({
	options: {
		job: { type: 'string' },
		build: { type: 'string' },
		items: { type: 'string' },
		url: { type: 'string', default: 'http://127.0.0.1:9/v2' },
		customers: { type: 'string', default: 'c-1' },
	},
});
const build = resolve(String(values.build));
const items = Number(values.items);
const HIGH = 1_000_000;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (path: string) => require(join(build, path));
const { AutoLeap } = load('nodes/AutoLeap/AutoLeap.node.js') as { AutoLeap: new () => INodeType };
const { AutoLeapApi } = load('credentials/AutoLeapApi.credentials.js');
const { tokenOwnerOf } = load('nodes/shared/autoleap/account.js');

const customers = String(values.customers).split(',');
const rows = Array.from({ length: items }, (_, i) => ({
	customerId: customers[i % customers.length],
	vin: `BULKVOL${String(i).padStart(10, '0')}`,
	year: 2000 + (i % 25),
}));

const turns = () => new Promise((resolve) => setTimeout(resolve, 10));

/**
 * The longest event-loop delay while `work` runs (ms), and the work's result. The monitor's timer
 * needs a turn before the work (its first tick is the baseline: a block before it goes unseen)
 * and one after it (a block is recorded when the timer finally fires).
 */
async function watched<T>(work: () => Promise<T>) {
	const delay = monitorEventLoopDelay({ resolution: 1 });
	delay.enable();
	await turns();
	const cpu = process.cpuUsage();
	const started = performance.now();
	const result = await work();
	const wallMs = performance.now() - started;
	const used = process.cpuUsage(cpu);
	await turns();
	delay.disable();
	return {
		result,
		wallMs,
		cpuMs: (used.user + used.system) / 1000,
		stallMs: delay.max / 1e6,
		stallP99Ms: delay.percentile(99) / 1e6,
	};
}

/** The n8n context Vehicle → Create reads: resolved parameters, and an AutoLeap that answers at once. */
function handlerContext(sent: { requests: number; records: number }): IExecuteFunctions {
	const credentials: IDataObject = {
		...DEMO_PARTNER,
		environment: 'custom',
		customUrl: values.url,
		readsPerMinute: HIGH,
		writesPerMinute: HIGH,
		accessToken: 'bench-token',
	};
	credentials.tokenOwner = tokenOwnerOf(credentials);
	const node = {
		name: 'AutoLeap',
		type: 'autoLeap',
		typeVersion: 1,
		parameters: {},
		credentials: { autoLeapApi: { id: '1', name: 'AutoLeap' } },
	};
	const parameter = (name: string, i: number, fallback: unknown) => {
		const row = rows[i];
		if (name === 'companyId') return DEMO_COMPANY_ID;
		if (name === 'customerId') return row.customerId;
		if (name === 'inputMode') return 'fields';
		if (name === 'additionalFields') return { vin: row.vin, year: row.year, make: 'Ford' };
		return fallback;
	};
	const ack = { success: true, message: 'Request completed successfully', data: {} };
	return {
		getInputData: () => rows.map((json) => ({ json })),
		getNodeParameter: parameter,
		getNode: () => node,
		continueOnFail: () => false,
		getCredentials: async () => credentials,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: { body: IDataObject }) => {
				sent.requests++;
				sent.records += (options.body.vehicles as unknown[]).length;
				return { body: ack, headers: { date: new Date().toUTCString() } };
			},
		},
	} as unknown as IExecuteFunctions;
}

async function handlerJob() {
	const sent = { requests: 0, records: 0 };
	const context = handlerContext(sent);
	const create = (new AutoLeap() as INodeType & { customOperations: Operations }).customOperations;
	global.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const rssBefore = process.memoryUsage().rss;
	const run = await watched(async () => await create.vehicle.create.call(context));
	const peakRss = process.resourceUsage().maxRSS * 1024;
	global.gc?.();
	const retained = process.memoryUsage().heapUsed - heapBefore;
	const out = (run.result as unknown[][])[0].length;
	return {
		...run,
		result: undefined,
		out,
		...sent,
		retainedPer10k: (retained / items) * 10_000,
		peakRssPer10k: (Math.max(0, peakRss - rssBefore) / items) * 10_000,
	};
}

async function n8nJob() {
	const credentials = new CredentialStore([new AutoLeapApi()], {
		autoLeapApi: {
			...DEMO_PARTNER,
			environment: 'custom',
			customUrl: values.url,
			readsPerMinute: HIGH,
			writesPerMinute: HIGH,
		},
	});
	const parameters = {
		resource: 'vehicle',
		operation: 'create',
		companyId: DEMO_COMPANY_ID,
		customerId: { __rl: true, mode: 'id', value: '={{ $json.customerId }}' },
		additionalFields: { vin: '={{ $json.vin }}', year: '={{ $json.year }}', make: 'Ford' },
	};
	// When the node's handler runs, to tell its stalls from n8n-core's around it (the trigger's
	// 50,000 items, the output's bookkeeping).
	const node = new AutoLeap() as INodeType & { customOperations: Operations };
	const create = node.customOperations.vehicle.create;
	const handler = { start: Infinity, end: Infinity };
	node.customOperations.vehicle.create = async function (this: IExecuteFunctions) {
		handler.start = performance.now();
		const result = await create.call(this);
		handler.end = performance.now();
		return result;
	};
	const gaps = gapTracker();
	const run = await watched(
		async () => await runNode({ nodeType: node, parameters, inputItems: rows, credentials }),
	);
	// Each stall clipped to before the handler, the handler, and after it (a stall that began
	// before the handler and ended in it was n8n-core's work in part).
	const stalls = gaps.stop();
	const longest = (from: number, to: number) =>
		Math.max(0, ...stalls.map((gap) => Math.min(gap.end, to) - Math.max(gap.start, from)));
	const { items: output, error } = run.result;
	return {
		...run,
		result: undefined,
		beforeNodeStallMs: longest(-Infinity, handler.start),
		nodeStallMs: longest(handler.start, handler.end),
		afterNodeStallMs: longest(handler.end, Infinity),
		out: output.length,
		reportedWritten: output.filter((item) => item.json.success === true).length,
		error: error?.message,
	};
}

type Operation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;
type Operations = Record<string, Record<string, Operation>>;

/** Every event-loop turn over 20 ms: a 1 ms timer that notes when it was late, and by how much. */
function gapTracker() {
	const gaps: Array<{ start: number; end: number }> = [];
	let last = performance.now();
	const note = () => {
		const now = performance.now();
		if (now - last > 20) gaps.push({ start: last, end: now });
		last = now;
	};
	const timer = setInterval(note, 1);
	return {
		stop: () => {
			note();
			clearInterval(timer);
			return gaps;
		},
	};
}

void (values.job === 'handler' ? handlerJob() : n8nJob()).then((result) => {
	process.stdout.write(`${JSON.stringify(result)}\n`);
	process.exit(0);
});
