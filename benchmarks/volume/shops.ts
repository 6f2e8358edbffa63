/**
 * (c) of bench:volume: one AutoLeap Trigger (Vehicle Updated, every company in the profile, every
 * minute) over 20 shops, published in a real n8n at AutoLeap's real limits and n8n's real minute.
 * Idle: the polls after publishing while nothing changes. Busy: for `busyMinutes`, a change in one
 * shop every 3 s (each shop once a minute), and at the start an import of IMPORTED vehicles into
 * one shop. What each poll asked (the sandbox's log) and emitted (n8n's executions), and the
 * latency from each change to the start of the execution that emitted it.
 */
import { itemsOf, type N8n, type N8nServer } from '../../e2e/lib/n8n';
import type { Sandbox } from '../../sandbox';
import { DEMO_COMPANY_2_ID, DEMO_COMPANY_ID, extraCompanyIds } from '../../sandbox/seed';
import { clusters } from '../n8n/report';
import { probed, progress, publish, sleep } from './run';

export const SHOPS = [DEMO_COMPANY_ID, DEMO_COMPANY_2_ID, ...extraCompanyIds(18)];
const IDLE_POLLS = 2;
/**
 * Made at once, so within a second or two of AutoLeap's time: 10 pages. (A trial with 3,000 came
 * out in none of the 3 polls it was given: an import larger than its shop's share is re-read until
 * it has aged past the Overlap, 5 minutes; README, Fair share.)
 */
const IMPORTED = 1_000;
/** The importing shop's place in SHOPS: the single changes go round the shops, change k in shop k % 20. */
export const IMPORTING_AT = 3;
const IMPORTING = SHOPS[IMPORTING_AT];

export interface Poll {
	at: number;
	lists: number;
	profile: number;
	/** From its first request to its last (ms). */
	spanMs: number;
	/** Items of the execution this poll started; 0 when none. */
	emitted: number;
}

export interface ShopsRun {
	shops: number;
	idle: Poll[];
	idleExecutions: number;
	busy: Poll[];
	busyMinutes: number;
	changes: number;
	imported: number;
	/** Per single change: start of the execution that emitted it − when it was made (ms). */
	latencies: number[];
	/** Changes (single or imported) emitted more than once, or not at all by the end. */
	doubled: number;
	missing: number;
	/** When the last imported vehicle's execution started, after the import (ms), and in which busy poll. */
	importDoneMs?: number;
	importDonePoll?: number;
	rateLimited: number;
}

export async function measureShops(
	n8n: N8n,
	shops: Sandbox,
	probeBase: string,
	workflowId: string,
	{ busyMinutes }: { busyMinutes: number },
): Promise<ShopsRun> {
	const server: N8nServer = await probed(n8n, probeBase);
	try {
		shops.clearLog();
		await publish(server, workflowId);
		const polls = () => clusters(shops.requestLog.filter((r) => r.method === 'GET'));
		const until = async (done: () => boolean | Promise<boolean>, ms: number) => {
			const deadline = Date.now() + ms;
			while (!(await done()) && Date.now() < deadline) await sleep(1_000);
		};
		// The poll at publishing, then IDLE_POLLS scheduled ones with nothing changed.
		await until(() => polls().length >= 1 + IDLE_POLLS, (IDLE_POLLS + 1) * 60_000 + 30_000);
		await sleep(6_000); // the last idle poll's requests have all come
		const idleCount = polls().length;
		const idleExecutions = (await server.executions(workflowId)).length;
		progress(`(c) ${idleCount} polls idle; busy for ${busyMinutes} min`);

		const made = new Map<string, number>(); // `shop/vehicleId` → when it changed
		const owner = shops.store.list('customers', IMPORTING)[0];
		const importAt = Date.now();
		const imported = new Set<string>();
		for (let i = 0; i < IMPORTED; i++) {
			const vehicle = shops.store.create('vehicles', {
				companyId: IMPORTING,
				customerId: owner.customerId,
				make: 'Ford',
				model: `Import ${i}`,
			});
			imported.add(`${IMPORTING}/${vehicle.vehicleId}`);
		}
		const vehicles = new Map(SHOPS.map((shop) => [shop, shops.store.list('vehicles', shop)]));
		const busyEnd = Date.now() + busyMinutes * 60_000;
		for (let k = 0; Date.now() < busyEnd; k++) {
			const shop = SHOPS[k % SHOPS.length];
			const vehicle = vehicles.get(shop)![Math.floor(k / SHOPS.length) + 1];
			shops.store.update('vehicles', String(vehicle.vehicleId), { mileage: 70_000 + k });
			made.set(`${shop}/${vehicle.vehicleId}`, Date.now());
			await sleep(3_000);
		}
		const emitted = async () => {
			const runs = await server.executions(workflowId);
			return runs.map((run) => ({
				startedAt: Date.parse((run as unknown as { startedAt: string }).startedAt),
				keys: itemsOf(run, 'Vehicle Updated').map((v) => `${v.companyId}/${v.vehicleId}`),
			}));
		};
		const expected = made.size + imported.size;
		progress('(c) waiting for every change to come out (up to 3 more polls)');
		await until(
			async () => new Set((await emitted()).flatMap((e) => e.keys)).size >= expected,
			190_000,
		);
		await sleep(6_000);
		const executions = await emitted();
		const all = executions.flatMap((e) => e.keys);
		const firstExecution = (key: string) => executions.find((e) => e.keys.includes(key));
		const latencies = [...made].map(([key, at]) => (firstExecution(key)?.startedAt ?? NaN) - at);
		const counts = new Map<string, number>();
		for (const key of all) counts.set(key, (counts.get(key) ?? 0) + 1);
		const wanted = [...made.keys(), ...imported];
		const pollsSeen = polls().map((requests) => {
			const [first, last] = [requests[0].at, requests[requests.length - 1].at];
			const run = executions.find((e) => e.startedAt >= first && e.startedAt < last + 30_000);
			return {
				at: first,
				lists: requests.filter((r) => r.path === '/vehicles').length,
				profile: requests.filter((r) => r.path === '/partners/profile').length,
				spanMs: last - first,
				emitted: run?.keys.length ?? 0,
			};
		});
		const busy = pollsSeen.slice(idleCount);
		const lastImported = executions.filter((e) => e.keys.some((key) => imported.has(key))).pop();
		return {
			shops: SHOPS.length,
			idle: pollsSeen.slice(1, idleCount),
			idleExecutions,
			busy,
			busyMinutes,
			changes: made.size,
			imported: imported.size,
			latencies,
			doubled: [...counts.values()].filter((n) => n > 1).length,
			missing: wanted.filter((key) => !counts.has(key)).length,
			importDoneMs: lastImported && lastImported.startedAt - importAt,
			importDonePoll:
				lastImported &&
				busy.findIndex(
					(p) => lastImported.startedAt >= p.at && lastImported.startedAt < p.at + 60_000,
				) + 1,
			rateLimited: shops.requestLog.filter((r) => r.status === 429).length,
		};
	} finally {
		await server.stop();
	}
}
