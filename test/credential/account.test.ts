import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { AutoLeapApi } from '../../credentials/AutoLeapApi.credentials';
import {
	accountKeyOf,
	baseUrlOf,
	limitsOf,
	PRODUCTION_BASE_URL,
	tokenOwnerOf,
} from '../../nodes/shared/autoleap/account';

const base: ICredentialDataDecryptedObject = {
	partnerId: 'demo-partner',
	authKey: 'demo-auth-key',
	environment: 'custom',
	customUrl: 'http://127.0.0.1:4010/v2',
};

describe('baseUrlOf', () => {
	it('uses the production URL unless Custom URL is chosen', () => {
		expect(baseUrlOf({ ...base, environment: 'production' })).toBe(
			'https://partnerapi.myautoleap.com/v2',
		);
		expect(PRODUCTION_BASE_URL).toBe('https://partnerapi.myautoleap.com/v2');
	});

	it('trims trailing slashes and spaces from a custom URL', () => {
		expect(baseUrlOf({ ...base, customUrl: ' http://127.0.0.1:4010/v2// ' })).toBe(
			'http://127.0.0.1:4010/v2',
		);
	});

	it('refuses an empty custom URL with a hint', () => {
		expect(() => baseUrlOf({ ...base, customUrl: '' })).toThrow(/no Custom URL/);
	});
});

describe('accountKeyOf and budgetLimits', () => {
	it('identifies the account by URL and partner, not by key', () => {
		expect(accountKeyOf(base)).toBe('http://127.0.0.1:4010/v2|demo-partner');
		expect(accountKeyOf({ ...base, authKey: 'other' })).toBe(accountKeyOf(base));
		expect(accountKeyOf({ ...base, partnerId: 'other-partner' })).not.toBe(accountKeyOf(base));
		expect(accountKeyOf({ ...base, environment: 'production' })).not.toBe(accountKeyOf(base));
	});

	it('reads the limits, falling back to AutoLeap defaults', () => {
		expect(limitsOf(base)).toEqual({ read: 150, write: 50, windowMs: 60_000, processes: 1 });
		expect(
			limitsOf({ ...base, readsPerMinute: 600, writesPerMinute: 200, rateWindowMs: 6_000 }),
		).toEqual({ read: 600, write: 200, windowMs: 6_000, processes: 1 });
		expect(
			limitsOf({ ...base, readsPerMinute: 0, writesPerMinute: 'x', rateWindowMs: -1 }),
		).toEqual({ read: 150, write: 50, windowMs: 60_000, processes: 1 });
	});
});

describe('tokenOwnerOf', () => {
	it('is a stable hex fingerprint that does not reveal the key', () => {
		const owner = tokenOwnerOf(base);
		expect(owner).toMatch(/^[0-9a-f]{32}$/);
		expect(tokenOwnerOf({ ...base })).toBe(owner);
		expect(owner).not.toContain('demo');
	});

	it.each([
		['partnerId', { partnerId: 'other-partner' }],
		['authKey', { authKey: 'other-auth-key' }],
		['customUrl', { customUrl: 'http://127.0.0.1:4011/v2' }],
		['environment', { environment: 'production' }],
	])('changes when %s changes', (_field, change) => {
		expect(tokenOwnerOf({ ...base, ...change })).not.toBe(tokenOwnerOf(base));
	});

	it('ignores fields that do not change who the token belongs to', () => {
		expect(
			tokenOwnerOf({
				...base,
				readsPerMinute: 10,
				accessToken: 'x',
				customUrl: 'http://127.0.0.1:4010/v2/',
			}),
		).toBe(tokenOwnerOf(base));
	});
});

describe('authenticate', () => {
	const credential = new AutoLeapApi();
	const authenticate = credential.authenticate as (
		c: ICredentialDataDecryptedObject,
		r: IHttpRequestOptions,
	) => Promise<IHttpRequestOptions>;
	const request = (): IHttpRequestOptions => ({
		url: 'http://127.0.0.1:4010/v2/partners/profile',
		headers: { Accept: 'application/json' },
	});

	it('sends the token when it was issued for these credentials', async () => {
		const sent = await authenticate(
			{ ...base, accessToken: 'tok-1', tokenOwner: tokenOwnerOf(base) },
			request(),
		);
		expect(sent.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer tok-1' });
	});

	it.each([
		['the partner was edited', { partnerId: 'other-partner' }],
		['the key was edited', { authKey: 'other-auth-key' }],
		['the URL was edited', { customUrl: 'http://127.0.0.1:4011/v2' }],
	])('sends no token when %s since it was issued', async (_case, edit) => {
		const stored = { ...base, accessToken: 'tok-1', tokenOwner: tokenOwnerOf(base), ...edit };
		const sent = await authenticate(stored, {
			...request(),
			headers: { authorization: 'Bearer stale' },
		});
		expect(sent.headers).toEqual({});
	});

	it('sends no token when there is none or no owner was recorded', async () => {
		expect(
			(await authenticate({ ...base, accessToken: '', tokenOwner: tokenOwnerOf(base) }, request()))
				.headers,
		).toEqual({
			Accept: 'application/json',
		});
		expect((await authenticate({ ...base, accessToken: 'tok-1' }, request())).headers).toEqual({
			Accept: 'application/json',
		});
	});
});

describe('credential description', () => {
	const credential = new AutoLeapApi();
	it('has the fields the nodes and n8n rely on', () => {
		expect(credential.name).toBe('autoLeapApi');
		const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
		expect(byName.accessToken).toMatchObject({
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
		});
		expect(byName.tokenOwner.type).toBe('hidden');
		expect(byName.authKey.typeOptions).toMatchObject({ password: true });
		expect(byName.customUrl.displayOptions).toEqual({ show: { environment: ['custom'] } });
		expect(byName.readsPerMinute.default).toBe(150);
		expect(byName.writesPerMinute.default).toBe(50);
		expect(credential.test?.request).toMatchObject({ url: '/partners/profile', method: 'GET' });
	});
});
