import { DEMO_COMPANY_ID, DEMO_PARTNER } from '../../sandbox';
import { call, login, useLoggedInSandbox } from './helpers';

describe('sandbox test controls', () => {
	const { sb, token } = useLoggedInSandbox({
		seedData: false,
		clock: 'manual',
		startTime: '2025-01-01T00:00:00.000Z',
	});

	it('injects faults before auth and limits, matching method and path, logged as requests', async () => {
		sb().injectFaults({ status: 503, count: 2, method: 'GET', path: '/customers' });
		const noAuth = await call(sb(), 'GET', '/customers', { query: { companyId: DEMO_COMPANY_ID } });
		expect(noAuth.status).toBe(503);
		expect(noAuth.body).toEqual({ success: false, error: 'Service unavailable' });
		// other paths and writes are unaffected
		expect((await call(sb(), 'GET', '/partners/profile', { token: token() })).status).toBe(200);
		expect(
			(
				await call(sb(), 'GET', '/customers/123', {
					token: token(),
					query: { companyId: DEMO_COMPANY_ID },
				})
			).status,
		).toBe(503);
		expect(
			(
				await call(sb(), 'GET', '/customers', {
					token: token(),
					query: { companyId: DEMO_COMPANY_ID },
				})
			).status,
		).toBe(200);
		sb().injectFaults({ status: 429, count: 1, method: 'WRITE' });
		expect((await call(sb(), 'GET', '/partners/profile', { token: token() })).status).toBe(200);
		const w = await call(sb(), 'POST', '/partners/login', { body: DEMO_PARTNER });
		expect(w.status).toBe(429);
		expect(sb().requestLog.map((e) => e.status)).toEqual([503, 200, 503, 200, 200, 429]);
	});

	it('records a request log with sandbox and real times, without secrets', async () => {
		sb().clock.advance(1234);
		await call(sb(), 'POST', '/partners/login', { body: DEMO_PARTNER });
		await call(sb(), 'GET', '/customers', {
			token: token(),
			query: { companyId: DEMO_COMPANY_ID, size: 5 },
		});
		const [a, b] = sb().requestLog;
		expect(a).toMatchObject({
			method: 'POST',
			path: '/partners/login',
			status: 200,
			body: { partnerId: DEMO_PARTNER.partnerId },
		});
		expect(JSON.stringify(a)).not.toContain(DEMO_PARTNER.authKey);
		expect(b).toMatchObject({
			method: 'GET',
			path: '/customers',
			query: { companyId: DEMO_COMPANY_ID, size: '5' },
			status: 200,
			partnerId: DEMO_PARTNER.partnerId,
		});
		expect(b.time).toBe(Date.parse('2025-01-01T00:00:01.234Z'));
		expect(Math.abs(b.at - Date.now())).toBeLessThan(5000);
		expect(sb().counters.logins).toBe(2);
	});

	it('adds latency on demand', async () => {
		sb().setLatency(120);
		const t = Date.now();
		await call(sb(), 'GET', '/partners/profile', { token: token() });
		expect(Date.now() - t).toBeGreaterThanOrEqual(110);
		sb().setLatency(0);
	});

	it('exposes the same controls over the admin HTTP API (not logged, not limited)', async () => {
		const admin = (method: string, path: string, body?: unknown) =>
			fetch(`${sb().origin}/__admin/${path}`, {
				method,
				headers: { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			}).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
		expect((await admin('POST', 'clock', { set: '2025-02-01T00:00:00Z' })).body.iso).toBe(
			'2025-02-01T00:00:00.000Z',
		);
		expect((await admin('POST', 'clock', { advance: 1000 })).body.iso).toBe(
			'2025-02-01T00:00:01.000Z',
		);
		const clockToken = (await login(sb())).accessToken; // issued at the admin-set time
		const created = await admin('POST', 'records/customers', {
			companyId: DEMO_COMPANY_ID,
			firstName: 'Zed',
			lastName: 'Q',
		});
		expect(created.body.record).toMatchObject({
			firstName: 'Zed',
			createdDate: '2025-02-01T00:00:01.000Z',
		});
		const id = created.body.record.customerId;
		await admin('POST', 'clock', { advance: 500 });
		const patched = await admin('PATCH', `records/customers/${id}`, { notes: 'changed' });
		expect(patched.body.record).toMatchObject({
			notes: 'changed',
			updatedDate: '2025-02-01T00:00:01.500Z',
		});
		expect((await admin('GET', `records/customers/${id}`)).body.record.notes).toBe('changed');
		expect(
			(await admin('GET', `records/customers?companyId=${DEMO_COMPANY_ID}`)).body.records,
		).toHaveLength(1);
		await admin('POST', 'faults', { status: 500, count: 1 });
		expect((await call(sb(), 'GET', '/partners/profile', { token: clockToken })).status).toBe(500);
		expect((await admin('GET', 'log')).body.log.at(-1)).toMatchObject({ status: 500 });
		expect((await admin('GET', 'counters')).body.counters.logins).toBeGreaterThan(0);
		await admin('POST', 'expireAllTokens');
		expect((await call(sb(), 'GET', '/partners/profile', { token: clockToken })).status).toBe(401);
		await admin('POST', 'reset');
		expect(sb().requestLog).toHaveLength(0);
		expect(sb().store.list('customers')).toHaveLength(0);
		expect((await admin('GET', 'seed')).body.demoPartner.partnerId).toBe(DEMO_PARTNER.partnerId);
		expect((await admin('GET', 'nope')).status).toBe(404);
	});

	it('answers with an HTTP Date from its own clock, as AutoLeap does from its own', async () => {
		sb().clock.set('2025-01-01T00:30:00.750Z');
		const answer = await call(sb(), 'GET', '/partners/profile', { token: token() });
		expect(answer.status).toBe(200);
		expect(answer.headers.get('date')).toBe('Wed, 01 Jan 2025 00:30:00 GMT');
		sb().injectFaults({ status: 503, count: 1, method: 'GET', path: '/partners/profile' });
		const fault = await call(sb(), 'GET', '/partners/profile', { token: token() });
		expect([fault.status, fault.headers.get('date')]).toEqual([
			503,
			'Wed, 01 Jan 2025 00:30:00 GMT',
		]);
	});

	it('reset restores the seeded data and forgets writes', async () => {
		sb().store.create('customers', { companyId: DEMO_COMPANY_ID, firstName: 'Tmp', lastName: 'X' });
		expect(sb().store.list('customers', DEMO_COMPANY_ID)).toHaveLength(1);
		sb().reset();
		expect(sb().store.list('customers', DEMO_COMPANY_ID)).toHaveLength(0);
		expect(sb().clock.iso()).toBe('2025-01-01T00:00:00.000Z');
	});
});

describe('sandbox seeding', () => {
	it('is deterministic per seed and adds bulk vehicles on request', async () => {
		const { startSandbox } = await import('../../sandbox');
		const clock = { clock: 'manual' as const, startTime: '2025-03-01T00:00:00.000Z', port: 0 };
		const [a, b, c] = await Promise.all([
			startSandbox({ ...clock, seed: 7 }),
			startSandbox({ ...clock, seed: 7 }),
			startSandbox({ ...clock, seed: 8, bulkVehicles: 5000 }),
		]);
		try {
			expect(a.store.list('orders')).toEqual(b.store.list('orders'));
			expect(a.store.list('customers')).toEqual(b.store.list('customers'));
			expect(c.store.list('customers')).not.toEqual(a.store.list('customers'));
			const base = a.store.list('vehicles', DEMO_COMPANY_ID).length;
			expect(base).toBeGreaterThan(200);
			expect(c.store.list('vehicles', DEMO_COMPANY_ID).length).toBeGreaterThan(5000 + 200);
			for (const kind of ['part', 'tire', 'labor', 'fee', 'discount']) {
				expect(a.store.list('items', DEMO_COMPANY_ID).some((i) => i.itemType === kind)).toBe(true);
			}
		} finally {
			await Promise.all([a.close(), b.close(), c.close()]);
		}
	});
});
