/**
 * One AutoLeap Trigger watching every company in the partner profile (20 shops), published in a
 * real n8n server: a change in each of 3 shops arrives in the next scheduled execution, each once
 * and saying its shop; the poll after it brings only what changed since. Executions are read back
 * through n8n's public API; what the trigger asked AutoLeap from the sandbox's request log.
 */
import { DEMO_COMPANY_2_ID, DEMO_COMPANY_ID, extraCompanyIds } from '../sandbox/seed';
import { itemsOf, waitFor, type N8nServer } from './lib/n8n';
import { useN8n } from './lib/suite';
import { AUTOLEAP_TRIGGER, chain } from './lib/workflow';

const SHOPS = [DEMO_COMPANY_ID, DEMO_COMPANY_2_ID, ...extraCompanyIds(18)];
const ctx = useN8n({ companies: 18 });
const WORKFLOW = 'E2eTriggerShops01';
let server: N8nServer | undefined;

const workflow = chain(
	WORKFLOW,
	'e2e: vehicle updated in any shop → per shop',
	[
		{
			name: 'Per Shop',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode:
					'return $input.all().map((item) => ({ json: { shop: item.json.companyId, vehicle: item.json.vehicleId } }));',
			},
		},
	],
	{
		name: 'Vehicle Updated',
		type: AUTOLEAP_TRIGGER,
		parameters: {
			event: 'vehicleUpdated',
			companies: 'all',
			pollTimes: { item: [{ mode: 'everyMinute' }] },
		},
	},
);

afterAll(async () => {
	await server?.stop();
});

/** The trigger's reads so far: one per shop and one profile read per poll. */
const reads = () => ctx.sandbox.requestLog.filter((r) => r.method === 'GET');
const profileReads = () => reads().filter((r) => r.path === '/partners/profile').length;

async function executions(count: number) {
	await waitFor(
		async () => (await server!.executions(WORKFLOW)).length >= count,
		`${count} execution(s) of the trigger workflow`,
		100_000,
		2_000,
	);
	return (await server!.executions(WORKFLOW)).map((e) => ({
		status: e.status,
		vehicles: itemsOf(e, 'Vehicle Updated').map((v) => `${v.companyId}/${v.vehicleId}`),
		perShop: itemsOf(e, 'Per Shop'),
	}));
}

/** A vehicle of `shop` changed in AutoLeap; `shop/vehicleId` as the trigger's items say it. */
function change(shop: string, index: number): string {
	const vehicle = ctx.sandbox.store.list('vehicles', shop)[index];
	ctx.sandbox.store.update('vehicles', vehicle.vehicleId, { mileage: 50_000 + index });
	return `${shop}/${vehicle.vehicleId}`;
}

it('emits each shop’s change once, saying its shop, from one published trigger over 20 shops', async () => {
	await ctx.n8n.importWorkflows([workflow]);
	await ctx.n8n.activate(WORKFLOW);
	server = await ctx.n8n.start();
	// Publishing polls once (the start point): the profile, then each of the 20 shops.
	await waitFor(
		async () => profileReads() >= 1 && reads().length >= 21,
		'the poll at publishing',
		100_000,
	);
	const atPublishing = reads().length;

	const changed = [change(SHOPS[2], 0), change(SHOPS[11], 1), change(SHOPS[19], 2)];
	const [first] = await executions(1);
	expect(first.status).toBe('success');
	expect(first.vehicles).toEqual(changed);
	expect(first.perShop.map((row) => row.shop)).toEqual([SHOPS[2], SHOPS[11], SHOPS[19]]);

	// The next poll brings only the change made since.
	const later = change(SHOPS[0], 3);
	const [, second] = await executions(2);
	expect(second.vehicles).toEqual([later]);

	// Every poll read the profile once and each shop once, and AutoLeap answered each read.
	const polls = profileReads();
	expect(polls).toBeGreaterThanOrEqual(3);
	const lists = reads().filter((r) => r.path === '/vehicles');
	expect(lists.map((r) => r.status).filter((status) => status !== 200)).toEqual([]);
	expect(atPublishing).toBe(21);
	for (const shop of SHOPS)
		expect(lists.filter((r) => r.query.companyId === shop).length).toBe(polls);
	expect(await server.executions(WORKFLOW)).toHaveLength(2);
});
