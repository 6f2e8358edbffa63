import { retryAfterOf } from '../../nodes/shared/autoleap/transport/retry';
import { runNode } from '../harness';
import { ClientProbe } from '../fixtures/ClientProbe.node';
import { startRewritingProxy } from '../fixtures/rewritingProxy';
import { apiCalls, credentialsFor, DEMO_COMPANY_ID, useSandbox } from '../node/helpers';

/** A 429 that says how long to wait (AutoLeap documents no Retry-After; a proxy in front may send one). */
describe('Retry-After', () => {
	const refused = (headers: Record<string, string>) => ({
		httpCode: '429',
		cause: { response: { status: 429, headers } },
	});

	it('reads seconds, or an HTTP date against the answer’s own Date; nothing else', () => {
		expect(retryAfterOf(refused({ 'Retry-After': '7' }))).toBe(7_000);
		expect(
			retryAfterOf(
				refused({
					'retry-after': 'Mon, 02 Jun 2025 12:00:30 GMT',
					date: 'Mon, 02 Jun 2025 12:00:00 GMT',
				}),
			),
		).toBe(30_000);
		expect(retryAfterOf(refused({}))).toBeUndefined();
		expect(retryAfterOf(refused({ 'retry-after': 'soon' }))).toBeUndefined();
		expect(retryAfterOf(new Error('no answer'))).toBeUndefined();
	});

	const ctx = useSandbox();

	it('a read waits what Retry-After asks: longer than the patience, it fails at once instead of retrying', async () => {
		const { sandbox } = ctx;
		const proxy = await startRewritingProxy(sandbox.url, {
			request: (call) =>
				call.path.endsWith('/vehicles')
					? {
							status: 429,
							headers: { 'retry-after': '120' },
							body: { success: false, error: 'Rate limit exceeded' },
						}
					: undefined,
		});
		try {
			const result = await runNode({
				nodeType: new ClientProbe(),
				parameters: {
					verb: 'readPage',
					request: JSON.stringify({ method: 'GET', path: '/vehicles', companyId: DEMO_COMPANY_ID }),
				},
				inputItems: [{}],
				// A second of patience: the backoff alone (a sixtieth of the window) would retry several times.
				credentials: credentialsFor(sandbox, {
					customUrl: proxy.url,
					rateWindowMs: 1000,
					patienceMinutes: 1 / 60,
				}),
			});
			expect(result.error?.message).toMatch(/rate limit/i);
			expect(proxy.log.filter((entry) => entry.url.startsWith('/v2/vehicles'))).toHaveLength(1);
			expect(apiCalls(sandbox, '/vehicles')).toHaveLength(0);
		} finally {
			await proxy.close();
		}
	});
});
