import { DEMO_PARTNER, startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';

export interface Reply {
	status: number;
	body: any;
	text: string;
	headers: Headers;
}

export async function call(
	sandbox: Sandbox,
	method: string,
	path: string,
	opts: {
		token?: string;
		body?: unknown;
		raw?: string;
		query?: Record<string, string | number | boolean>;
		timeoutMs?: number;
	} = {},
): Promise<Reply> {
	const qs = opts.query
		? `?${new URLSearchParams(Object.entries(opts.query).map(([k, v]) => [k, String(v)] as [string, string]))}`
		: '';
	const headers: Record<string, string> = {};
	if (opts.token) headers.authorization = `Bearer ${opts.token}`;
	const payload = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
	if (payload !== undefined) headers['content-type'] = 'application/json';
	const signal = opts.timeoutMs ? AbortSignal.timeout(opts.timeoutMs) : undefined;
	const res = await fetch(`${sandbox.url}${path}${qs}`, { method, headers, body: payload, signal });
	const text = await res.text();
	let body: any;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}
	return { status: res.status, body, text, headers: res.headers };
}

export async function login(
	sandbox: Sandbox,
	creds: { partnerId: string; authKey: string } = DEMO_PARTNER,
) {
	const r = await call(sandbox, 'POST', '/partners/login', { body: creds });
	if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.text}`);
	return r.body.data as { accessToken: string; refreshToken: string };
}

/** A sandbox per test file, closed afterwards. */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, ...options });
	});
	afterAll(async () => {
		await sandbox?.close();
	});
	return () => {
		if (!sandbox) throw new Error('sandbox not started');
		return sandbox;
	};
}

/**
 * A logged-in sandbox per test file, reset before each test (log cleared after the login):
 * `sb()` is the sandbox, `token()` the access token of this test.
 */
export function useLoggedInSandbox(options: SandboxOptions = {}): {
	sb: () => Sandbox;
	token: () => string;
} {
	const sb = useSandbox(options);
	let token = '';
	beforeEach(async () => {
		sb().reset();
		token = (await login(sb())).accessToken;
		sb().clearLog();
	});
	return { sb, token: () => token };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The /__admin/ HTTP controls, as an out-of-process user (real n8n tests) calls them. */
export async function admin(
	sandbox: Sandbox,
	method: string,
	path: string,
	body?: unknown,
): Promise<{ status: number; body: any }> {
	const r = await fetch(`${sandbox.origin}/__admin/${path}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: r.status, body: await r.json() };
}

/** Like call(), but a request that gets no (complete) answer resolves to its error instead. */
export async function attempt(
	sandbox: Sandbox,
	method: string,
	path: string,
	opts: Parameters<typeof call>[3] = {},
): Promise<Reply | { error: Error }> {
	try {
		return await call(sandbox, method, path, opts);
	} catch (e) {
		return { error: e as Error };
	}
}

/** Waits (real time) until cond() holds; fails after timeoutMs. */
export async function until(cond: () => boolean, timeoutMs = 5000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!cond()) {
		if (Date.now() > end) throw new Error('condition not met in time');
		await sleep(10);
	}
}
