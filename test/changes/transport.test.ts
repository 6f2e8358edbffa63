import type { IDataObject } from 'n8n-workflow';

import { startRewritingProxy, type RewritingProxy } from '../fixtures/rewritingProxy';
import { AutoLeapApi } from '../../credentials/AutoLeapApi.credentials';
import { AutoLeap } from '../../nodes/AutoLeap/AutoLeap.node';
import { DEMO_PARTNER, PARTNERS, type PartnerProfile } from '../../sandbox';
import { loadOptionsContext, ProcessView } from '../harness';
import { CREDENTIAL, credentialsFor, DEMO_COMPANY_ID, run, useSandbox } from '../node/helpers';
import { expectReadmeBlock, markdownTable } from '../readme/blocks';

/**
 * The transport when AutoLeap answers in ways we did not infer: answers that trickle in, errors
 * that echo a token renewed meanwhile, error texts of any length, and answers that contradict an
 * inference. Each case runs through the node in n8n-core against the sandbox, most of them behind
 * the rewriting proxy, and is measured on the sandbox's records and the requests it received.
 */

const ctx = useSandbox();
let proxy: RewritingProxy;
const rows: Array<[string, string, string, string | number]> = [];

beforeAll(async () => {
	proxy = await startRewritingProxy(ctx.sandbox.url);
});
beforeEach(() => {
	proxy.setRules({});
	proxy.log.length = 0;
});
afterAll(async () => {
	await proxy.close();
	if (rows.length === CASES)
		expectReadmeBlock(
			'changes-transport',
			markdownTable(['Situation', 'What the node does', 'Result', 'Requests'], rows),
		);
});
/** The cases that write a README row; the block is checked only when all of them ran. */
const CASES = 8;

/** A credential whose requests go through the proxy. */
const throughProxy = (extra: IDataObject = {}) =>
	credentialsFor(ctx.sandbox, { customUrl: proxy.url, rateWindowMs: 1_000, ...extra });

const firstVehicle = () => ctx.sandbox.store.list('vehicles', DEMO_COMPANY_ID)[0];
const getVehicle = {
	resource: 'vehicle',
	operation: 'get',
	vehicleId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
};
const calls = (method: string, path: string) =>
	proxy.log.filter((e) => e.method === method && e.url.split('?')[0] === `/v2${path}`);

/** The requests AutoLeap received, by kind: "4 (2 refreshes, 1 GET, 1 POST)". */
function requests(log: Array<{ method: string; url: string }>): string {
	const kinds = new Map<string, number>();
	for (const { method, url } of log) {
		const kind = url.includes('/partners/login')
			? 'login'
			: url.includes('/partners/generateNewAccessToken')
				? 'refresh'
				: method;
		kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
	}
	const parts = [...kinds].map(([kind, n]) =>
		kind === 'refresh'
			? `${n} refresh${n > 1 ? 'es' : ''}`
			: `${n} ${kind}${n > 1 && kind === 'login' ? 's' : ''}`,
	);
	return `${log.length} (${parts.join(', ')})`;
}

/** Trickled answers, once the proxy has seen each of them end (the client going away, or its last byte). */
async function trickled(entries: RewritingProxy['log']) {
	for (let waited = 0; entries.some((e) => e.cut === undefined); waited += 20) {
		if (waited > 5_000) throw new Error('the proxy never saw a trickled answer end');
		await new Promise((done) => setTimeout(done, 20));
	}
	return entries;
}

