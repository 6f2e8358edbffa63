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
