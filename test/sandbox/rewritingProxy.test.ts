import { startRewritingProxy, type RewritingProxy } from '../fixtures/rewritingProxy';
import { login, useSandbox } from './helpers';

/** The test proxy itself: what it is told to change, it changes, and nothing else. */
const sb = useSandbox();
let proxy: RewritingProxy;

beforeAll(async () => {
	proxy = await startRewritingProxy(sb().url);
});
afterAll(async () => {
	await proxy.close();
});

async function vehicles(query: string, token: string) {
	const res = await fetch(`${proxy.url}/vehicles?${query}`, {
		headers: { authorization: `Bearer ${token}` },
	});
	return { status: res.status, body: (await res.json()) as any, date: res.headers.get('date') };
}

it('passes calls through unchanged, Date header included, and logs them', async () => {
	proxy.setRules({});
	const { accessToken } = await login(sb());
	const answer = await vehicles('companyId=374844&size=3', accessToken);
	expect(answer.status).toBe(200);
	expect(answer.body.results.content).toHaveLength(3);
	expect(answer.date).not.toBeNull();
	expect(proxy.log.at(-1)).toEqual({
		method: 'GET',
		url: '/v2/vehicles?companyId=374844&size=3',
		status: 200,
	});
});

it('drops a query parameter and renames a field of every record, as told', async () => {
	const { accessToken } = await login(sb());
	proxy.setRules({
		request: (call) => call.query.delete('size'),
		response: (answer) => {
			for (const record of (answer.body as any).results.content) {
				record.id = record.vehicleId;
				delete record.vehicleId;
			}
		},
	});
	const answer = await vehicles('companyId=374844&size=3', accessToken);
	expect(proxy.log.at(-1)?.url).toBe('/v2/vehicles?companyId=374844');
	expect(answer.body.results.content.length).toBeGreaterThan(3);
	expect(answer.body.results.content[0].vehicleId).toBeUndefined();
	expect(answer.body.results.content[0].id).toEqual(expect.any(String));
});

it('answers by itself and trickles an answer', async () => {
	proxy.setRules({
		request: () => ({ status: 429, body: { success: false, error: 'slow down' } }),
		trickle: () => ({ bytes: 5, everyMs: 20 }),
	});
	const started = Date.now();
	const res = await fetch(`${proxy.url}/vehicles`);
	const body = await res.json();
	expect(res.status).toBe(429);
	expect(body).toEqual({ success: false, error: 'slow down' });
	// 45 bytes in 5-byte steps every 20 ms: at least 8 waits.
	expect(Date.now() - started).toBeGreaterThanOrEqual(160);
});