describe('Request Timeout is a deadline, from send to the last byte', () => {
	it.each([
		['trickles one byte every 250 ms', false],
		['trickles forever', true],
	] as const)(
		'a read whose answer %s: each attempt is cut at the timeout, retried, then "did not answer in time"',
		async (_name, forever) => {
			const vehicle = firstVehicle();
			proxy.setRules({
				trickle: (call) =>
					call.path.startsWith('/v2/vehicles/') ? { bytes: 1, everyMs: 250, forever } : undefined,
			});
			const result = await run(throughProxy({ timeoutSeconds: 1 }), getVehicle, {
				inputItems: [{ id: vehicle.vehicleId }],
			});
			expect(result.error?.message).toBe('AutoLeap did not answer in time');
			const reads = await trickled(calls('GET', `/vehicles/${String(vehicle.vehicleId)}`));
			// Four attempts (the first and three retries), each cut by the client before its end.
			expect(reads.map((e) => e.cut)).toEqual([true, true, true, true]);
			const length = JSON.stringify({ results: { content: [vehicle] } }).length;
			for (const read of reads) expect(read.sent).toBeLessThan(length);
			if (forever)
				rows.push([
					'A read whose answer trickles in and never ends (Request Timeout 1 s)',
					'each attempt cut at the timeout; 3 retries',
					'"AutoLeap did not answer in time"',
					requests(proxy.log),
				]);
		},
	);

	it('a login whose answer trickles forever: cut at the timeout, "Could not log in to AutoLeap … did not answer in time"', async () => {
		proxy.setRules({
			trickle: (call) =>
				call.path === '/v2/partners/login' ? { bytes: 1, everyMs: 250, forever: true } : undefined,
		});
		const result = await run(throughProxy({ timeoutSeconds: 1 }), getVehicle, {
			inputItems: [{ id: firstVehicle().vehicleId }],
		});
		expect(result.error?.message).toBe('Could not log in to AutoLeap');
		expect((result.error as { description?: string }).description).toMatch(
			/^AutoLeap did not answer in time/,
		);
		// The read it served was never sent; it was tried again as reads are (4 logins, each cut).
		const logins = await trickled(calls('POST', '/partners/login'));
		expect(logins.map((e) => e.cut)).toEqual([true, true, true, true]);
		expect(proxy.log).toHaveLength(4);
	});

	it('a read sent again after a 401 and a token refresh gets a deadline of its own, not what is left of the first', async () => {
		const credentials = throughProxy({ timeoutSeconds: 2 });
		const vehicle = firstVehicle();
		expect(
			(await run(credentials, getVehicle, { inputItems: [{ id: vehicle.vehicleId }] })).error,
		).toBeUndefined();
		ctx.sandbox.expireAccessTokens();
		proxy.log.length = 0;
		// The refresh and the read sent after it each take 1.2 s: 2.4 s from the first send, each
		// attempt within its 2 s.
		let reads = 0;
		const slow = () => new Promise((done) => setTimeout(done, 1_200));
		proxy.setRules({
			request: async (call) => {
				if (call.path === '/v2/partners/generateNewAccessToken') await slow();
				if (call.path.startsWith('/v2/vehicles/') && ++reads === 2) await slow();
			},
		});
		const result = await run(credentials, getVehicle, { inputItems: [{ id: vehicle.vehicleId }] });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.vehicleId)).toEqual([vehicle.vehicleId]);
		// Two reads reached the proxy: the one answered 401, and the one after the refresh (not cut
		// and sent a third time).
		expect(reads).toBe(2);
		expect(proxy.log.map((e) => [e.method, e.url.split('?')[0], e.status])).toEqual([
			['GET', `/v2/vehicles/${String(vehicle.vehicleId)}`, 401],
			['POST', '/v2/partners/generateNewAccessToken', 200],
			['GET', `/v2/vehicles/${String(vehicle.vehicleId)}`, 200],
		]);
	});

	it('a write whose answer trickles forever: sent once, cut at the timeout, its items "may or may not have been applied"', async () => {
		const customers = ctx.sandbox.store.list('customers', DEMO_COMPANY_ID);
		const inputItems = Array.from({ length: 10 }, (_, i) => ({
			customerId: customers[i % customers.length].customerId,
			vin: `TRICKLE${String(i).padStart(10, '0')}`,
		}));
		proxy.setRules({
			trickle: (call) =>
				call.method === 'POST' && call.path === '/v2/vehicles'
					? { bytes: 1, everyMs: 250, forever: true }
					: undefined,
		});
		const result = await run(
			throughProxy({ timeoutSeconds: 1 }),
			{
				resource: 'vehicle',
				operation: 'create',
				companyId: DEMO_COMPANY_ID,
				customerId: { __rl: true, mode: 'id', value: '={{ $json.customerId }}' },
				additionalFields: { vin: '={{ $json.vin }}', make: 'Ford' },
			},
			{ inputItems, continueOnFail: true },
		);
		const posts = await trickled(calls('POST', '/vehicles'));
		expect(posts.map((e) => e.cut)).toEqual([true]);
		// AutoLeap applied it (the proxy forwarded it); the node does not claim it either way.
		const written = ctx.sandbox.store
			.list('vehicles', DEMO_COMPANY_ID)
			.filter((v) => String(v.vin).startsWith('TRICKLE'));
		expect(written).toHaveLength(10);
		expect(result.items.map((item) => item.json.error)).toEqual(
			inputItems.map(() => 'Items 1-10 failed: AutoLeap did not answer in time'),
		);
		expect(String((result.items[0].error as { description?: string }).description)).toMatch(
			/may or may not have been applied/,
		);
		rows.push([
			'A write whose answer trickles in and never ends (Request Timeout 1 s)',
			'cut at the timeout; not resent',
			'10 of 10 items fail as "may or may not have been applied" (AutoLeap applied them)',
			requests(proxy.log),
		]);
	});
});

