/**
 * How often a busy shop makes a Return All of 10,000 vehicles fail or read again. The AutoLeap node
 * runs through n8n-core (test/harness) against one sandbox while a "shop" changes one vehicle per
 * AutoLeap second; every read is compared with the sandbox's records (those that matched when it
 * began and when it ended), and with what its first read's pages alone would have output (the
 * node before the probe: the same pages, deduplicated, failing only when the count is off).
 *
 * Time runs SCALE× faster than AutoLeap's (default 10): the rate window (150 GETs per 60 s / SCALE,
 * the credential told the same), a page's latency (250 ms / SCALE) and the shop (one change per
 * 1000 ms / SCALE), so that changes per read are those of the real pace. The node's own margins
 * (commit lag, the Date header's whole seconds) are not scaled, so its probes look back further.
 *
 *   npm run bench:lists [-- --reads 12 --scale 10]
 */
import '../scripts/n8n-env';

import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AutoLeapApi } from '../credentials/AutoLeapApi.credentials';
import { AutoLeap } from '../nodes/AutoLeap/AutoLeap.node';
import { readPages } from '../nodes/shared/autoleap/transport/pagination';
import { startSandbox } from '../sandbox';
import type { Sandbox, SandboxRecord } from '../sandbox';
import { DEMO_COMPANY_ID, DEMO_PARTNER } from '../sandbox/seed';
import { startRewritingProxy } from '../test/fixtures/rewritingProxy';
import { CredentialStore, runNode } from '../test/harness';
import { writeSection } from './results';

const { values } = parseArgs({
	options: {
		reads: { type: 'string', default: '12' },
		scale: { type: 'string', default: '10' },
	},
});
const READS = Number(values.reads);
const SCALE = Number(values.scale);
const WINDOW_MS = 60_000 / SCALE;
const PAGE_MS = 250 / SCALE;
const CHANGE_EVERY_MS = 1_000 / SCALE;
const HOUR = 3_600_000;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** What the shop does once per AutoLeap second, chosen at random with these weights. */
type Change = 'edit' | 'create' | 'archive' | 'rename';

interface Scenario {
	name: string;
	records: number;
	mix: Partial<Record<Change, number>>;
	parameters?: IDataObject;
	/** Lists hide archived records. */
	hidden?: boolean;
	matches: (vehicle: SandboxRecord, started: number) => boolean;
}

const listed = (v: SandboxRecord) => v.vehicleStatus !== 'Inactive';
const SCENARIOS: Scenario[] = [
	{
		name: 'All vehicles (ID order); edits 90 %, new vehicles 10 %',
		records: 10_000,
		mix: { edit: 9, create: 1 },
		matches: () => true,
	},
	{
		name: 'All vehicles, newest first; edits 90 %, new vehicles 10 %',
		records: 10_000,
		mix: { edit: 9, create: 1 },
		parameters: { filters: { sortDirection: 'DESC' } },
		matches: () => true,
	},
	{
		name: 'Sort By make; edits 90 %, a make changed 10 %',
		records: 10_000,
		mix: { edit: 9, rename: 1 },
		parameters: { filters: { sort: 'make' } },
		matches: () => true,
	},
	{
		name: 'All vehicles, lists hide archived; edits 90 %, archives 10 %',
		records: 10_000,
		mix: { edit: 9, archive: 1 },
		hidden: true,
		matches: listed,
	},
	{
		name: 'Updated Before an hour ago; every edit takes a vehicle out',
		records: 10_000,
		mix: { edit: 1 },
		parameters: { filters: { updatedDateEnd: 'HOUR_AGO' } },
		matches: (v, started) => Date.parse(v.updatedDate) <= started - HOUR,
	},
	{
		name: 'All vehicles, lists hide archived; edits 90 %, archives 10 %',
		records: 2_000,
		mix: { edit: 9, archive: 1 },
		hidden: true,
		matches: listed,
	},
	{
		name: 'Updated Before an hour ago; every edit takes a vehicle out',
		records: 2_000,
		mix: { edit: 1 },
		parameters: { filters: { updatedDateEnd: 'HOUR_AGO' } },
		matches: (v, started) => Date.parse(v.updatedDate) <= started - HOUR,
	},
];

