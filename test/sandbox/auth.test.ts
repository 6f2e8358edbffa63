import {
	DEMO_COMPANY_ID,
	DEMO_PARTNER,
	OTHER_COMPANY_ID,
	OTHER_PARTNER,
	startSandbox,
} from '../../sandbox';
import { admin, call, login, sleep, useSandbox } from './helpers';

describe('sandbox auth', () => {
	const sb = useSandbox({ seedData: false });
	beforeEach(() => sb().reset());

	it('logs in with the demo credentials and returns an opaque token pair', async () => {
		const r = await call(sb(), 'POST', '/partners/login', { body: DEMO_PARTNER });
		expect(r.status).toBe(200);
		expect(r.body.success).toBe(true);
		expect(typeof r.body.data.accessToken).toBe('string');
		expect(typeof r.body.data.refreshToken).toBe('string');
		expect(r.body.data.accessToken).not.toBe(r.body.data.refreshToken);
		expect(sb().counters.logins).toBe(1);
		const profile = await call(sb(), 'GET', '/partners/profile', {
			token: r.body.data.accessToken,
		});
		expect(profile.status).toBe(200);
		expect(profile.body.results.content[0].partnerId).toBe(DEMO_PARTNER.partnerId);
	});

	it('rejects bad credentials with 401 and never echoes the secret', async () => {
		const r = await call(sb(), 'POST', '/partners/login', {
			body: { partnerId: DEMO_PARTNER.partnerId, authKey: 'wrong-key-123' },
		});
		expect(r.status).toBe(401);
		expect(r.body).toEqual({ success: false, error: 'Invalid partner credentials' });
		expect(r.text).not.toContain('wrong-key-123');
		const unknown = await call(sb(), 'POST', '/partners/login', {
			body: { partnerId: 'nobody', authKey: 'x' },
		});
		expect(unknown.status).toBe(401);
		expect(sb().counters.failedLogins).toBe(2);
		// the log keeps the request but not the key
		expect(JSON.stringify(sb().requestLog)).not.toContain('wrong-key-123');
	});

	it('requires a valid Bearer token everywhere else', async () => {
		const none = await call(sb(), 'GET', '/customers', { query: { companyId: DEMO_COMPANY_ID } });
		expect(none.status).toBe(401);
		expect(none.body.success).toBe(false);
		const bogus = await call(sb(), 'GET', '/customers', {
			token: 'not-a-token',
			query: { companyId: DEMO_COMPANY_ID },
		});
		expect(bogus.status).toBe(401);
		expect(bogus.text).not.toContain('not-a-token');
	});

	it('rotates refresh tokens: the new pair works, the old refresh token is rejected', async () => {
		const first = await login(sb());
		const r = await call(sb(), 'POST', '/partners/generateNewAccessToken', {
			body: { refreshToken: first.refreshToken },
		});
		expect(r.status).toBe(200);
		const second = r.body.data;
		expect(second.refreshToken).not.toBe(first.refreshToken);
		expect(second.accessToken).not.toBe(first.accessToken);
		expect(
			(await call(sb(), 'GET', '/partners/profile', { token: second.accessToken })).status,
		).toBe(200);
		const again = await call(sb(), 'POST', '/partners/generateNewAccessToken', {
			body: { refreshToken: first.refreshToken },
		});
		expect(again.status).toBe(401);
		expect(again.body.success).toBe(false);
		expect(again.text).not.toContain(first.refreshToken);
	});

	it('logout revokes the access token and the session refresh tokens', async () => {
		const t = await login(sb());
		const out = await call(sb(), 'POST', '/partners/logout', { token: t.accessToken, body: {} });
		expect(out.status).toBe(200);
		expect((await call(sb(), 'GET', '/partners/profile', { token: t.accessToken })).status).toBe(
			401,
		);
		expect(
			(
				await call(sb(), 'POST', '/partners/generateNewAccessToken', {
					body: { refreshToken: t.refreshToken },
				})
			).status,
		).toBe(401);
		// another session is unaffected
		const other = await login(sb());
		expect(
			(await call(sb(), 'GET', '/partners/profile', { token: other.accessToken })).status,
		).toBe(200);
	});

	it('expireAllTokens and revokeAllTokens turn every token into a 401', async () => {
		const a = await login(sb());
		sb().expireAllTokens();
		const expired = await call(sb(), 'GET', '/partners/profile', { token: a.accessToken });
		expect(expired.status).toBe(401);
		expect(expired.body.error).toMatch(/expired/i);
		const b = await login(sb());
		sb().revokeAllTokens();
		expect((await call(sb(), 'GET', '/partners/profile', { token: b.accessToken })).status).toBe(
			401,
		);
		expect(
			(
				await call(sb(), 'POST', '/partners/generateNewAccessToken', {
					body: { refreshToken: b.refreshToken },
				})
			).status,
		).toBe(401);
	});

	it('scopes companies to the calling partner (403 for a foreign company)', async () => {
		const demo = await login(sb());
		const other = await login(sb(), OTHER_PARTNER);
		expect(
			(
				await call(sb(), 'GET', '/customers', {
					token: demo.accessToken,
					query: { companyId: OTHER_COMPANY_ID },
				})
			).status,
		).toBe(403);
		expect(
			(
				await call(sb(), 'GET', '/customers', {
					token: other.accessToken,
					query: { companyId: DEMO_COMPANY_ID },
				})
			).status,
		).toBe(403);
		expect(
			(
				await call(sb(), 'GET', '/customers', {
					token: other.accessToken,
					query: { companyId: OTHER_COMPANY_ID },
				})
			).status,
		).toBe(200);
		const write = await call(sb(), 'PATCH', '/items', {
			token: demo.accessToken,
			body: { companyId: OTHER_COMPANY_ID, items: [{ itemId: '1' }] },
		});
		expect(write.status).toBe(403);
	});
});

