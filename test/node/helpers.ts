import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AutoLeapApi } from '../../credentials/AutoLeapApi.credentials';
import { AutoLeap } from '../../nodes/AutoLeap/AutoLeap.node';
import { DEMO_PARTNER, startSandbox } from '../../sandbox';
import type { RequestLogEntry, Sandbox, SandboxOptions } from '../../sandbox';
import { CredentialStore, runNode } from '../harness';

export {
	DEMO_COMPANY_ID,
	DEMO_COMPANY_2_ID,
	DEMO_LOCATION_ID,
	DEMO_LOCATION_IDS,
} from '../../sandbox';
export type { Sandbox };

export const CREDENTIAL = 'autoLeapApi';

export function credentialsFor(sandbox: Sandbox, extra: IDataObject = {}): CredentialStore {
	return new CredentialStore([new AutoLeapApi()], {
		[CREDENTIAL]: {
			...DEMO_PARTNER,
			environment: 'custom',
			customUrl: sandbox.url,
			...extra,
		} as never,
	});
}

/**
 * One sandbox per test file; per test a fresh credential (a fresh process's tokens) and AutoLeap's
 * rate window scaled to `windowMs` on both sides, so retry delays (a sixtieth of the window) are
 * short and each file runs in a few seconds.
 */
export function useSandbox(options: SandboxOptions = {}, windowMs = 1_000) {
	const context = {} as { sandbox: Sandbox; credentials: CredentialStore };
	beforeAll(async () => {
		context.sandbox = await startSandbox({
			port: 0,
			...options,
			limits: { windowMs, ...options.limits },
		});
	});
	afterAll(async () => {
		await context.sandbox.close();
	});
	beforeEach(() => {
		context.sandbox.reset();
		context.sandbox.clearFaults();
		context.sandbox.clearLog();
		context.credentials = credentialsFor(context.sandbox, { rateWindowMs: windowMs });
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
