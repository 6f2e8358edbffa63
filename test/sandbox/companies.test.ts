import {
	DEMO_COMPANY_2_ID,
	DEMO_COMPANY_ID,
	extraCompanyIds,
	OTHER_PARTNER,
	startSandbox,
} from '../../sandbox';
import { admin, call, login, useLoggedInSandbox } from './helpers';

/** `companies: N`: a multi-shop partner, and a profile that changes. */
describe('sandbox with 20 extra shops for the demo partner', () => {
	const at = { clock: 'manual', startTime: '2025-06-02T12:00:00.000Z' } as const;
	const { sb, token } = useLoggedInSandbox({ companies: 20, ...at });
	const extra = extraCompanyIds(20);
	/** The company ids of the demo partner's profile, as AutoLeap answers it (a results envelope). */
	const profileIds = async (accessToken = token()) => {
		const answer = await call(sb(), 'GET', '/partners/profile', { token: accessToken });
		const [profile] = answer.body.results.content as Array<{
			companies: Array<{ companyId: string }>;
		}>;
		return profile.companies.map((c) => c.companyId);
	};

	it('lists them in the profile after the two demo shops, each with its records', async () => {
		expect(await profileIds()).toEqual([DEMO_COMPANY_ID, DEMO_COMPANY_2_ID, ...extra]);
		for (const companyId of [extra[0], extra[19]]) {
			const page = await call(sb(), 'GET', '/vehicles', { token: token(), query: { companyId } });
			expect(page.status).toBe(200);
			const vehicles = page.body.results.content as Array<{ companyId: string }>;
			expect(vehicles.length).toBeGreaterThan(10);
			expect(vehicles.every((v) => v.companyId === companyId)).toBe(true);
		}
	});

	it('leaves the other shops as they are seeded without them', async () => {
		const plain = await startSandbox({ port: 0, ...at });
		try {
			for (const resource of ['customers', 'orders', 'payments'] as const)
				expect(sb().store.list(resource, DEMO_COMPANY_ID)).toEqual(
					plain.store.list(resource, DEMO_COMPANY_ID),
				);
		} finally {
			await plain.close();
		}
	});

	it('setProfileCompanies lists some of them; an unlisted shop is refused; reset lists all again', async () => {
		expect(sb().setProfileCompanies([extra[3], DEMO_COMPANY_ID])).toEqual([
			extra[3],
			DEMO_COMPANY_ID,
		]);
		expect(await profileIds()).toEqual([extra[3], DEMO_COMPANY_ID]);
		const refused = await call(sb(), 'GET', '/customers', {
			token: token(),
			query: { companyId: extra[4] },
		});
		expect(refused.status).toBe(403);
		expect(() => sb().setProfileCompanies(['98392'])).toThrow('is not one of demo-partner');
		sb().reset();
		expect(sb().setProfileCompanies(extra).length).toBe(20);
		sb().reset();
		expect(await profileIds((await login(sb())).accessToken)).toHaveLength(22);
	});

	it('POST /__admin/profile does the same over HTTP, for any partner', async () => {
		const set = await admin(sb(), 'POST', 'profile', { companies: [extra[0]] });
		expect(set.body.profile.companies.map((c: { companyId: string }) => c.companyId)).toEqual([
			extra[0],
		]);
		expect(await profileIds()).toEqual([extra[0]]);
		const other = await admin(sb(), 'GET', `profile?partnerId=${OTHER_PARTNER.partnerId}`);
		expect(other.body.profile.companies).toHaveLength(1);
		const bad = await admin(sb(), 'POST', 'profile', { companies: 'all' });
		expect(bad.status).toBe(400);
		expect(bad.body.error).toBe('companies must be a list of company ids');
	});
});