describe('sandbox token expiry (short TTL, real clock)', () => {
	it('answers 401 once the access token has expired, and refresh still works', async () => {
		const sandbox = await startSandbox({ port: 0, accessTokenTtlMs: 150, refreshTokenTtlMs: 5000 });
		try {
			const t = await login(sandbox);
			expect(
				(await call(sandbox, 'GET', '/partners/profile', { token: t.accessToken })).status,
			).toBe(200);
			await sleep(250);
			const r = await call(sandbox, 'GET', '/partners/profile', { token: t.accessToken });
			expect(r.status).toBe(401);
			expect(r.body.error).toMatch(/expired/i);
			const refreshed = await call(sandbox, 'POST', '/partners/generateNewAccessToken', {
				body: { refreshToken: t.refreshToken },
			});
			expect(refreshed.status).toBe(200);
			expect(
				(
					await call(sandbox, 'GET', '/partners/profile', {
						token: refreshed.body.data.accessToken,
					})
				).status,
			).toBe(200);
		} finally {
			await sandbox.close();
		}
	});

	it('expires tokens on the manual clock too', async () => {
		const sandbox = await startSandbox({
			port: 0,
			clock: 'manual',
			startTime: '2025-05-01T00:00:00Z',
			seedData: false,
		});
		try {
			const t = await login(sandbox);
			sandbox.clock.advance(59 * 60_000);
			expect(
				(await call(sandbox, 'GET', '/partners/profile', { token: t.accessToken })).status,
			).toBe(200);
			sandbox.clock.advance(61_000);
			expect(
				(await call(sandbox, 'GET', '/partners/profile', { token: t.accessToken })).status,
			).toBe(401);
			sandbox.clock.advance(3 * 3_600_000);
			expect(
				(
					await call(sandbox, 'POST', '/partners/generateNewAccessToken', {
						body: { refreshToken: t.refreshToken },
					})
				).status,
			).toBe(401);
		} finally {
			await sandbox.close();
		}
	});
});

