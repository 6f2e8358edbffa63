import { apiCalls, DEMO_COMPANY_ID, DEMO_LOCATION_ID, jsonOf, run, useSandbox } from './helpers';

const ctx = useSandbox();

describe('Payment', () => {
	it('Get Many sends the payment-date and update windows as UTC ISO, location and sort', async () => {
		const { sandbox, credentials } = ctx;
		const payments = sandbox.store
			.list('payments', DEMO_COMPANY_ID)
			.filter((p) => p.locationId === DEMO_LOCATION_ID);
		const dates = payments.map((p) => p.paymentDate as string).sort();
		const [from, to] = [dates[1], dates[dates.length - 2]];
		const result = await run(credentials, {
			resource: 'payment',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			locationId: DEMO_LOCATION_ID,
			returnAll: true,
			simplify: false,
			filters: {
				paymentDateStart: from,
				paymentDateEnd: to,
				updatedDateStart: '2000-01-01T02:00:00+02:00',
				updatedDateEnd: '2100-01-01T00:00:00Z',
				sort: 'createdDate',
				sortDirection: 'DESC',
			},
		});
		expect(result.error).toBeUndefined();
		const [call] = apiCalls(sandbox, '/payments');
		expect(call.query).toEqual({
			companyId: DEMO_COMPANY_ID,
			locationId: DEMO_LOCATION_ID,
			paymentDateStart: `${new Date(from).toISOString().slice(0, 19)}Z`,
			// An end bound rounds up to the whole second: no payment at `to` is left out.
			paymentDateEnd: `${new Date(Math.ceil(Date.parse(to) / 1000) * 1000).toISOString().slice(0, 19)}Z`,
			updatedDateStart: '2000-01-01T00:00:00Z',
			updatedDateEnd: '2100-01-01T00:00:00Z',
			sort: 'createdDate',
			sortDirection: 'DESC',
			page: '1',
			size: '100',
		});
		const records = jsonOf(result.items);
		const expected = payments.filter((p) => p.paymentDate >= from && p.paymentDate <= to);
		expect(records).toHaveLength(expected.length);
		const seen = records.map((p) => p.paymentDate as string);
		expect(seen).toEqual([...seen].sort().reverse());
		expect(records[0]).toHaveProperty('paymentHistory');
	});

	it('Get Many simplified keeps amounts, method, RO and update time', async () => {
		const { credentials } = ctx;
		const result = await run(credentials, {
			resource: 'payment',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			limit: 2,
		});
		expect(result.items).toHaveLength(2);
		expect(Object.keys(result.items[0].json).sort()).toEqual(
			[
				'paymentId',
				'locationId',
				'roNumber',
				'paymentDate',
				'paymentType',
				'paymentMethod',
				'totalPaymentAmount',
				'netPaidAmount',
				'lastUpdatedAt',
			].sort(),
		);
	});
});
