/**
 * AutoLeap's token lifecycle in a real n8n: one login, then renewals by refresh (never per item),
 * each renewed pair saved by n8n, so the next execution (a new `n8n execute` process) starts from
 * it. The sandbox's access tokens live 30 s here, and the credential knows it.
 */
import { DEMO_COMPANY_ID, DEMO_PARTNER } from '../sandbox/seed';
import { itemsOf, type Execution } from './lib/n8n';
import { useN8n } from './lib/suite';
import { byId, chain } from './lib/workflow';

// Long enough that a pair renewed in one execution is not yet due in the next: each process renews
// at a point of its own, 60–90 % into the lifetime (account.ts RENEW_BEFORE).
const ACCESS_MS = 30_000;
const ctx = useN8n({}, { accessLifetimeMs: ACCESS_MS, refreshLifetimeMs: 10_800_000 });
const ITEMS = 30;

const readVehicles = (ids: string[]) =>
	chain('E2eTokenReads001', 'e2e: token — 30 items, one Get each', [
		{
			name: 'Vehicle IDs',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode: `return ${JSON.stringify(ids)}.map((vehicleId) => ({ json: { vehicleId } }));`,
			},
		},
		{
			name: 'Get Vehicle',
			parameters: {
				resource: 'vehicle',
				operation: 'get',
				vehicleId: byId('={{ $json.vehicleId }}'),
			},
		},
	]);

// A Wait between two reads: the test expires the token while the execution waits.
const readWaitRead = chain('E2eTokenWaits001', 'e2e: token — read, wait, read', [
	{
		name: 'First Read',
		parameters: { resource: 'vehicle', operation: 'getAll', companyId: DEMO_COMPANY_ID, limit: 5 },
	},
	{
		name: 'Wait',
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		executeOnce: true,
		parameters: { resume: 'timeInterval', amount: 4, unit: 'seconds' },
	},
	{
		name: 'Second Read',
		executeOnce: true,
		parameters: { resource: 'customer', operation: 'getAll', companyId: DEMO_COMPANY_ID, limit: 5 },
	},
]);

const logOut = chain('E2eTokenLogOut01', 'e2e: token — log out', [
	{ name: 'Log Out', parameters: { resource: 'partner', operation: 'logOut' } },
]);

/** Runs a workflow and returns what it cost in logins and 401s. */
async function measured(workflowId: string, during?: () => Promise<void>) {
	const { logins, refreshes } = ctx.sandbox.counters;
	const from = ctx.sandbox.requestLog.length;
	const running = ctx.n8n.execute(workflowId);
	await during?.();
	const execution: Execution = await running;
	const requests = ctx.sandbox.requestLog.slice(from);
	return {
		execution,
		logins: ctx.sandbox.counters.logins - logins,
		refreshes: ctx.sandbox.counters.refreshes - refreshes,
		// 401s of the node's requests (a refused refresh is counted apart, by the sandbox).
		unauthorized: requests.filter((r) => r.status === 401 && !r.path.startsWith('/partners/'))
			.length,
		// 429s are not failures here: every `n8n execute` is a process with a rate budget of its own,
		// so back-to-back executions can outrun AutoLeap's window; the node waits them out.
		failed: requests.filter((r) => r.status >= 400 && r.status !== 401 && r.status !== 429).length,
	};
}

const succeeded = (execution: Execution) => ({
	status: execution.status,
	error: execution.data.resultData.error?.message,
});

let vehicleIds: string[];

beforeAll(async () => {
	ctx.sandbox.setTokenLifetimes({ accessMs: ACCESS_MS, refreshMs: 10_800_000 });
	vehicleIds = ctx.sandbox.store
		.list('vehicles', DEMO_COMPANY_ID)
		.slice(0, ITEMS)
		.map((v) => String(v.vehicleId));
	await ctx.n8n.importWorkflows([readVehicles(vehicleIds), readWaitRead, logOut]);
});

it('first execution: one login for 30 items; the next execution reuses the token n8n saved', async () => {
	const first = await measured('E2eTokenReads001');
	expect(succeeded(first.execution)).toEqual({ status: 'success', error: undefined });
	expect(itemsOf(first.execution, 'Get Vehicle').map((v) => String(v.vehicleId))).toEqual(
		vehicleIds,
	);
	expect(first.logins).toBe(1);

	const second = await measured('E2eTokenReads001');
	expect(succeeded(second.execution)).toEqual({ status: 'success', error: undefined });
	expect(second.logins).toBe(0);
	expect(second.unauthorized).toBe(0);
});