/** The shop: one change every CHANGE_EVERY_MS while it runs; counts them. */
function startShop(sandbox: Sandbox, mix: Scenario['mix']) {
	const weighted = Object.entries(mix).flatMap(([change, weight]) =>
		Array<Change>(weight ?? 0).fill(change as Change),
	);
	let changes = 0;
	// Copied once: the sandbox hands out copies, too slow to take ten times a second.
	const all = sandbox.store.list('vehicles', DEMO_COMPANY_ID).filter(listed);
	const timer = setInterval(() => {
		const pick = all[Math.floor(Math.random() * all.length)];
		const change = weighted[Math.floor(Math.random() * weighted.length)];
		changes++;
		if (change === 'create') {
			sandbox.store.create('vehicles', {
				companyId: DEMO_COMPANY_ID,
				customerId: pick.customerId,
				make: 'New',
				vehicleStatus: 'Active',
			});
		} else {
			const patch =
				change === 'archive'
					? { vehicleStatus: 'Inactive' }
					: change === 'rename'
						? { make: `${String(pick.make)}x` }
						: { mileage: Number(pick.mileage ?? 0) + 1 };
			sandbox.store.update('vehicles', pick.vehicleId, patch);
		}
	}, CHANGE_EVERY_MS);
	return {
		get changes() {
			return changes;
		},
		stop: () => clearInterval(timer),
	};
}

interface Outcome {
	node: 'whole' | 'whole, read twice' | 'failed' | 'WRONG';
	pagesAlone: 'whole' | 'short' | 'failed';
	requests: number;
	changes: number;
}

async function measure(scenario: Scenario): Promise<Outcome[]> {
	const probe = await startSandbox({ port: 0 });
	const seeded = probe.store.list('vehicles', DEMO_COMPANY_ID).length;
	await probe.close();
	const sandbox = await startSandbox({
		port: 0,
		bulkVehicles: scenario.records - seeded,
		latencyMs: PAGE_MS,
		limits: { windowMs: WINDOW_MS },
		archived: scenario.hidden ? 'hidden' : 'listed',
	});
	// The first read's pages as the node got them, and the shop when it asked what changed.
	let firstPages: unknown[] = [];
	let afterFirst: Set<string> | undefined;
	let started = 0;
	const matching = () =>
		new Set(
			sandbox.store
				.list('vehicles', DEMO_COMPANY_ID)
				.filter((v) => scenario.matches(v, started))
				.map((v) => String(v.vehicleId)),
		);
	const proxy = await startRewritingProxy(sandbox.url, {
		request: (call) => {
			if (call.path.endsWith('/vehicles') && call.query.has('updatedDateStart'))
				afterFirst ??= matching();
		},
		response: (answer, call) => {
			if (call.path.endsWith('/vehicles') && !afterFirst && !call.query.has('updatedDateStart'))
				firstPages.push(answer.body);
		},
	});
	const credentials = new CredentialStore([new AutoLeapApi()], {
		autoLeapApi: {
			...DEMO_PARTNER,
			environment: 'custom',
			customUrl: proxy.url,
			rateWindowMs: WINDOW_MS,
			accessToken: '',
		},
	});
	const outcomes: Outcome[] = [];
	try {
		for (let i = 0; i < READS; i++) {
			await sleep(WINDOW_MS); // each read starts on an empty rate window
			sandbox.clearLog();
			[firstPages, afterFirst, started] = [[], undefined, Date.now()];
			const filters = JSON.parse(
				JSON.stringify(scenario.parameters ?? {}).replace(
					'HOUR_AGO',
					new Date(started - HOUR).toISOString(),
				),
			) as INodeParameters;
			const before = matching();
			const shop = startShop(sandbox, scenario.mix);
			const result = await runNode({
				nodeType: new AutoLeap(),
				credentials,
				parameters: {
					resource: 'vehicle',
					operation: 'getAll',
					companyId: DEMO_COMPANY_ID,
					returnAll: true,
					...filters,
				},
			});
			shop.stop();
			const after = matching();
			const throughout = [...before].filter((id) => after.has(id));
			const output = new Set(result.items.map((item) => String(item.json.vehicleId)));
			const reads = sandbox.requestLog.filter(
				(r) => r.path === '/vehicles' && r.query.page === '1' && !r.query.updatedDateStart,
			).length;
			outcomes.push({
				node: result.error
					? 'failed'
					: throughout.some((id) => !output.has(id))
						? 'WRONG'
						: reads > 1
							? 'whole, read twice'
							: 'whole',
				pagesAlone: await pagesAlone(firstPages, before, afterFirst ?? after),
				requests: sandbox.requestLog.filter((r) => r.path === '/vehicles').length,
				changes: shop.changes,
			});
			console.log(JSON.stringify({ scenario: scenario.name, ...outcomes[outcomes.length - 1] }));
		}
	} finally {
		await proxy.close();
		await sandbox.close();
	}
	return outcomes;
}