describe('AutoLeap’s own error text, however long', () => {
	// 200,000 characters, each part of it telling where it stands.
	const long = Array.from({ length: 20_000 }, (_, i) => `part${String(i).padStart(5, '0')} `).join(
		'',
	);
	const errorOf = (result: Awaited<ReturnType<typeof run>>) =>
		result.error as (Error & { description?: string }) | undefined;

	it('a read answered 400 with 200,000 characters: about 300 in the message, 4,000 in the description', async () => {
		ctx.sandbox.injectFaults({ kind: 'status', status: 400, error: long, method: 'GET' });
		const result = await run(ctx.credentials, getVehicle, {
			inputItems: [{ id: firstVehicle().vehicleId }],
		});
		const error = errorOf(result)!;
		expect(error.message).toBe(
			`AutoLeap rejected the request: ${long.slice(0, 300)}… (200,000 characters)`,
		);
		expect(error.description).toBe(
			`Check the field named in the message: its value is missing, of the wrong type or not one of the allowed values. AutoLeap's message: ${long.slice(0, 4_000)}… (200,000 characters)`,
		);
		expect(ctx.sandbox.requestLog.map((e) => [e.method, e.status])).toEqual([
			['POST', 200],
			['GET', 400],
		]);
		rows.push([
			'An error answer of 200,000 characters',
			'the message shows its first 300, the description its first 4,000, both saying how long it was',
			`a ${error.message.length}-character message`,
			requests(ctx.sandbox.requestLog.map((e) => ({ ...e, url: e.path }))),
		]);
	});

	it('a write answered {"success": false} with 200,000 characters: its items fail with the text bounded alike', async () => {
		ctx.sandbox.injectFaults({
			kind: 'successFalse',
			error: long,
			method: 'WRITE',
			path: '/vehicles',
		});
		const vehicle = firstVehicle();
		const result = await run(
			ctx.credentials,
			{
				resource: 'vehicle',
				operation: 'update',
				companyId: DEMO_COMPANY_ID,
				vehicleId: { __rl: true, mode: 'id', value: String(vehicle.vehicleId) },
				updateFields: { notes: 'long answer' },
			},
			{ continueOnFail: true },
		);
		expect(result.items.map((item) => item.json.error)).toEqual([
			`Item 1 was refused: AutoLeap refused the request: ${long.slice(0, 300)}… (200,000 characters)`,
		]);
		expect(String((result.items[0].error as { description?: string }).description)).toBe(
			`AutoLeap did not apply it. AutoLeap's message: ${long.slice(0, 4_000)}… (200,000 characters)`,
		);
		expect(ctx.sandbox.store.get('vehicles', String(vehicle.vehicleId))).toEqual(vehicle);
	});
});

