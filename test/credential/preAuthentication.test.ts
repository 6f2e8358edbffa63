import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { AutoLeapApi } from '../../credentials/AutoLeapApi.credentials';
import { tokenOwnerOf } from '../../nodes/shared/autoleap/account';
import * as rateBudget from '../../nodes/shared/autoleap/transport/rateBudget';

const SECRET_KEY = 'sk-unit-9f8e7d6c5b4a';
const creds: ICredentialDataDecryptedObject = {
	partnerId: 'unit-partner',
	authKey: SECRET_KEY,
	environment: 'custom',
	customUrl: 'http://auth.test/v2',
	accessToken: '',
};

/** A fake `this` for preAuthentication whose httpRequest answers with `respond`. */
function fakeHelpers(respond: (options: IHttpRequestOptions, call: number) => Promise<unknown>) {
	const calls: IHttpRequestOptions[] = [];
	const context: IHttpRequestHelper = {
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				calls.push(options);
				return await respond(options, calls.length);
			},
		} as IHttpRequestHelper['helpers'],
	};
	return { context, calls };
}

const ok = (token: string) => async () => {
	await new Promise((resolve) => setTimeout(resolve, 20));
	return {
		statusCode: 200,
		body: { success: true, data: { accessToken: token, refreshToken: 'refresh-' + token } },
	};
};

/** A fresh credential type per test: the tokens of a fresh n8n process. */
let credential: AutoLeapApi;
let preAuth: AutoLeapApi['preAuthentication'];

beforeEach(() => {
	credential = new AutoLeapApi();
	preAuth = credential.preAuthentication;
});

/** The Authorization header `authenticate` puts on a request for these credentials. */
async function sentToken(credentials: ICredentialDataDecryptedObject) {
	const sent = await credential.authenticate(credentials, { url: '/partners/profile' });
	return (sent as { headers?: Record<string, string> }).headers?.Authorization;
}

afterEach(() => jest.restoreAllMocks());