it('executions spanning 3 access token lifetimes: no login, a refresh before each sends its first request, never a 401', async () => {
	const runs = [];
	for (let i = 0; i < 4; i++) {
		const started = Date.now();
		runs.push(await measured('E2eTokenReads001'));
		// The next execution starts a token lifetime after this one did: its token is due for renewal.
		await new Promise((done) => setTimeout(done, Math.max(0, ACCESS_MS - (Date.now() - started))));
	}
	expect(runs.map((run) => succeeded(run.execution))).toEqual(
		runs.map(() => ({ status: 'success', error: undefined })),
	);
	const total = runs.reduce(
		(sum, run) => ({
			logins: sum.logins + run.logins,
			refreshes: sum.refreshes + run.refreshes,
			unauthorized: sum.unauthorized + run.unauthorized,
			failed: sum.failed + run.failed,
		}),
		{ logins: 0, refreshes: 0, unauthorized: 0, failed: 0 },
	);
	expect(total.logins).toBe(0);
	expect(total.refreshes).toBeGreaterThanOrEqual(3);
	expect({ unauthorized: total.unauthorized, failed: total.failed }).toEqual({
		unauthorized: 0,
		failed: 0,
	});
});

it('access token expired (by AutoLeap) between executions: one refresh, no login, no failed item; the new pair is saved', async () => {
	ctx.sandbox.expireAccessTokens();
	const renewed = await measured('E2eTokenReads001');
	expect(succeeded(renewed.execution)).toEqual({ status: 'success', error: undefined });
	expect(itemsOf(renewed.execution, 'Get Vehicle')).toHaveLength(ITEMS);
	// One refresh, whether a 401 asked for it or the token's age did first.
	expect({ logins: renewed.logins, refreshes: renewed.refreshes, failed: renewed.failed }).toEqual({
		logins: 0,
		refreshes: 1,
		failed: 0,
	});

	const after = await measured('E2eTokenReads001');
	expect({
		logins: after.logins,
		refreshes: after.refreshes,
		unauthorized: after.unauthorized,
	}).toEqual({ logins: 0, refreshes: 0, unauthorized: 0 });
});

it('both tokens expired between executions: one login, no failed item', async () => {
	ctx.sandbox.expireAllTokens();
	const renewed = await measured('E2eTokenReads001');
	expect(succeeded(renewed.execution)).toEqual({ status: 'success', error: undefined });
	expect({ logins: renewed.logins, failed: renewed.failed }).toEqual({ logins: 1, failed: 0 });
});

it('token expired during an execution: one refresh, and the execution carries on', async () => {
	const from = ctx.sandbox.requestLog.length;
	let refreshesBefore = 0;
	const run = await measured('E2eTokenWaits001', async () => {
		// Once the first read is answered the execution is in its Wait: expire the token now.
		const deadline = Date.now() + 120_000;
		while (
			!ctx.sandbox.requestLog.slice(from).some((r) => r.path === '/vehicles' && r.status === 200)
		) {
			if (Date.now() > deadline) throw new Error('the first read never arrived');
			await new Promise((done) => setTimeout(done, 100));
		}
		// (The execution may have refreshed already, at its start, if the stored token was due.)
		refreshesBefore = ctx.sandbox.counters.refreshes;
		ctx.sandbox.expireAccessTokens();
	});
	expect(succeeded(run.execution)).toEqual({ status: 'success', error: undefined });
	expect(itemsOf(run.execution, 'First Read')).toHaveLength(5);
	expect(itemsOf(run.execution, 'Second Read')).toHaveLength(5);
	// One refresh: after AutoLeap refuses the token once, or before, if the token's age makes this
	// process renew first (its renewal point is drawn at random).
	const refreshesAfterExpiry = ctx.sandbox.counters.refreshes - refreshesBefore;
	expect({ logins: run.logins, refreshesAfterExpiry, failed: run.failed }).toEqual({
		logins: 0,
		refreshesAfterExpiry: 1,
		failed: 0,
	});
	expect(run.unauthorized).toBeLessThanOrEqual(1);
});

it('Log Out ends the session; the next execution logs in once', async () => {
	const out = await measured('E2eTokenLogOut01');
	expect(succeeded(out.execution)).toEqual({ status: 'success', error: undefined });
	const next = await measured('E2eTokenReads001');
	expect(succeeded(next.execution)).toEqual({ status: 'success', error: undefined });
	expect({ logins: next.logins, failed: next.failed }).toEqual({ logins: 1, failed: 0 });
});

it('no execution output contains the Auth Key or a Bearer token', async () => {
	const run = await measured('E2eTokenReads001');
	const text = JSON.stringify(run.execution);
	expect(text).not.toContain(DEMO_PARTNER.authKey);
	expect(text).not.toMatch(/bearer\s+\S{8,}/i);
});
