import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { AutoLeapApi } from '../../credentials/AutoLeapApi.credentials';
import { startSandbox } from '../../sandbox';
import { DEMO_PARTNER, OTHER_PARTNER } from '../../sandbox/seed';
import { AutoLeap } from '../../nodes/AutoLeap/AutoLeap.node';
import { DeclarativeProbe } from '../fixtures/DeclarativeProbe.node';
import { ProfileProbe } from '../fixtures/ProfileProbe.node';
import { startRecordingProxy } from '../fixtures/recordingProxy';
import { CredentialStore, runNode, testCredential } from '../harness';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const TYPE = 'autoLeapApi';
let sandbox: Sandbox;

function storeFor(url: string, partner: { partnerId: string; authKey: string } = DEMO_PARTNER) {
	return new CredentialStore([new AutoLeapApi()], {
		[TYPE]: { ...partner, environment: 'custom', customUrl: url },
	});
}

function probe(store: CredentialStore, items: number, calls = 1, continueOnFail = false) {
	return runNode({
		nodeType: new ProfileProbe(),
		parameters: { calls },
		inputItems: Array.from({ length: items }, (_v, i) => ({ i })),
		credentials: store,
		continueOnFail,
	});
}

const logins = (s: Sandbox) =>
	s.requestLog.filter((e) => e.method === 'POST' && e.path === '/partners/login');
const profileCalls = (s: Sandbox) => s.requestLog.filter((e) => e.path === '/partners/profile');

/** The partner a profile answer describes, whichever envelope the API uses. */
function partnerOf(body: unknown): unknown {
	const b = body as IDataObject;
	const results = b?.results as IDataObject | undefined;
	const record =
		(results?.content as IDataObject[] | undefined)?.[0] ??
		(b?.data as IDataObject) ??
		results ??
		b;
	return record?.partnerId;
}

const profilePartners = (items: INodeExecutionData[]) =>
	items.map((item) => partnerOf(item.json.profile));

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => {
	sandbox.reset();
	sandbox.clearLog();
});