describe('secrets in answers that arrive after a renewal', () => {
	it('a write sent with token A, answered late with an error echoing A after another execution renewed to B: A is redacted', async () => {
		const credentials = throughProxy();
		const vehicle = firstVehicle();
		expect(
			(await run(credentials, getVehicle, { inputItems: [{ id: vehicle.vehicleId }] })).error,
		).toBeUndefined();
		const tokenA = String(credentials.data('autoLeapApi').accessToken);
		let sentWith: string | undefined;
		let answer = () => {};
		const answered = new Promise<void>((resolve) => (answer = resolve));
		proxy.setRules({
			request: async (call) => {
				if (call.method !== 'POST' || call.path !== '/v2/vehicles') return;
				sentWith = /^Bearer (\S+)$/.exec(String(call.headers.authorization))?.[1];
				await answered;
				// An AutoLeap error that names the session in its own words (no `token=` or `Bearer` to spot).
				return {
					status: 200,
					body: { success: false, error: `Batch from session ${sentWith} could not be applied` },
				};
			},
		});
		const customerId = ctx.sandbox.store.list('customers', DEMO_COMPANY_ID)[0].customerId;
		const inputItems = [1, 2, 3].map((i) => ({ customerId, vin: `LATEECHO${i}` }));
		const writing = run(
			credentials,
			{
				resource: 'vehicle',
				operation: 'create',
				companyId: DEMO_COMPANY_ID,
				customerId: { __rl: true, mode: 'id', value: '={{ $json.customerId }}' },
				additionalFields: { vin: '={{ $json.vin }}' },
			},
			{ inputItems, continueOnFail: true },
		);
		for (let waited = 0; sentWith === undefined; waited += 20) {
			if (waited > 5_000) throw new Error('the write never reached the proxy');
			await new Promise((done) => setTimeout(done, 20));
		}
		// Another execution in this process meets AutoLeap's 401 and renews the pair meanwhile.
		ctx.sandbox.expireAccessTokens();
		const refreshes = ctx.sandbox.counters.refreshes;
		expect(
			(await run(credentials, getVehicle, { inputItems: [{ id: vehicle.vehicleId }] })).error,
		).toBeUndefined();
		answer();
		const result = await writing;

		const tokenB = String(credentials.data('autoLeapApi').accessToken);
		expect(ctx.sandbox.counters.refreshes - refreshes).toBe(1);
		expect(sentWith).toBe(tokenA);
		expect(tokenB).not.toBe(tokenA);
		expect(result.items.map((item) => item.json.error)).toEqual(
			inputItems.map(
				() =>
					'Items 1-3 were refused: AutoLeap refused the request: Batch from session [redacted] could not be applied',
			),
		);
		expect(JSON.stringify(result.items)).not.toContain(tokenA);
		expect(
			ctx.sandbox.store
				.list('vehicles', DEMO_COMPANY_ID)
				.filter((v) => String(v.vin).startsWith('LATEECHO')),
		).toEqual([]);
		rows.push([
			'A write answered late with an error echoing the token it was sent with, after another execution renewed the pair',
			'redacts every token this process sent or was issued in the last refresh-token lifetime plus an hour',
			'its 3 items fail; the old token shows as [redacted]',
			requests(proxy.log),
		]);
	});
});