/** What the first read's pages alone would have output: whole, short (silently), or an error. */
async function pagesAlone(pages: unknown[], before: Set<string>, after: Set<string>) {
	const read = await readPages(async (page) => pages[page - 1], {
		keyOf: (r) => String(r.vehicleId),
	});
	if (read.countProblem) return 'failed' as const;
	const output = new Set(read.records.map((r) => String(r.vehicleId)));
	const lost = [...before].some((id) => after.has(id) && !output.has(id));
	return lost ? ('short' as const) : ('whole' as const);
}

async function main(): Promise<void> {
	const load = () => loadavg()[0].toFixed(2);
	const loadAtStart = load();
	const rows: string[] = [];
	for (const scenario of SCENARIOS) {
		const outcomes = await measure(scenario);
		const count = (test: (o: Outcome) => boolean) => outcomes.filter(test).length;
		const mean = (field: 'requests' | 'changes') =>
			(outcomes.reduce((sum, o) => sum + o[field], 0) / outcomes.length).toFixed(1);
		rows.push(
			`| ${scenario.records.toLocaleString('en-US')} | ${scenario.name} | ${mean('changes')} | ${count((o) => o.node === 'whole')} | ${count((o) => o.node === 'whole, read twice')} | ${count((o) => o.node === 'failed')} | ${count((o) => o.node === 'WRONG')} | ${mean('requests')} | ${count((o) => o.pagesAlone === 'short')} / ${count((o) => o.pagesAlone === 'failed')} |`,
		);
	}
	writeSection(
		'bench:lists',
		[
			'## Return All while the shop keeps working',
			'',
			`Generated by \`npm run bench:lists\` on ${new Date().toISOString().slice(0, 10)} (load average ${loadAtStart} at the start, ${load()} at the end, 2 shared cores):`,
			`the AutoLeap node through n8n-core (the test harness), ${READS} Return All`,
			'reads per row against one sandbox, while the shop changes one vehicle per AutoLeap second (a random vehicle, the kind of change drawn from',
			`the row's mix). **Time scaled ×${SCALE}**: AutoLeap's rate window (150 GETs per ${WINDOW_MS / 1000} s, the credential told the same), a page's latency`,
			`(${PAGE_MS} ms for an assumed 250 ms) and the shop (a change every ${CHANGE_EVERY_MS} ms) all run ${SCALE}× faster, so a read meets the changes it`,
			'would meet at the real pace; the node’s own margins (2 s commit lag, the Date header’s whole seconds) are not scaled. Each read starts on an',
			'empty rate window. A read is *whole* when every vehicle that matched the filters when it began and when it ended was output;',
			'*WRONG* would be a success that is not. *Pages alone* is what the same read’s first pages would have given without the probe (the',
			'node before this change): silently short, or failed because AutoLeap’s count was off.',
			'',
			'| Vehicles | Filters; what the shop does | Changes per read | Whole | Whole, read twice | Failed (names what moved) | WRONG | GETs per read (mean) | Pages alone: short / failed |',
			'| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
			...rows,
			'',
			'A second read happens only when the rate budget can take it without waiting (a twelfth of the window): a',
			'10,000-vehicle read (101 GETs) leaves no room for another 101 within AutoLeap’s 150 per minute, so it fails at once.',
		].join('\n'),
	);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
