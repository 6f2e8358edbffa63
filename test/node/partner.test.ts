import { apiCalls, DEMO_COMPANY_ID, run, useSandbox } from './helpers';

const ctx = useSandbox();

describe('Partner', () => {
	it('Get Profile reads GET /partners/profile: the partner with its companies and locations', async () => {
		const { sandbox, credentials } = ctx;
		const result = await run(credentials, { resource: 'partner', operation: 'getProfile' });
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox).map((c) => [c.method, c.path, c.status])).toEqual([
			['GET', '/partners/profile', 200],
		]);
		expect(result.items).toHaveLength(1);
		const profile = result.items[0].json as {
			partnerId: string;
			companies: Array<{ companyId: string; locations: unknown[] }>;
		};
		expect(profile.partnerId).toBe('demo-partner');
		expect(profile.companies.map((c) => c.companyId)).toContain(DEMO_COMPANY_ID);
		expect(profile.companies[0].locations.length).toBeGreaterThan(0);
	});

	it('Log Out sends POST /partners/logout; the next run logs in again', async () => {
		const { sandbox, credentials } = ctx;
		await run(credentials, { resource: 'partner', operation: 'getProfile' });
		const loginsBefore = sandbox.counters.logins;
		const result = await run(credentials, { resource: 'partner', operation: 'logOut' });
		expect(result.error).toBeUndefined();
		const [call] = apiCalls(sandbox, '/partners/logout');
		expect([call.method, call.status]).toEqual(['POST', 200]);
		expect(result.items[0].json).toMatchObject({ success: true });
		expect(sandbox.counters.logouts).toBe(1);

		const after = await run(credentials, { resource: 'partner', operation: 'getProfile' });
		expect(after.error).toBeUndefined();
		expect(sandbox.counters.logins).toBe(loginsBefore + 1);
	});
});