describe('a renewal that loses the rotation race to another process', () => {
	it('a write whose refresh AutoLeap refuses because another process rotated the pair first: sent once with the winner’s pair, no login', async () => {
		const db = throughProxy();
		const newProcess = () => new ProcessView(db, new AutoLeapApi());
		const vehicle = firstVehicle();
		expect(
			(await run(newProcess(), getVehicle, { inputItems: [{ id: vehicle.vehicleId }] })).error,
		).toBeUndefined();
		// The stored pair is near the end of its access lifetime: every process renews before sending.
		db.edit(CREDENTIAL, { pairIssuedAt: Date.now() - 3_500_000 });
		const start = { ...ctx.sandbox.counters };
		proxy.log.length = 0;
		// The first refresh (process B's) waits at the proxy until process A has renewed.
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
		const customerId = ctx.sandbox.store.list('customers', DEMO_COMPANY_ID)[0].customerId;
		const inputItems = [1, 2, 3, 4, 5].map((i) => ({ customerId, vin: `RACELOST${i}` }));
		const writing = run(
			newProcess(),
			{
				resource: 'vehicle',
				operation: 'create',
				companyId: DEMO_COMPANY_ID,
				customerId: { __rl: true, mode: 'id', value: '={{ $json.customerId }}' },
				additionalFields: { vin: '={{ $json.vin }}' },
			},
			{ inputItems },
		);
		for (let waited = 0; !held; waited += 20) {
			if (waited > 5_000) throw new Error('process B never renewed');
			await new Promise((done) => setTimeout(done, 20));
		}
		const a = newProcess();
		expect(
			(await run(a, getVehicle, { inputItems: [{ id: vehicle.vehicleId }] })).error,
		).toBeUndefined();
		const winner = db.data(CREDENTIAL).accessToken;
		release();
		const result = await writing;

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.success)).toEqual([true, true, true, true, true]);
		const { logins, refreshes, failedRefreshes } = ctx.sandbox.counters;
		expect({
			logins: logins - start.logins,
			refreshes: refreshes - start.refreshes,
			failedRefreshes: failedRefreshes - start.failedRefreshes,
		}).toEqual({ logins: 0, refreshes: 1, failedRefreshes: 1 });
		expect(db.data(CREDENTIAL).accessToken).toBe(winner);
		const posts = ctx.sandbox.requestLog.filter(
			(e) => e.method === 'POST' && e.path === '/vehicles',
		);
		expect(posts.map((e) => e.status)).toEqual([200]);
		expect(
			ctx.sandbox.store
				.list('vehicles', DEMO_COMPANY_ID)
				.filter((v) => String(v.vin).startsWith('RACELOST')),
		).toHaveLength(5);
		rows.push([
			'A write whose token refresh AutoLeap refuses because another process rotated the pair first',
			'reads the stored pair again and sends with the winner’s pair; logs in only if the stored pair is still the refused one',
			'5 of 5 written once; 0 logins',
			requests(proxy.log),
		]);
	});
});

