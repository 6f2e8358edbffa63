import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AutoLeapApi } from '../../credentials/AutoLeapApi.credentials';
import { resetLoginStateForTests } from '../../credentials/autoLeapAuth';
import { AutoLeap } from '../../nodes/AutoLeap/AutoLeap.node';
import { setBudgetWindowForTests } from '../../nodes/AutoLeap/shared/transport/rateBudget';
import { retryPolicy } from '../../nodes/AutoLeap/shared/transport/retry';
import { DEMO_PARTNER, startSandbox } from '../../sandbox';
import type { RequestLogEntry, Sandbox, SandboxOptions } from '../../sandbox';
import { CredentialStore, runNode } from '../harness';

export { DEMO_COMPANY_ID, DEMO_COMPANY_2_ID, DEMO_LOCATION_ID, DEMO_LOCATION_IDS } from '../../sandbox';
export type { Sandbox };

export const CREDENTIAL = 'autoLeapApi';

export function credentialsFor(sandbox: Sandbox, extra: IDataObject = {}): CredentialStore {
	return new CredentialStore([new AutoLeapApi()], {
		[CREDENTIAL]: { ...DEMO_PARTNER, environment: 'custom', customUrl: sandbox.url, ...extra } as never,
	});
}

const originalPolicy = { ...retryPolicy };

/**
 * One sandbox per test file, a fresh login state, budget window and short retry delays per test
 * (restored afterwards), so each file runs in a few seconds.
 */
export function useSandbox(options: SandboxOptions = {}, windowMs = 60_000) {
	const context = {} as { sandbox: Sandbox; credentials: CredentialStore };
	beforeAll(async () => {
		context.sandbox = await startSandbox({ port: 0, ...options });
	});
	afterAll(async () => {
		Object.assign(retryPolicy, originalPolicy);
		setBudgetWindowForTests(60_000);
		await context.sandbox.close();
	});
	beforeEach(() => {
		resetLoginStateForTests();
		setBudgetWindowForTests(windowMs);
		Object.assign(retryPolicy, originalPolicy, { baseDelayMs: 5, maxDelayMs: 40 });
		context.sandbox.reset();
		context.sandbox.clearFaults();
		context.sandbox.clearLog();
		context.credentials = credentialsFor(context.sandbox);
	});
	return context;
}

/** Runs the AutoLeap node once through n8n-core's WorkflowExecute. */
export async function run(
	credentials: CredentialStore,
	parameters: INodeParameters,
	options: { inputItems?: IDataObject[]; continueOnFail?: boolean } = {},
) {
	return await runNode({ nodeType: new AutoLeap(), parameters, credentials, ...options });
}

/** The API calls the node made (the credential's logins and refreshes left out). */
export function apiCalls(sandbox: Sandbox, path?: string): RequestLogEntry[] {
	return sandbox.requestLog.filter(
		(entry) =>
			!entry.path.startsWith('/partners/login') &&
			!entry.path.startsWith('/partners/generateNewAccessToken') &&
			(path === undefined || entry.path === path),
	);
}

export const jsonOf = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json);
