/**
 * The transport where n8n's two lines differ, in a real n8n (`n8n execute`), through the rewriting
 * proxy (test/fixtures): Request Timeout as a deadline (n8n puts its own abort signal on every
 * authenticated request, so the node's holds only because the credential's `authenticate` sets it
 * last), and a renewal that loses the rotation race to another process (n8n 1.x passes no error of
 * ours on, so the sender asks the credential what went wrong). Each case is checked on n8n's
 * output, the proxy's log and the sandbox's records and counters.
 */
import { startRewritingProxy, type RewritingProxy } from '../test/fixtures/rewritingProxy';
import { startSandbox, type Sandbox } from '../sandbox';
import { DEMO_COMPANY_ID, DEMO_PARTNER } from '../sandbox/seed';
import { itemsOf, N8n } from './lib/n8n';
import { packedPackage } from './lib/runtime';
import { runtimeUnderTest } from './lib/suite';
import { byId, chain } from './lib/workflow';

let sandbox: Sandbox;
let proxy: RewritingProxy;
let n8n: N8n;

const getOne = (id: string) =>
	chain('E2eTransportGet01', 'e2e transport: Get', [
		{ name: 'Vehicle', parameters: { resource: 'vehicle', operation: 'get', vehicleId: byId(id) } },
	]);
const create = (id: string, owner: string, count: number, prefix: string) =>
	chain(id, `e2e transport: Create ${prefix}`, [
		{
			name: 'Rows',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { vin: '${prefix}' + String(i).padStart(7, '0') } }));`,
			},
		},
		{
			name: 'Create Vehicles',
			continueOnFail: true,
			parameters: {
				resource: 'vehicle',
				operation: 'create',
				companyId: DEMO_COMPANY_ID,
				customerId: byId(owner),
				additionalFields: { vin: '={{ $json.vin }}' },
			},
		},
	]);

/** The proxy's entries for trickled answers, once it has seen each of them end. */
async function trickled(method: string) {
	const entries = () => proxy.log.filter((e) => e.method === method && e.sent !== undefined);
	for (let waited = 0; entries().some((e) => e.cut === undefined); waited += 50) {
		if (waited > 10_000) throw new Error('the proxy never saw a trickled answer end');
		await new Promise((done) => setTimeout(done, 50));
	}
	return entries();
}

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	proxy = await startRewritingProxy(sandbox.url);
	n8n = N8n.create(packedPackage(), { runtime: runtimeUnderTest() });
	// Request Timeout 1 s; the rate window scaled to 6 s so the retries' back-off is short.
	await n8n.importCredential({
		...DEMO_PARTNER,
		customUrl: proxy.url,
		timeoutSeconds: 1,
		rateWindowMs: 6_000,
	});
	const vehicle = sandbox.store.list('vehicles', DEMO_COMPANY_ID)[0];
	const owner = sandbox.store.list('customers', DEMO_COMPANY_ID)[0];
	await n8n.importWorkflows([
		getOne(String(vehicle.vehicleId)),
		create('E2eTransportPost1', String(owner.customerId), 10, 'TRICKLEE2E'),
		create('E2eTransportRace1', String(owner.customerId), 5, 'RACEE2E'),
	]);
});
afterAll(async () => {
	await proxy?.close();
	await sandbox?.close();
	n8n?.dispose();
});
beforeEach(() => {
	proxy.log.length = 0;
});

it('a read whose answer trickles in forever: each attempt cut at the timeout, 3 retries, then "AutoLeap did not answer in time"', async () => {
	proxy.setRules({
		trickle: (call) =>
			call.method === 'GET' ? { bytes: 1, everyMs: 250, forever: true } : undefined,
	});
	const execution = await n8n.execute('E2eTransportGet01');
	expect(execution.status).toBe('error');
	console.log('ERR', JSON.stringify(execution.data.resultData.error));
	expect(execution.data.resultData.error?.message).toBe('AutoLeap did not answer in time');
	expect((await trickled('GET')).map((e) => e.cut)).toEqual([true, true, true, true]);
});

it('a write whose answer trickles in forever: sent once and cut at the timeout; its items "may or may not have been applied"', async () => {
	proxy.setRules({
		trickle: (call) =>
			call.method === 'POST' && call.path === '/v2/vehicles'
				? { bytes: 1, everyMs: 250, forever: true }
				: undefined,
	});
	const execution = await n8n.execute('E2eTransportPost1');
	expect(execution.status).toBe('success');
	const out = itemsOf(execution, 'Create Vehicles');
	expect(out.map((item) => item.error)).toEqual(
		out.map(() => 'Items 1-10 failed: AutoLeap did not answer in time'),
	);
	expect((await trickled('POST')).map((e) => e.cut)).toEqual([true]);
	// AutoLeap applied them (the proxy forwarded the batch before trickling its answer).
	const written = sandbox.store
		.list('vehicles', DEMO_COMPANY_ID)
		.filter((v) => String(v.vin).startsWith('TRICKLEE2E'));
	expect(written).toHaveLength(10);
});

it('a write whose refresh AutoLeap refuses because another process rotated the pair first: sent once with the winner’s pair, no login', async () => {
	// Access tokens the credential takes to live 3 s (AutoLeap's, here, an hour): past 2.7 s every
	// process renews before it sends.
	await n8n.importCredential({ ...DEMO_PARTNER, customUrl: proxy.url, accessLifetimeMs: 3_000 });
	proxy.setRules({});
	expect((await n8n.execute('E2eTransportGet01')).status).toBe('success');
	await new Promise((done) => setTimeout(done, 3_000));
	const start = { ...sandbox.counters };
	// The first refresh (process B's) waits at the proxy until process A has renewed and saved.
	let held = false;
	let release = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	proxy.setRules({
		request: async (call) => {
			if (call.path !== '/v2/partners/generateNewAccessToken' || held) return;
			held = true;
			await released;
		},
	});
	const b = n8n.execute('E2eTransportRace1');
	for (let waited = 0; !held; waited += 100) {
		if (waited > 60_000) throw new Error('process B never renewed');
		await new Promise((done) => setTimeout(done, 100));
	}
	const a = await n8n.execute('E2eTransportGet01');
	release();
	const execution = await b;

	expect(a.status).toBe('success');
	expect(execution.status).toBe('success');
	expect(itemsOf(execution, 'Create Vehicles').map((item) => item.success)).toEqual([
		true,
		true,
		true,
		true,
		true,
	]);
	expect({
		logins: sandbox.counters.logins - start.logins,
		refreshes: sandbox.counters.refreshes - start.refreshes,
		failedRefreshes: sandbox.counters.failedRefreshes - start.failedRefreshes,
	}).toEqual({ logins: 0, refreshes: 1, failedRefreshes: 1 });
	const raced = sandbox.store
		.list('vehicles', DEMO_COMPANY_ID)
		.filter((v) => String(v.vin).startsWith('RACEE2E'));
	expect(raced).toHaveLength(5);
});