describe('the AutoLeap credential in n8n-core, against the sandbox', () => {
	it('outlasts 429s on the login caused by another client: backs off, logs in, no item fails', async () => {
		sandbox.injectFaults({ status: 429, count: 5, method: 'WRITE', path: '/partners/login' });
		// A window scaled to 600 ms scales the backoff (a sixtieth of the window, doubling) with it.
		const store = new CredentialStore([new AutoLeapApi()], {
			[TYPE]: { ...DEMO_PARTNER, environment: 'custom', customUrl: sandbox.url, rateWindowMs: 600 },
		});
		// The login is one attempt; the request it serves (through the node's sender) waits out the 429s.
		const run = await runNode({
			nodeType: new AutoLeap(),
			parameters: { resource: 'partner', operation: 'getProfile' },
			inputItems: [{}, {}],
			credentials: store,
		});
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json.partnerId)).toEqual(['demo-partner', 'demo-partner']);
		expect(logins(sandbox).map((e) => e.status)).toEqual([429, 429, 429, 429, 429, 200]);
	});

	it('logs in once, saves the token, and later runs reuse it without logging in', async () => {
		const store = storeFor(sandbox.url);
		const first = await probe(store, 3);
		expect(first.error).toBeUndefined();
		expect(profilePartners(first.items)).toEqual(['demo-partner', 'demo-partner', 'demo-partner']);
		expect(first.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(logins(sandbox)).toHaveLength(1);
		expect(store.data(TYPE).accessToken).toEqual(expect.any(String));

		// A new process: a fresh credential type, and only the token saved in the store remains.
		const restarted = new CredentialStore([new AutoLeapApi()], { [TYPE]: store.data(TYPE) });
		sandbox.clearLog();
		const second = await probe(restarted, 2);
		expect(second.error).toBeUndefined();
		expect(logins(sandbox)).toHaveLength(0);
		expect(profileCalls(sandbox).map((e) => e.status)).toEqual([200, 200]);
	});

	it('costs exactly one login for 10 concurrent items with no token', async () => {
		const store = storeFor(sandbox.url);
		const result = await probe(store, 10, 2);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(10);
		expect(new Set(profilePartners(result.items))).toEqual(new Set(['demo-partner']));
		expect(logins(sandbox)).toHaveLength(1);
		expect(profileCalls(sandbox).map((e) => e.status)).toEqual(Array(20).fill(200));
		// n8n asked the credential ten times (one per item); it logged in once, and n8n saved once.
		expect(store.preAuthentications).toBe(10);
		expect(store.saves).toBe(1);
	});

	it.each([
		['expired', (s: Sandbox) => s.expireAllTokens()],
		['revoked', (s: Sandbox) => s.revokeAllTokens()],
	])(
		'replaces the token when it is %s, retries each request once, and no item fails',
		async (_case, invalidate) => {
			const store = storeFor(sandbox.url);
			await probe(store, 1);
			const oldToken = store.data(TYPE).accessToken;
			invalidate(sandbox);
			sandbox.clearLog();

			const result = await probe(store, 5);
			expect(result.error).toBeUndefined();
			expect(profilePartners(result.items)).toEqual(Array(5).fill('demo-partner'));
			expect(logins(sandbox)).toHaveLength(1);
			const statuses = profileCalls(sandbox).map((e) => e.status);
			expect(statuses.filter((s) => s === 401)).toHaveLength(5);
			expect(statuses.filter((s) => s === 200)).toHaveLength(5);
			expect(store.data(TYPE).accessToken).not.toBe(oldToken);
		},
	);

	it('renews a token that expired by its lifetime with the refresh token, in a declarative node too', async () => {
		const shortLived = await startSandbox({ port: 0, accessTokenTtlMs: 400 });
		try {
			const store = storeFor(shortLived.url);
			const declarative = () =>
				runNode({
					nodeType: new DeclarativeProbe(),
					parameters: {},
					inputItems: [{}, {}, {}, {}],
					credentials: store,
				});
			expect((await declarative()).error).toBeUndefined();
			await new Promise((resolve) => setTimeout(resolve, 600));
			shortLived.clearLog();

			const result = await declarative();
			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => partnerOf(item.json))).toEqual(
				Array(4).fill('demo-partner'),
			);
			expect(logins(shortLived)).toHaveLength(0);
			expect(shortLived.counters.refreshes).toBe(1);
			expect(profileCalls(shortLived).filter((e) => e.status === 200)).toHaveLength(4);
		} finally {
			await shortLived.close();
		}
	});

	it('acts as the other partner on the next request after the credential is edited', async () => {
		const store = storeFor(sandbox.url);
		expect(profilePartners((await probe(store, 1)).items)).toEqual(['demo-partner']);

		store.edit(TYPE, { ...OTHER_PARTNER });
		sandbox.clearLog();
		const result = await probe(store, 3);
		expect(result.error).toBeUndefined();
		expect(profilePartners(result.items)).toEqual([
			'other-partner',
			'other-partner',
			'other-partner',
		]);
		// The demo partner's token, still stored, was never accepted after the edit.
		expect(profileCalls(sandbox).filter((e) => e.partnerId === 'demo-partner')).toHaveLength(0);
		expect(logins(sandbox)).toHaveLength(1);
		expect(store.data(TYPE).partnerId).toBe('other-partner');
	});

	it('never sends the old token to a new URL', async () => {
		const proxy = await startRecordingProxy(new URL(sandbox.url).origin);
		try {
			const store = storeFor(sandbox.url);
			await probe(store, 1);
			const oldToken = String(store.data(TYPE).accessToken);
			expect(oldToken).not.toBe('');

			store.edit(TYPE, { customUrl: `${proxy.origin}/v2` });
			const result = await probe(store, 2);
			expect(result.error).toBeUndefined();
			expect(profilePartners(result.items)).toEqual(['demo-partner', 'demo-partner']);
			expect(proxy.seen.length).toBeGreaterThan(0);
			expect(proxy.seen.filter((r) => r.authorization?.includes(oldToken))).toEqual([]);
			const profileViaProxy = proxy.seen.filter((r) => r.url.endsWith('/partners/profile'));
			expect(profileViaProxy.slice(0, 2).map((r) => r.authorization)).toEqual([
				undefined,
				undefined,
			]);
			expect(proxy.seen.filter((r) => r.url.endsWith('/partners/login'))).toHaveLength(1);
		} finally {
			await proxy.close();
		}
	});

	it('fails with one clear error for a wrong key, without the key or any token in it', async () => {
		const store = storeFor(sandbox.url);
		await probe(store, 1);
		const oldToken = String(store.data(TYPE).accessToken);
		const wrongKey = 'wrong-key-5e1d9c7a0b';
		store.edit(TYPE, { authKey: wrongKey });
		sandbox.clearLog();

		const result = await probe(store, 3);
		expect(result.error).toBeDefined();
		expect(result.error!.message).toBe('AutoLeap rejected the Partner ID or Auth Key');
		expect((result.error as Error & { description?: string }).description).toMatch(
			/re-enter the Partner ID and Auth Key/,
		);
		expect(logins(sandbox)).toHaveLength(1);
		// The old token was not accepted after the key changed.
		expect(profileCalls(sandbox).filter((e) => e.status === 200)).toHaveLength(0);

		const everything =
			JSON.stringify(result.error) + String(result.error!.stack) + JSON.stringify(result.runData);
		for (const secret of [wrongKey, DEMO_PARTNER.authKey, oldToken])
			expect(everything).not.toContain(secret);
	});

	it('puts the clear error on each item with continueOnFail, without secrets', async () => {
		const wrongKey = 'wrong-key-77aa33cc11';
		const store = storeFor(sandbox.url, { partnerId: DEMO_PARTNER.partnerId, authKey: wrongKey });
		const result = await probe(store, 2, 1, true);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.error)).toEqual([
			'AutoLeap rejected the Partner ID or Auth Key',
			'AutoLeap rejected the Partner ID or Auth Key',
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(JSON.stringify(result.runData)).not.toContain(wrongKey);
		expect(logins(sandbox)).toHaveLength(1);
	});

	it('passes "Test credential" with good credentials and explains bad ones', async () => {
		const good = storeFor(`${sandbox.url}/`);
		await expect(testCredential(good, TYPE)).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(logins(sandbox)).toHaveLength(1);
		expect(profileCalls(sandbox).map((e) => e.status)).toEqual([200]);

		const bad: ICredentialDataDecryptedObject = {
			...DEMO_PARTNER,
			authKey: 'nope-3f2e1d',
			environment: 'custom',
			customUrl: sandbox.url,
		};
		const verdict = await testCredential(
			new CredentialStore([new AutoLeapApi()], { [TYPE]: bad }),
			TYPE,
		);
		expect(verdict).toEqual({
			status: 'Error',
			message: 'AutoLeap rejected the Partner ID or Auth Key',
		});
	});
});
