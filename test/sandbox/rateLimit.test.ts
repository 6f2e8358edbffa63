import { DEMO_COMPANY_ID, DEMO_PARTNER, OTHER_PARTNER } from '../../sandbox';
import { call, login, sleep, useSandbox } from './helpers';

describe('sandbox rate limits', () => {
	const sb = useSandbox({ seedData: false, limits: { get: 5, write: 3, windowMs: 600 } });
	beforeEach(async () => {
		sb().reset();
		await sleep(0);
	});

	it('answers 429 on the (limit+1)th GET, without Retry-After, and 429s do not use budget', async () => {
		const { accessToken } = await login(sb()); // 1 write
		for (let i = 0; i < 5; i++) expect((await call(sb(), 'GET', '/partners/profile', { token: accessToken })).status).toBe(200);
		const limited = await call(sb(), 'GET', '/partners/profile', { token: accessToken });
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({ success: false, error: 'Rate limit exceeded' });
		expect(limited.headers.get('retry-after')).toBeNull();
		// the window slides: after it passes, GETs are allowed again (rejections did not extend it)
		await sleep(650);
		expect((await call(sb(), 'GET', '/partners/profile', { token: accessToken })).status).toBe(200);
	});

	it('keeps writes in a separate bucket that login also uses', async () => {
		const { accessToken } = await login(sb()); // write 1
		for (let i = 0; i < 5; i++) await call(sb(), 'GET', '/partners/profile', { token: accessToken });
		expect((await call(sb(), 'GET', '/partners/profile', { token: accessToken })).status).toBe(429);
		// GET bucket exhausted, writes still pass
		const w = await call(sb(), 'PATCH', '/items', { token: accessToken, body: { companyId: DEMO_COMPANY_ID, items: [{ itemId: 'nope' }] } });
		expect(w.status).toBe(404); // write 2 (reached the handler)
		expect((await call(sb(), 'POST', '/partners/login', { body: DEMO_PARTNER })).status).toBe(200); // write 3
		expect((await call(sb(), 'POST', '/partners/login', { body: DEMO_PARTNER })).status).toBe(429);
		// another partner has its own budget
		expect((await call(sb(), 'POST', '/partners/login', { body: OTHER_PARTNER })).status).toBe(200);
	});

	it('slides the window: budget returns as old requests age out', async () => {
		const { accessToken } = await login(sb());
		for (let i = 0; i < 3; i++) await call(sb(), 'GET', '/partners/profile', { token: accessToken });
		await sleep(350);
		for (let i = 0; i < 2; i++) expect((await call(sb(), 'GET', '/partners/profile', { token: accessToken })).status).toBe(200);
		expect((await call(sb(), 'GET', '/partners/profile', { token: accessToken })).status).toBe(429);
		await sleep(300); // the first three (t≈0) have left the window, the last two (t≈350) have not
		for (let i = 0; i < 3; i++) expect((await call(sb(), 'GET', '/partners/profile', { token: accessToken })).status).toBe(200);
		expect((await call(sb(), 'GET', '/partners/profile', { token: accessToken })).status).toBe(429);
	});
});