describe('preAuthentication', () => {
	it('logs in with the partner ID and key and returns the token with its owner', async () => {
		const { context, calls } = fakeHelpers(ok('tok-a'));
		await expect(preAuth.call(context, { ...creds })).resolves.toEqual({
			accessToken: 'tok-a',
			refreshToken: 'refresh-tok-a',
			pairIssuedAt: expect.any(Number),
			tokenOwner: tokenOwnerOf(creds),
		});
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({
			method: 'POST',
			baseURL: 'http://auth.test/v2',
			url: '/partners/login',
			body: { partnerId: 'unit-partner', authKey: SECRET_KEY },
		});
		expect(calls[0].headers?.Authorization).toBeUndefined();
	});

	it('shares one login among concurrent callers, and hands the pair to n8n to save once', async () => {
		const { context, calls } = fakeHelpers(ok('tok-a'));
		const results = await Promise.all(
			Array.from({ length: 10 }, () => preAuth.call(context, { ...creds })),
		);
		expect(calls).toHaveLength(1);
		// n8n saves what preAuthentication returns with an access token: one caller gets the pair.
		expect(results.filter((r) => r.accessToken === 'tok-a')).toHaveLength(1);
		expect(results.filter((r) => Object.keys(r).length === 0)).toHaveLength(9);
		// The others send the new token all the same.
		expect(await sentToken({ ...creds })).toBe('Bearer tok-a');
	});

	it('does not share logins between different keys, partners or URLs', async () => {
		const { context, calls } = fakeHelpers(async (_o, n) => await ok(`tok-${n}`)());
		await Promise.all([
			preAuth.call(context, { ...creds }),
			preAuth.call(context, { ...creds, authKey: 'another-key' }),
			preAuth.call(context, { ...creds, partnerId: 'p2' }),
			preAuth.call(context, { ...creds, customUrl: 'http://other.test/v2' }),
		]);
		expect(calls).toHaveLength(4);
	});

	it('reuses a token just issued for a caller that read an empty token, without saving it again', async () => {
		const { context, calls } = fakeHelpers(ok('tok-a'));
		await preAuth.call(context, { ...creds });
		await expect(preAuth.call(context, { ...creds, accessToken: '' })).resolves.toEqual({});
		expect(await sentToken({ ...creds, accessToken: '' })).toBe('Bearer tok-a');
		expect(calls).toHaveLength(1);
	});

	it('renews with the refresh token when the caller holds that very token (it just got a 401)', async () => {
		const { context, calls } = fakeHelpers(async (_o, n) => await ok(`tok-${n}`)());
		const first = await preAuth.call(context, { ...creds });
		const second = await preAuth.call(context, {
			...creds,
			...(first as ICredentialDataDecryptedObject),
		});
		expect(calls).toHaveLength(2);
		expect(calls[1]).toMatchObject({
			url: '/partners/generateNewAccessToken',
			body: { refreshToken: 'refresh-tok-1' },
		});
		expect(calls[1].body).not.toHaveProperty('authKey');
		expect(second).toMatchObject({ accessToken: 'tok-2', refreshToken: 'refresh-tok-2' });
		// The refused token is never sent again, even from credentials that still hold it.
		expect(await sentToken({ ...creds, ...(first as ICredentialDataDecryptedObject) })).toBe(
			'Bearer tok-2',
		);
	});

	it('a 401 for a request sent with the old token, answered after another renewed it, renews nothing', async () => {
		const { context, calls } = fakeHelpers(async (_o, n) => await ok(`tok-${n}`)());
		const first = (await preAuth.call(context, { ...creds })) as ICredentialDataDecryptedObject;
		// Two requests go out with tok-1; both come back 401.
		const late = { ...creds, ...first };
		const early = { ...creds, ...first };
		expect(await sentToken(late)).toBe('Bearer tok-1');
		expect(await sentToken(early)).toBe('Bearer tok-1');
		await expect(preAuth.call(context, early)).resolves.toMatchObject({ accessToken: 'tok-2' });
		// The late one's 401 is about tok-1, not tok-2: no second refresh, nothing more to save.
		await expect(preAuth.call(context, late)).resolves.toEqual({});
		expect(calls).toHaveLength(2);
		expect(await sentToken(late)).toBe('Bearer tok-2');
	});

	it('a request that finds its token refused while the renewal runs waits for it and carries the new token', async () => {
		const { context, calls } = fakeHelpers(async (_o, n) => await ok(`tok-${n}`)());
		const first = (await preAuth.call(context, { ...creds })) as ICredentialDataDecryptedObject;
		const answered401 = { ...creds, ...first };
		expect(await sentToken(answered401)).toBe('Bearer tok-1');
		const renewing = preAuth.call(context, answered401);
		// Read from the database before the new pair was saved: tok-1, which this process knows is spent.
		expect(await sentToken({ ...creds, ...first })).toBe('Bearer tok-2');
		await expect(renewing).resolves.toMatchObject({ accessToken: 'tok-2' });
		expect(calls).toHaveLength(2);
	});

	it('a 401 for a request sent with no token refuses no token issued meanwhile', async () => {
		const { context, calls } = fakeHelpers(async (_o, n) =>
			n === 2
				? { statusCode: 429, body: { success: false, error: 'Too many requests' } }
				: await ok(`tok-${n}`)(),
		);
		const first = (await preAuth.call(context, { ...creds })) as ICredentialDataDecryptedObject;
		const answered401 = { ...creds, ...first };
		await sentToken(answered401);
		// Its renewal is answered 429: tok-1 is spent and there is no other token yet.
		await expect(preAuth.call(context, answered401)).rejects.toThrow(/rate limit/);
		const sentWithNone = { ...creds, ...first };
		expect(await sentToken(sentWithNone)).toBeUndefined();
		// Another request renews meanwhile (the refresh token was not spent by the 429)...
		await expect(preAuth.call(context, { ...creds, ...first })).resolves.toMatchObject({
			accessToken: 'tok-3',
		});
		// ...so the 401 of the request sent with none asks for nothing more, and tok-3 stays in use.
		await expect(preAuth.call(context, sentWithNone)).resolves.toEqual({});
		expect(calls.map((c) => c.url)).toEqual([
			'/partners/login',
			'/partners/generateNewAccessToken',
			'/partners/generateNewAccessToken',
		]);
		expect(await sentToken(sentWithNone)).toBe('Bearer tok-3');
	});

	it('logs in when AutoLeap refuses the refresh token (expired, revoked or rotated elsewhere)', async () => {
		const { context, calls } = fakeHelpers(async (options, n) =>
			options.url === '/partners/generateNewAccessToken'
				? { statusCode: 401, body: { success: false, error: 'Invalid refresh token' } }
				: await ok(`tok-${n}`)(),
		);
		const first = await preAuth.call(context, { ...creds });
		const second = await preAuth.call(context, {
			...creds,
			...(first as ICredentialDataDecryptedObject),
		});
		expect(calls.map((c) => c.url)).toEqual([
			'/partners/login',
			'/partners/generateNewAccessToken',
			'/partners/login',
		]);
		expect(second.accessToken).toBe('tok-3');
	});

	it('logs in without trying a refresh token past its lifetime', async () => {
		const { context, calls } = fakeHelpers(async (_o, n) => await ok(`tok-${n}`)());
		const stale = {
			...creds,
			accessToken: 'old',
			refreshToken: 'old-refresh',
			pairIssuedAt: Date.now() - 4 * 3_600_000,
			tokenOwner: tokenOwnerOf(creds),
		};
		await expect(preAuth.call(context, stale)).resolves.toMatchObject({ accessToken: 'tok-1' });
		expect(calls.map((c) => c.url)).toEqual(['/partners/login']);
	});

	it('takes a write slot from the account budget for the login and releases it after the answer', async () => {
		const events: string[] = [];
		const real = rateBudget.budgetFor;
		jest.spyOn(rateBudget, 'budgetFor').mockImplementation((account, limits) => {
			events.push(`budget ${account} ${limits.read}/${limits.write}`);
			const budget = real(account, limits);
			return {
				acquire: async (kind: rateBudget.RequestKind) => {
					const release = await budget.acquire(kind);
					events.push(`acquire ${kind}`);
					return () => {
						events.push('release');
						release();
					};
				},
			} as unknown as rateBudget.RateBudget;
		});
		const { context } = fakeHelpers(async () => {
			events.push('request');
			return await ok('tok-a')();
		});
		// A partner of its own: the budget of 'unit-partner' already holds this file's other logins.
		await preAuth.call(context, { ...creds, partnerId: 'budget-partner', writesPerMinute: 7 });
		expect(events).toEqual([
			'budget http://auth.test/v2|budget-partner 150/7',
			'acquire write',
			'request',
			'release',
		]);
	});

	it('waits for a write slot when the write budget is spent', async () => {
		const { context } = fakeHelpers(async (_o, n) => ({
			statusCode: 200,
			body: { data: { accessToken: `tok-${n}` } },
		}));
		const started = Date.now();
		const scaled = { ...creds, writesPerMinute: 1, rateWindowMs: 400 };
		const first = await preAuth.call(context, scaled);
		await preAuth.call(context, { ...scaled, ...(first as ICredentialDataDecryptedObject) });
		expect(Date.now() - started).toBeGreaterThanOrEqual(350);
	});

	it.each([400, 401, 403])(
		'turns a %i login answer into one clear error without secrets',
		async (statusCode) => {
			const { context } = fakeHelpers(async () => ({
				statusCode,
				body: { success: false, error: 'Invalid partner credentials' },
			}));
			const error = await preAuth
				.call(context, { ...creds, accessToken: 'old-token-123' })
				.catch((e: Error) => e);
			expect(error).toBeInstanceOf(Error);
			expect((error as Error).message).toBe('AutoLeap rejected the Partner ID or Auth Key');
			expect((error as { description?: string }).description).toMatch(/Partner ID and Auth Key/);
			const serialised =
				JSON.stringify(error) +
				String((error as Error).stack) +
				JSON.stringify((error as { cause?: unknown }).cause ?? null);
			expect(serialised).not.toContain(SECRET_KEY);
			expect(serialised).not.toContain('old-token-123');
			expect(error).not.toHaveProperty('response');
			expect(error).not.toHaveProperty('httpCode');
		},
	);

	it('does not pass on a failed request (its options hold the key)', async () => {
		const { context } = fakeHelpers(async (options) => {
			const error = Object.assign(new Error('connect ECONNREFUSED'), {
				code: 'ECONNREFUSED',
				config: options,
				options,
			});
			throw error;
		});
		const error = (await preAuth.call(context, { ...creds }).catch((e: Error) => e)) as Error & {
			description: string;
			cause?: unknown;
		};
		expect(error.message).toBe('Could not log in to AutoLeap');
		expect(error.description).toContain('ECONNREFUSED');
		expect(JSON.stringify(error) + error.stack + JSON.stringify(error.cause ?? null)).not.toContain(
			SECRET_KEY,
		);
	});

	it('reports an answer without a token and lets the next call try again', async () => {
		const { context, calls } = fakeHelpers(async (_o, n) =>
			n === 1 ? { statusCode: 200, body: { success: true, data: {} } } : await ok('tok-b')(),
		);
		await expect(preAuth.call(context, { ...creds })).rejects.toThrow(
			'Could not log in to AutoLeap',
		);
		await expect(preAuth.call(context, { ...creds })).resolves.toMatchObject({
			accessToken: 'tok-b',
		});
		expect(calls).toHaveLength(2);
	});
});
