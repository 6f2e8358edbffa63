/**
 * A multi-shop partner at real volume, in one real n8n 2.41.1 (this package installed as a
 * community package), every figure from one run; section bench:volume of benchmarks/RESULTS.md.
 *
 *   (a) Return All of 100,000 vehicles: our node (Simplify on and off) against n8n's HTTP Request
 *       node with its pagination, at its defaults and paced to AutoLeap's GET limit;
 *   (b) Create 100,000 vehicles with our node, and n8n's HTTP Request node at its defaults on
 *       1,000 of those rows (one POST per item);
 *   (c) one AutoLeap Trigger over 20 shops, idle and busy: GETs per poll, changes emitted, the
 *       latency from a change to its execution.
 *
 * Each job of (a) and (b) runs in a fresh `n8n start` (the same user folder), started by a
 * production webhook: the RSS of the n8n process is sampled from /proc every 100 ms against its
 * RSS at rest before the call, its CPU time read from /proc, and its event loop watched from inside
 * by benchmarks/volume/probe.cjs (NODE_OPTIONS=--require). (a) and (b) scale AutoLeap's rate
 * window to WINDOW_MS (limits per window unchanged, the credential told the same); (c) runs at
 * AutoLeap's real limits and n8n's real minute. The chunked read is bench:chunks's.
 *
 *   npm run bench:volume                                            about 15 minutes
 *   npm run bench:volume -- --vehicles 5000 --creates 5000 --busy-minutes 1 --no-write
 *   npm run bench:volume -- --only shops
 *   npm run bench:volume -- --from e2e/.cache/volume-run.json      the section again from a run
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

import { N8n } from '../e2e/lib/n8n';
import { installRuntime, PACK_DIR, packPackage } from '../e2e/lib/runtime';
import { startSandbox, type Sandbox } from '../sandbox';
import { DEMO_COMPANY_ID, DEMO_PARTNER } from '../sandbox/seed';
import { createMany, HEADER_CREDENTIAL } from './n8n/workflows';
import { writeSection } from './results';
import { measureShops } from './volume/shops';
import { volumeSection, type JobRun, type VolumeRun } from './volume/report';
import { measure, progress } from './volume/run';
import { createOurs, readHttp, readOurs, shopsTrigger } from './volume/workflows';

const { values } = parseArgs({
	options: {
		vehicles: { type: 'string', default: '100000' },
		creates: { type: 'string', default: '100000' },
		'busy-minutes': { type: 'string', default: '3' },
		'no-write': { type: 'boolean', default: false },
		/** For a look at one part: "reads", "creates" or "shops" (nothing is written then). */
		only: { type: 'string' },
		/** Renders the section again from a run's figures (saved to e2e/.cache/volume-run.json). */
		from: { type: 'string' },
	},
});
const VEHICLES = Number(values.vehicles);
const CREATES = Number(values.creates);
/** HTTP Request at its defaults creates this many of the rows: enough to show one POST per item. */
const HTTP_CREATES = Math.min(1_000, CREATES);
/** AutoLeap's 60 s window / SCALE, as benchmarks/n8n: 150 GETs and 50 writes per 6 s. */
const SCALE = 10;
const WINDOW_MS = 60_000 / SCALE;
const LIMITS = { get: 150, write: 50, windowMs: WINDOW_MS };
const SHOPS_CREDENTIAL = { id: 'AutoLeapShops01', name: 'AutoLeap, 20 shops' };

