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
	opts: { token?: string; body?: unknown; raw?: string; query?: Record<string, string | number | boolean> } = {},
): Promise<Reply> {
	const qs = opts.query ? `?${new URLSearchParams(Object.entries(opts.query).map(([k, v]) => [k, String(v)] as [string, string]))}` : '';
	const headers: Record<string, string> = {};
	if (opts.token) headers.authorization = `Bearer ${opts.token}`;
	const payload = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
	if (payload !== undefined) headers['content-type'] = 'application/json';
	const res = await fetch(`${sandbox.url}${path}${qs}`, { method, headers, body: payload });
	const text = await res.text();
	let body: any;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}
	return { status: res.status, body, text, headers: res.headers };
}

export async function login(sandbox: Sandbox, creds: { partnerId: string; authKey: string } = DEMO_PARTNER) {
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

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The /__admin/ HTTP controls, as an out-of-process user (real n8n tests) calls them. */
export async function admin(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
	const r = await fetch(`${sandbox.origin}/__admin/${path}`, {
		method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: r.status, body: await r.json() };
}

/** Like call(), but a request that gets no (complete) answer resolves to its error instead. */
export async function attempt(
	sandbox: Sandbox, method: string, path: string, opts: Parameters<typeof call>[3] & { timeoutMs?: number } = {},
): Promise<Reply | { error: Error }> {
	const { timeoutMs, ...rest } = opts;
	const qs = rest.query ? `?${new URLSearchParams(Object.entries(rest.query).map(([k, v]) => [k, String(v)] as [string, string]))}` : '';
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (rest.token) headers.authorization = `Bearer ${rest.token}`;
	try {
		const res = await fetch(`${sandbox.url}${path}${qs}`, {
			method, headers, body: rest.body === undefined ? undefined : JSON.stringify(rest.body),
			signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
		});
		const text = await res.text();
		let body: any;
		try {
			body = JSON.parse(text);
		} catch {
			body = undefined;
		}
		return { status: res.status, body, text, headers: res.headers };
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
