import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { AutoLeapApi } from '../../credentials/AutoLeapApi.credentials';
import { AutoLeap } from '../../nodes/AutoLeap/AutoLeap.node';
import { RENEW_BEFORE } from '../../nodes/shared/autoleap/account';
import { DEMO_COMPANY_ID, DEMO_PARTNER, startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { CredentialStore, ProcessView, runNode, testCredential } from '../harness';

/**
 * AutoLeap's token lifecycle over HTTP (README §2): log in once, renew by refresh (rotating the
 * pair) before the access token's lifetime runs out, log in again only when the refresh token is
 * gone or refused. Lifetimes are shortened on both sides: the sandbox's and the credential's.
 */

// Long enough that a loaded machine's slow executions stay inside them.
const ACCESS_MS = 3_000;
const REFRESH_MS = 8_000;
const TYPE = 'autoLeapApi';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, limits: { windowMs: 1_000 } });
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(() => {
	sandbox.reset();
	sandbox.setTokenLifetimes({ accessMs: ACCESS_MS, refreshMs: REFRESH_MS });
});

const data = (extra: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject => ({
	...DEMO_PARTNER,
	environment: 'custom',
	customUrl: sandbox.url,
	rateWindowMs: 1_000,
	accessLifetimeMs: ACCESS_MS,
	refreshLifetimeMs: REFRESH_MS,
	...extra,
});

/** Another n8n process on the same database (every `n8n execute` is one). */
const newProcess = (db: CredentialStore) => new ProcessView(db, new AutoLeapApi());

const vehicleIds = () =>
	sandbox.store
		.list('vehicles', DEMO_COMPANY_ID)
		.slice(0, 20)
		.map((v) => ({ id: v.vehicleId }));
const getVehicle = {
	resource: 'vehicle',
	operation: 'get',
	vehicleId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
};

async function execute(credentials: CredentialStore, items = vehicleIds().slice(0, 1)) {
	const result = await runNode({
		nodeType: new AutoLeap(),
		parameters: getVehicle,
		inputItems: items,
		credentials,
	});
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(items.length);
	return result;
}

/** What the token cost since `from` (a copy of the counters), and the 401s the node met. */
function cost(from: typeof sandbox.counters, logFrom = 0) {
	const { logins, refreshes, failedRefreshes } = sandbox.counters;
	return {
		logins: logins - from.logins,
		refreshes: refreshes - from.refreshes,
		failedRefreshes: failedRefreshes - from.failedRefreshes,
		unauthorized: sandbox.requestLog
			.slice(logFrom)
			.filter((e) => e.status === 401 && !e.path.startsWith('/partners/')).length,
	};
}

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

it('executions spanning several access token lifetimes: one login, then refreshes before expiry, never a 401', async () => {
	const db = new CredentialStore([new AutoLeapApi()], { [TYPE]: data() });
	const start = { ...sandbox.counters };
	for (let run = 0; run < 4; run++) {
		await execute(newProcess(db)); // every execution a new process, as `n8n execute` is
		await wait(ACCESS_MS * 0.95);
	}
	expect(cost(start)).toEqual({ logins: 1, refreshes: 3, failedRefreshes: 0, unauthorized: 0 });
	// The rotated pair is what the database holds.
	expect(db.data(TYPE)).toMatchObject({
		accessToken: expect.stringMatching(/^at_/),
		refreshToken: expect.stringMatching(/^rt_/),
	});
});

it('a refresh token past its lifetime costs exactly one login, and no refresh is tried', async () => {
	const db = new CredentialStore([new AutoLeapApi()], { [TYPE]: data() });
	await execute(newProcess(db));
	await wait(REFRESH_MS + 100);
	const start = { ...sandbox.counters };
	await execute(newProcess(db));
	expect(cost(start)).toEqual({ logins: 1, refreshes: 0, failedRefreshes: 0, unauthorized: 0 });
});

it.each([
	[
		'expired (AutoLeap says so; the credential assumes the documented 3 h)',
		() => sandbox.expireAllTokens(),
	],
	['revoked', () => sandbox.revokeAllTokens()],
])('a pair %s costs one refused refresh and exactly one login', async (_case, invalidate) => {
	const db = new CredentialStore([new AutoLeapApi()], {
		[TYPE]: data({ accessLifetimeMs: 3_600_000, refreshLifetimeMs: 10_800_000 }),
	});
	await execute(newProcess(db));
	invalidate();
	const start = { ...sandbox.counters };
	const from = sandbox.requestLog.length;
	await execute(newProcess(db), vehicleIds().slice(0, 5));
	expect(cost(start, from)).toEqual({
		logins: 1,
		refreshes: 0,
		failedRefreshes: 1,
		unauthorized: 5,
	});
});

it('20 concurrent items with an expired access token: one refresh, saved once', async () => {
	sandbox.setTokenLifetimes({ accessMs: 3_600_000, refreshMs: 10_800_000 });
	const db = new CredentialStore([new AutoLeapApi()], {
		[TYPE]: data({ accessLifetimeMs: 3_600_000, refreshLifetimeMs: 10_800_000 }),
	});
	await execute(newProcess(db));
	sandbox.expireAccessTokens();
	const process = newProcess(db);
	const start = { ...sandbox.counters };
	await execute(process, vehicleIds());
	expect(cost(start)).toMatchObject({ logins: 0, refreshes: 1, failedRefreshes: 0 });
	expect(process.saves).toBe(1);
});

it('two processes renewing at once: one wins the rotation, the other reads the pair it saved — no login', async () => {
	const db = new CredentialStore([new AutoLeapApi()], { [TYPE]: data() });
	await execute(newProcess(db));
	await wait(ACCESS_MS * 0.95);
	const start = { ...sandbox.counters };
	const [a, b] = [newProcess(db), newProcess(db)];
	await Promise.all([
		execute(a, vehicleIds().slice(0, 10)),
		execute(b, vehicleIds().slice(10, 20)),
	]);
	// Both read the pair before either saved a new one: both refresh, AutoLeap refuses the second.
	expect(cost(start)).toEqual({ logins: 0, refreshes: 1, failedRefreshes: 1, unauthorized: 0 });
	expect(a.saves + b.saves).toBe(1);
});

it('"Test credential" after AutoLeap revoked the pair: the refused refresh is followed by a login at once (no sender retries it)', async () => {
	const db = new CredentialStore([new AutoLeapApi()], {
		[TYPE]: data({ accessLifetimeMs: 3_600_000, refreshLifetimeMs: 10_800_000 }),
	});
	await execute(newProcess(db));
	sandbox.revokeAllTokens();
	const start = { ...sandbox.counters };
	expect(await testCredential(newProcess(db), TYPE)).toEqual({
		status: 'OK',
		message: 'Connection successful!',
	});
	expect(cost(start)).toMatchObject({ logins: 1, refreshes: 0, failedRefreshes: 1 });
});

/**
 * Another n8n process: the node and the credential loaded afresh (module state of their own, as in
 * another process), with its renewal point drawn as `share` (the same n8n-workflow, so errors
 * and helpers stay those the harness knows).
 */
function otherProcess(db: CredentialStore, share: number) {
	let loaded: { node: AutoLeap; credential: AutoLeapApi; share: number } | undefined;
	const workflow: unknown = jest.requireActual('n8n-workflow');
	jest.isolateModules(() => {
		jest.doMock('n8n-workflow', () => workflow);
		const random = jest
			.spyOn(Math, 'random')
			.mockReturnValue((share - RENEW_BEFORE.least) / RENEW_BEFORE.spread);
		/* eslint-disable @typescript-eslint/no-require-imports */
		const account = require('../../nodes/shared/autoleap/account') as {
			RENEW_BEFORE_SHARE: number;
		};
		const { AutoLeap: Node } = require('../../nodes/AutoLeap/AutoLeap.node') as {
			AutoLeap: new () => AutoLeap;
		};
		const { AutoLeapApi: Credential } = require('../../credentials/AutoLeapApi.credentials') as {
			AutoLeapApi: new () => AutoLeapApi;
		};
		/* eslint-enable @typescript-eslint/no-require-imports */
		random.mockRestore();
		loaded = { node: new Node(), credential: new Credential(), share: account.RENEW_BEFORE_SHARE };
	});
	const view = new ProcessView(db, loaded!.credential);
	return {
		share: loaded!.share,
		run: async () =>
			await runNode({
				nodeType: loaded!.node,
				parameters: getVehicle,
				inputItems: vehicleIds().slice(0, 1),
				credentials: view,
			}),
	};
}

it('two processes busy across 3 lifetimes renew at their own moments: the later finds the pair the first saved — no login, no lost race', async () => {
	const db = new CredentialStore([new AutoLeapApi()], { [TYPE]: data() });
	const [a, b] = [otherProcess(db, 0.4), otherProcess(db, 0.1)];
	expect([a.share, b.share]).toEqual([0.4, 0.1]);
	expect((await a.run()).error).toBeUndefined();
	const start = { ...sandbox.counters };
	const from = sandbox.requestLog.length;
	for (const until = Date.now() + 3 * ACCESS_MS; Date.now() < until; ) {
		const runs = await Promise.all([a.run(), b.run()]);
		expect(runs.map((r) => r.error)).toEqual([undefined, undefined]);
		await wait(100);
	}
	const spent = cost(start, from);
	expect({
		logins: spent.logins,
		failedRefreshes: spent.failedRefreshes,
		unauthorized: spent.unauthorized,
	}).toEqual({ logins: 0, failedRefreshes: 0, unauthorized: 0 });
	// One renewal per 60 % of a lifetime (the earlier process's point), none by the later one.
	expect(spent.refreshes).toBeGreaterThanOrEqual(4);
	expect(spent.refreshes).toBeLessThanOrEqual(5);
});

it('Log Out sends the refresh token as documented and ends the session; the next request logs in once', async () => {
	const db = new CredentialStore([new AutoLeapApi()], { [TYPE]: data() });
	const process = newProcess(db);
	await execute(process);
	const from = sandbox.requestLog.length;
	const out = await runNode({
		nodeType: new AutoLeap(),
		parameters: { resource: 'partner', operation: 'logOut' },
		credentials: process,
	});
	expect(out.error).toBeUndefined();
	expect(out.items.map((item) => item.json)).toEqual([
		{ success: true, message: 'Logged out successfully' },
	]);
	const logout = sandbox.requestLog.slice(from).filter((e) => e.path === '/partners/logout');
	expect(logout.map((e) => [e.status, e.body])).toEqual([[200, { refreshToken: '[redacted]' }]]);
	const start = { ...sandbox.counters };
	await execute(process);
	expect(cost(start)).toMatchObject({ logins: 1 });
});