async function main() {
	await installRuntime();
	const tarball = packPackage(mkdtempSync(join(tmpdir(), 'autoleap-bench-pack-')));
	const seededSandbox = await startSandbox({ port: 0 });
	const seeded = seededSandbox.store.list('vehicles', DEMO_COMPANY_ID).length;
	await seededSandbox.close();
	progress(`seeding ${VEHICLES} vehicles`);
	const sandbox = await startSandbox({ port: 0, bulkVehicles: VEHICLES - seeded, limits: LIMITS });
	const shops = await startSandbox({ port: 0, companies: 18 }); // 20 shops, AutoLeap's real limits
	const customerId = String(sandbox.store.list('vehicles', DEMO_COMPANY_ID)[0].customerId);
	const n8n = N8n.create(tarball);
	const probeBase = join(n8n.userFolder, 'loop');
	const load = [loadavg()[0]];
	const runs: JobRun[] = [];
	try {
		await n8n.importCredential({
			...DEMO_PARTNER,
			customUrl: sandbox.url,
			readsPerMinute: LIMITS.get,
			writesPerMinute: LIMITS.write,
			rateWindowMs: WINDOW_MS,
		});
		await n8n.importCredential({ ...DEMO_PARTNER, customUrl: shops.url }, SHOPS_CREDENTIAL);
		await importHeaderCredential(n8n, sandbox);
		const paced = Math.ceil(WINDOW_MS / LIMITS.get);
		const reads = [
			[readOurs(true), 'AutoLeap node, Get Many, Return All (Simplify on, the default)'],
			[readOurs(false), 'AutoLeap node, Get Many, Return All, Simplify off'],
			[readHttp(sandbox.url, 0), 'HTTP Request 4.5, pagination at its defaults + Split Out'],
			[
				readHttp(sandbox.url, paced),
				`HTTP Request 4.5, pagination, Interval Between Requests ${paced} ms (the GET limit) + Split Out`,
			],
		] as const;
		const create = createOurs(customerId);
		const httpCreate = createMany(sandbox.url, customerId, HTTP_CREATES).httpDefaults;
		const trigger = shopsTrigger(SHOPS_CREDENTIAL);
		await n8n.importWorkflows([
			...reads.map(([job]) => job.workflow),
			create.workflow,
			httpCreate.workflow,
			trigger,
		]);

		const part = (name: string) => !values.only || values.only === name;
		const minimumReads = Math.ceil(VEHICLES / 100);
		for (const [job, setup] of part('reads') ? reads : []) {
			progress(`(a) ${setup}`);
			runs.push({
				job: 'read',
				setup,
				minimum: minimumReads,
				...(await measure(n8n, sandbox, probeBase, job)),
			});
			save({ runs });
		}
		if (part('creates')) await creates();
		async function creates() {
			progress(`(b) Create ${CREATES} vehicles, our node`);
			const rows = Array.from({ length: CREATES }, (_, i) => ({ plate: `VOL-${i}` }));
			runs.push({
				job: 'create',
				setup: 'AutoLeap node, Vehicle → Create (100 per request)',
				minimum: Math.ceil(CREATES / 100),
				...(await measure(n8n, sandbox, probeBase, create, { rows })),
				written: countPlates(sandbox, 'VOL-'),
			});
			save({ runs });
			progress(`(b) Create ${HTTP_CREATES} vehicles, HTTP Request at its defaults`);
			runs.push({
				job: 'create',
				setup: `HTTP Request 4.5, one POST per item, defaults (${HTTP_CREATES.toLocaleString('en-US')} rows)`,
				minimum: Math.ceil(HTTP_CREATES / 100),
				...(await measure(n8n, sandbox, probeBase, httpCreate)),
				written: countPlates(sandbox, 'HTTP-'),
			});
			save({ runs });
		}
		if (!part('shops')) return;
		progress('(c) the 20-shop trigger, idle then busy (real minutes)');
		const shopsRun = await measureShops(n8n, shops, probeBase, trigger.id, {
			busyMinutes: Number(values['busy-minutes']),
		});
		save({ runs, shops: shopsRun });
		load.push(loadavg()[0]);
		const figures = {
			date: new Date().toISOString().slice(0, 10),
			vehicles: VEHICLES,
			creates: CREATES,
			scale: SCALE,
			limits: LIMITS,
			load,
			runs,
			shops: shopsRun,
		};
		save(figures);
		render(figures);
	} finally {
		await sandbox.close();
		await shops.close();
		n8n.dispose();
		rmSync(dirname(tarball), { recursive: true, force: true });
	}
}

/** The figures so far, in e2e/.cache/volume-run.json (for --from, or a look after a failure). */
function save(figures: object) {
	console.log(JSON.stringify(figures).slice(-3000));
	mkdirSync(PACK_DIR, { recursive: true });
	writeFileSync(join(PACK_DIR, 'volume-run.json'), JSON.stringify(figures, null, 1));
}

function render(figures: VolumeRun) {
	const markdown = volumeSection(figures);
	console.log(`\n${markdown}`);
	if (!values['no-write'] && !values.only) writeSection('bench:volume', markdown);
}

const countPlates = (sandbox: Sandbox, prefix: string) =>
	sandbox.store
		.list('vehicles', DEMO_COMPANY_ID)
		.filter((v) => String(v.licensePlate).startsWith(prefix)).length;

/** The HTTP Request side's credential: a token fetched from the sandbox beforehand (not counted). */
async function importHeaderCredential(n8n: N8n, sandbox: Sandbox) {
	const response = await fetch(`${sandbox.url}/partners/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(DEMO_PARTNER),
	});
	const token = ((await response.json()) as { data: { accessToken: string } }).data.accessToken;
	const file = join(n8n.userFolder, 'header-credential.json');
	const data = { name: 'Authorization', value: `Bearer ${token}` };
	writeFileSync(file, JSON.stringify([{ ...HEADER_CREDENTIAL, type: 'httpHeaderAuth', data }]));
	await n8n.cli(['import:credentials', `--input=${file}`]);
	rmSync(file, { force: true });
}

(values.from
	? Promise.resolve(render(JSON.parse(readFileSync(values.from, 'utf8')) as VolumeRun))
	: main()
).catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