describe('sandbox token lifecycle controls (manual clock)', () => {
	const sb = useSandbox({ clock: 'manual', seedData: false });
	beforeEach(() => sb().reset());
	const profile = (token: string) => call(sb(), 'GET', '/partners/profile', { token });
	const refresh = (refreshToken: string) =>
		call(sb(), 'POST', '/partners/generateNewAccessToken', { body: { refreshToken } });

	it('setTokenLifetimes applies to tokens issued from then on, on the sandbox clock; reset restores them', async () => {
		const before = await login(sb());
		expect(sb().setTokenLifetimes({ accessMs: 1000, refreshMs: 5000 })).toEqual({
			accessMs: 1000,
			refreshMs: 5000,
		});
		const t = await login(sb());
		sb().clock.advance(1000);
		expect((await profile(t.accessToken)).body.error).toBe('Access token expired');
		expect((await profile(before.accessToken)).status).toBe(200);
		sb().clock.advance(4000);
		expect((await refresh(t.refreshToken)).body.error).toBe('Refresh token expired');
		expect(sb().counters).toMatchObject({ refreshes: 0, failedRefreshes: 1 });
		sb().reset();
		expect(sb().tokenLifetimes).toEqual({ accessMs: 3_600_000, refreshMs: 10_800_000 });
		expect(() => sb().setTokenLifetimes({ accessMs: 0 })).toThrow(/accessMs/);
	});

	it('expireAccessTokens keeps refresh tokens valid; refreshes are counted', async () => {
		const t = await login(sb());
		sb().expireAccessTokens();
		expect((await profile(t.accessToken)).body).toEqual({
			success: false,
			error: 'Access token expired',
		});
		const r = await refresh(t.refreshToken);
		expect(r.status).toBe(200);
		expect((await profile(r.body.data.accessToken)).status).toBe(200);
		expect(sb().counters).toMatchObject({ logins: 1, refreshes: 1, failedRefreshes: 0 });
	});

	it('rotation spends the old refresh token: a second use is a 401 and a failed refresh', async () => {
		const t = await login(sb());
		expect((await refresh(t.refreshToken)).status).toBe(200);
		const again = await refresh(t.refreshToken);
		expect(again).toMatchObject({
			status: 401,
			body: { success: false, error: 'Invalid refresh token' },
		});
		expect(sb().counters).toMatchObject({ refreshes: 1, failedRefreshes: 1 });
	});

	it('logout takes the documented body {refreshToken} and ends that session too', async () => {
		const a = await login(sb());
		const b = await login(sb());
		const other = await login(sb(), OTHER_PARTNER);
		const out = await call(sb(), 'POST', '/partners/logout', {
			token: a.accessToken,
			body: { refreshToken: b.refreshToken },
		});
		expect(out).toMatchObject({ status: 200, body: { success: true } });
		expect((await profile(a.accessToken)).status).toBe(401);
		expect((await refresh(a.refreshToken)).status).toBe(401);
		expect((await profile(b.accessToken)).status).toBe(401);
		expect((await refresh(b.refreshToken)).status).toBe(401);
		// another partner's refresh token in the body is not ended
		const c = await login(sb());
		await call(sb(), 'POST', '/partners/logout', {
			token: c.accessToken,
			body: { refreshToken: other.refreshToken },
		});
		expect((await refresh(other.refreshToken)).status).toBe(200);
		expect(sb().counters.logouts).toBe(2);
	});

	it('over /__admin/: tokenLifetimes and expireAccessTokens', async () => {
		expect(
			(await admin(sb(), 'POST', 'tokenLifetimes', { accessMs: 2000 })).body.tokenLifetimes,
		).toEqual({ accessMs: 2000, refreshMs: 10_800_000 });
		expect((await admin(sb(), 'GET', 'tokenLifetimes')).body.tokenLifetimes.accessMs).toBe(2000);
		expect((await admin(sb(), 'POST', 'tokenLifetimes', { refreshMs: -1 })).status).toBe(400);
		const t = await login(sb());
		await admin(sb(), 'POST', 'clock', { advance: 2000 });
		expect((await profile(t.accessToken)).status).toBe(401);
		const r = await refresh(t.refreshToken);
		await admin(sb(), 'POST', 'expireAccessTokens');
		expect((await profile(r.body.data.accessToken)).status).toBe(401);
		expect((await refresh(r.body.data.refreshToken)).status).toBe(200);
		expect((await admin(sb(), 'GET', 'counters')).body.counters).toMatchObject({
			refreshes: 2,
			failedRefreshes: 0,
		});
	});
});
