import { DEMO_COMPANY_ID } from '../../sandbox';
import { call, login, useSandbox } from './helpers';

describe('sandbox request validation', () => {
	const sb = useSandbox();
	let token = '';
	beforeAll(async () => {
		token = (await login(sb())).accessToken;
	});

	const firstCustomer = () => sb().store.list('customers', DEMO_COMPANY_ID)[0];

	it('400s a missing required query parameter, naming it', async () => {
		const r = await call(sb(), 'GET', '/orders', { token });
		expect(r.status).toBe(400);
		expect(r.body).toEqual({ success: false, error: 'query parameter "companyId" is required' });
	});

	it('400s a wrongly typed query parameter', async () => {
		const r = await call(sb(), 'GET', '/orders', {
			token,
			query: { companyId: DEMO_COMPANY_ID, repairOrderStatusId: 'two' },
		});
		expect(r.status).toBe(400);
		expect(r.body.error).toMatch(/^repairOrderStatusId must be/);
		const page = await call(sb(), 'GET', '/items', {
			token,
			query: { companyId: DEMO_COMPANY_ID, page: 'x' },
		});
		expect(page.status).toBe(400);
		expect(page.body.error).toBe('page must be an integer');
	});

	it('400s bad enums: sortDirection, transmission, mileageUnit', async () => {
		const sort = await call(sb(), 'GET', '/vehicles', {
			token,
			query: { companyId: DEMO_COMPANY_ID, sortDirection: 'up' },
		});
		expect(sort.status).toBe(400);
		expect(sort.body.error).toBe('sortDirection must be one of: ASC, DESC');
		const customerId = firstCustomer().customerId;
		const tr = await call(sb(), 'POST', '/vehicles', {
			token,
			body: {
				companyId: DEMO_COMPANY_ID,
				vehicles: [{ customerId }, { customerId }, { customerId, transmission: 'CVT' }],
			},
		});
		expect(tr.status).toBe(400);
		expect(tr.body.error).toBe('vehicles[2].transmission must be one of: Automatic, Manual');
		const mu = await call(sb(), 'PUT', '/vehicles', {
			token,
			body: { companyId: DEMO_COMPANY_ID, vehicles: [{ vehicleId: '1', mileageUnit: 'miles' }] },
		});
		expect(mu.status).toBe(400);
		expect(mu.body.error).toBe('vehicles[0].mileageUnit must be one of: KM, Miles');
	});

	it('400s malformed JSON and a missing body', async () => {
		const bad = await call(sb(), 'POST', '/customers', { token, raw: '{"companyId": "1", ' });
		expect(bad.status).toBe(400);
		expect(bad.body.success).toBe(false);
		expect(bad.body.error).toMatch(/malformed json/i);
		const none = await call(sb(), 'PUT', '/customers', { token });
		expect(none.status).toBe(400);
		expect(none.body.error).toBe('request body is required');
		const missing = await call(sb(), 'PUT', '/customers', {
			token,
			body: { companyId: DEMO_COMPANY_ID },
		});
		expect(missing.body.error).toBe('customers is required');
	});

	it('applies nothing when one element of a bulk create is invalid', async () => {
		const before = sb().store.list('vehicles', DEMO_COMPANY_ID).length;
		const customerId = firstCustomer().customerId;
		const good = { customerId, year: 2020, make: 'Honda', model: 'Fit' };
		const r = await call(sb(), 'POST', '/vehicles', {
			token,
			body: { companyId: DEMO_COMPANY_ID, vehicles: [good, good, { ...good, year: 'old' }] },
		});
		expect(r.status).toBe(400);
		expect(r.body.error).toBe('vehicles[2].year must be an integer');
		const unknown = await call(sb(), 'POST', '/vehicles', {
			token,
			body: { companyId: DEMO_COMPANY_ID, vehicles: [good, { ...good, customerId: '999' }] },
		});
		expect(unknown.status).toBe(404);
		expect(unknown.body.error).toBe('vehicles[1].customerId "999" not found');
		expect(sb().store.list('vehicles', DEMO_COMPANY_ID)).toHaveLength(before);
		const ok = await call(sb(), 'POST', '/vehicles', {
			token,
			body: { companyId: DEMO_COMPANY_ID, vehicles: [good, good] },
		});
		expect(ok.body).toEqual({ success: true, message: 'Request completed successfully', data: {} });
		expect(sb().store.list('vehicles', DEMO_COMPANY_ID)).toHaveLength(before + 2);
	});

	it('applies nothing when a bulk update names an unknown id', async () => {
		const [a] = sb().store.list('vehicles', DEMO_COMPANY_ID);
		const r = await call(sb(), 'PUT', '/vehicles', {
			token,
			body: {
				companyId: DEMO_COMPANY_ID,
				vehicles: [
					{ vehicleId: a.vehicleId, notes: 'changed' },
					{ vehicleId: '1' },
					{ vehicleId: '999' },
				],
			},
		});
		expect(r.status).toBe(404);
		expect(r.body.error).toBe('vehicles[1].vehicleId "1" not found');
		expect(sb().store.get('vehicles', a.vehicleId)?.notes).toBe(a.notes);
	});

	it('enforces the item rules and accepts customerType in any case', async () => {
		const part = {
			itemType: 'part',
			itemName: 'Pad',
			itemNumber: 'P1',
			status: 'Active',
			taxable: true,
		};
		const r = await call(sb(), 'POST', '/items', {
			token,
			body: { companyId: DEMO_COMPANY_ID, items: [part] },
		});
		expect(r.status).toBe(400);
		expect(r.body.error).toBe('items[0].partDetails is required for itemType "part"');
		const labor = await call(sb(), 'POST', '/items', {
			token,
			body: { companyId: DEMO_COMPANY_ID, items: [{ ...part, itemType: 'labor' }] },
		});
		expect(labor.body.error).toBe('items[0].itemType must be one of: part, tire');
		const c = await call(sb(), 'POST', '/customers', {
			token,
			body: {
				companyId: DEMO_COMPANY_ID,
				customers: [
					{ firstName: 'Ann', lastName: 'Lee', customerType: 'Fleet' },
					{ firstName: 'Bo', lastName: 'Ng', customerType: 'REGULAR' },
				],
			},
		});
		expect(c.status).toBe(200);
		const created = sb().store.list('customers', DEMO_COMPANY_ID).slice(-2);
		expect(created.map((x) => x.customerType)).toEqual(['fleet', 'regular']);
		const bad = await call(sb(), 'POST', '/customers', {
			token,
			body: {
				companyId: DEMO_COMPANY_ID,
				customers: [{ firstName: 'A', lastName: 'B', customerType: 'vip' }],
			},
		});
		expect(bad.body.error).toBe('customers[0].customerType must be one of: regular, fleet');
	});
});
