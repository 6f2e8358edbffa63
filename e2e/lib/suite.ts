/** Jest wiring shared by the e2e suites: a sandbox and a real n8n with the credential imported. */
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';
import { DEMO_PARTNER } from '../../sandbox/seed';
import { N8n, type CredentialData } from './n8n';
import { packedPackage, runtime, type Runtime } from './runtime';
import { isRuntimeName, NEWEST } from './runtimes';

export interface E2eContext {
	sandbox: Sandbox;
	n8n: N8n;
}

/** The runtime this jest project runs on (jest.e2e.config.js sets E2E_RUNTIME per project). */
export function runtimeUnderTest(): Runtime {
	const name: unknown = (globalThis as { E2E_RUNTIME?: unknown }).E2E_RUNTIME ?? NEWEST;
	if (!isRuntimeName(name)) throw new Error(`Unknown e2e runtime ${String(name)}`);
	return runtime(name);
}

export function useN8n(
	sandboxOptions: SandboxOptions = {},
	credential: Partial<CredentialData> = {},
): E2eContext {
	const ctx = {} as E2eContext;
	beforeAll(async () => {
		ctx.sandbox = await startSandbox({ port: 0, ...sandboxOptions });
		ctx.n8n = N8n.create(packedPackage(), { runtime: runtimeUnderTest() });
		await ctx.n8n.importCredential({ ...DEMO_PARTNER, customUrl: ctx.sandbox.url, ...credential });
	});
	afterAll(async () => {
		await ctx.sandbox?.close();
		ctx.n8n?.dispose();
	});
	return ctx;
}

/** "METHOD /path" of each request the sandbox received since `from`, /v2 stripped. */
export function requestsSince(sandbox: Sandbox, from = 0): string[] {
	return sandbox.requestLog.slice(from).map((r) => `${r.method} ${r.path}`);
}

export const count = (list: string[], entry: string | RegExp) =>
	list.filter((e) => (typeof entry === 'string' ? e === entry : entry.test(e))).length;