describe('inferences that fail say so', () => {
	/** The partner profile as the proxy hands it on: `reshape` gets the sandbox's profile record. */
	function profileAs(reshape: (profile: IDataObject) => IDataObject) {
		proxy.setRules({
			response: (answer, call) => {
				if (call.path !== '/v2/partners/profile') return;
				const results = (answer.body as { results: { content: IDataObject[] } }).results;
				results.content = [reshape(results.content[0])];
			},
		});
	}
	const pickers = () =>
		loadOptionsContext(new AutoLeap(), throughProxy(), {
			resource: 'payment',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
		});
	const { getCompanies, getLocations } = new AutoLeap().methods.loadOptions;
	type Company = PartnerProfile['companies'][number];

	it('the pickers read a profile that lists "accounts" with accountId and accountName, and locations with id', async () => {
		const demo = PARTNERS.find((p) => p.partnerId === DEMO_PARTNER.partnerId)!;
		profileAs((profile) => ({
			partnerId: profile.partnerId,
			accounts: (profile.companies as Company[]).map((c) => ({
				accountId: c.companyId,
				accountName: c.name,
				locations: c.locations.map((l) => ({ id: l.locationId, locationName: l.name })),
			})),
		}));
		const context = pickers();
		const companies = await getCompanies.call(context);
		const locations = await getLocations.call(context);
		expect(companies).toEqual(
			demo.profile.companies.map((c) => ({ name: c.name, value: c.companyId })),
		);
		const company = demo.profile.companies.find((c) => c.companyId === DEMO_COMPANY_ID)!;
		expect(locations).toEqual([
			{ name: 'All Locations', value: '' },
			...company.locations.map((l) => ({ name: l.name, value: l.locationId })),
		]);
		expect(calls('GET', '/partners/profile')).toHaveLength(2);
	});

	it('customers whose id is not named "customerId" (an inference): the Customer picker says so instead of offering "undefined"', async () => {
		proxy.setRules({
			response: (answer, call) => {
				if (call.path !== '/v2/customers') return;
				const body = answer.body as {
					results?: { content: IDataObject[] };
					content?: IDataObject[];
				};
				for (const customer of body.results?.content ?? body.content ?? []) {
					customer.id = customer.customerId;
					delete customer.customerId;
				}
			},
		});
		const context = loadOptionsContext(new AutoLeap(), throughProxy(), {
			resource: 'vehicle',
			operation: 'create',
			companyId: DEMO_COMPANY_ID,
		});
		const { searchCustomers } = new AutoLeap().methods.listSearch;
		const error = await searchCustomers.call(context).then(
			() => undefined,
			(e: Error & { description?: string }) => e,
		);
		expect(error?.message).toBe('AutoLeap\'s records carry no "customerId"');
		expect(error?.description).toMatch(
			/^GET \/customers answered records with companyId \(text\), .*, id \((text|number)\); the node reads their ID from "customerId"/,
		);
		expect(calls('GET', '/customers')).toHaveLength(1);
		rows.push([
			'Customers whose ID is not named `customerId` (the name is inferred)',
			'the Customer picker names the field it looked for and what the records held',
			'an error naming the inference, not options whose value is "undefined"',
			requests(proxy.log),
		]);
	});

	it('a path whose casing is inferred answered 404: the error names the inference, not only a missing record', async () => {
		proxy.setRules({
			request: (call) =>
				call.path === '/v2/inventoryLevels'
					? { status: 404, body: { success: false, error: 'Cannot GET /v2/inventoryLevels' } }
					: undefined,
		});
		const result = await run(throughProxy(), {
			resource: 'inventoryLevel',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			limit: 5,
		});
		const error = result.error as (Error & { description?: string }) | undefined;
		expect(error?.message).toMatch(
			/^AutoLeap could not find the record: Cannot GET \/v2\/inventoryLevels/,
		);
		expect(error?.description).toBe(
			'Check the ID and that the record belongs to the selected company. If it does exist, AutoLeap may not know this path: the casing of /inventoryLevels is a guess, as the portal shows it lower-cased (PATHS in nodes/shared/autoleap/endpoints.ts).',
		);
		expect(calls('GET', '/inventoryLevels')).toHaveLength(1);
		expect(result.items).toEqual([]);
		rows.push([
			'A path we inferred answered 404 (e.g. the casing of `/inventoryLevels`)',
			'the error names the inference next to "could not find the record"',
			'an error naming the inference',
			requests(proxy.log),
		]);
	});

	it('a profile with its shops under a name the node does not know: the Company picker names what it held, not an empty list', async () => {
		profileAs((profile) => ({
			partnerId: profile.partnerId,
			name: profile.name,
			shops: (profile.companies as Company[]).map((c) => ({ shopId: c.companyId, title: c.name })),
		}));
		const error = await getCompanies.call(pickers()).then(
			() => undefined,
			(e: Error & { description?: string }) => e,
		);
		expect(error?.message).toBe('The partner profile holds no list of companies');
		expect(error?.description).toMatch(
			/^AutoLeap's partner profile \(GET \/partners\/profile\) holds partnerId \(text\), name \(text\), shops \(list of 2\)\. The node looks for the companies under "companies" or "accounts"/,
		);
		rows.push([
			'The partner profile lists its shops under a name the node does not know (its shape is inferred)',
			'the Company picker says what the profile held and where it looked; "accounts" and other spellings of the ids are read too',
			'an error naming the inference, not an empty list',
			requests(proxy.log),
		]);
	});
});
