import { DEMO_COMPANY_ID, DEMO_PARTNER, OTHER_PARTNER } from '../../sandbox';
import { RateLimiter } from '../../sandbox/rateLimit';
import { call, login, sleep, useSandbox } from './helpers';

describe('sandbox rate limits', () => {
	// A window wide enough that a loaded machine cannot let it slide in the middle of a test.
	const WINDOW_MS = 5_000;
	const sb = useSandbox({ seedData: false, limits: { get: 5, write: 3, windowMs: WINDOW_MS } });
	beforeEach(async () => {
		sb().reset();
		await sleep(0);
	});

	it('answers 429 on the (limit+1)th GET, without Retry-After, and 429s do not use budget', async () => {
		const { accessToken } = await login(sb()); // 1 write
		for (let i = 0; i < 5; i++)
			expect((await call(sb(), 'GET', '/partners/profile', { token: accessToken })).status).toBe(
				200,
			);
		const lastAccepted = Date.now();
		const limited = await call(sb(), 'GET', '/partners/profile', { token: accessToken });
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({ success: false, error: 'Rate limit exceeded' });
		expect(limited.headers.get('retry-after')).toBeNull();
		// the window slides: after it passes, GETs are allowed again (rejections did not extend it)
		await sleep(lastAccepted + WINDOW_MS + 100 - Date.now());
		expect((await call(sb(), 'GET', '/partners/profile', { token: accessToken })).status).toBe(200);
	});

	it('keeps writes in a separate bucket that login also uses', async () => {
		const { accessToken } = await login(sb()); // write 1
		for (let i = 0; i < 5; i++)
			await call(sb(), 'GET', '/partners/profile', { token: accessToken });
		expect((await call(sb(), 'GET', '/partners/profile', { token: accessToken })).status).toBe(429);
		// GET bucket exhausted, writes still pass
		const w = await call(sb(), 'PATCH', '/items', {
			token: accessToken,
			body: { companyId: DEMO_COMPANY_ID, items: [{ itemId: 'nope' }] },
		});
		expect(w.status).toBe(404); // write 2 (reached the handler)
		expect((await call(sb(), 'POST', '/partners/login', { body: DEMO_PARTNER })).status).toBe(200); // write 3
		expect((await call(sb(), 'POST', '/partners/login', { body: DEMO_PARTNER })).status).toBe(429);
		// another partner has its own budget
		expect((await call(sb(), 'POST', '/partners/login', { body: OTHER_PARTNER })).status).toBe(200);
	});
});

describe('RateLimiter sliding window (injected monotonic clock)', () => {
	it('frees budget as each old request ages out, and rejections use none', () => {
		let now = 0;
		const rl = new RateLimiter({ get: 3, write: 1, windowMs: 1000 }, () => now);
		expect([rl.take('p', 'get'), rl.take('p', 'get')]).toEqual([true, true]);
		now = 400;
		expect(rl.take('p', 'get')).toBe(true);
		expect(rl.take('p', 'get')).toBe(false);
		now = 999;
		expect(rl.take('p', 'get')).toBe(false); // rejected at 400 and 999: not counted
		now = 1000; // the two at t=0 leave the window
		expect([rl.take('p', 'get'), rl.take('p', 'get'), rl.take('p', 'get')]).toEqual([
			true,
			true,
			false,
		]);
		now = 1400; // the one at t=400 leaves
		expect([rl.take('p', 'get'), rl.take('p', 'get')]).toEqual([true, false]);
		// buckets and accounts are independent
		expect(rl.take('p', 'write')).toBe(true);
		expect(rl.take('p', 'write')).toBe(false);
		expect(rl.take('q', 'get')).toBe(true);
	});
});
