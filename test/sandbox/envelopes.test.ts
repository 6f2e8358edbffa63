import { DEMO_COMPANY_ID, DEMO_LOCATION_ID } from '../../sandbox';
import { call, login, useSandbox } from './helpers';

const PAGE_KEYS = [
	'content',
	'pageable',
	'totalPages',
	'totalCount',
	'last',
	'size',
	'number',
	'first',
	'sort',
	'numberOfElements',
	'empty',
];

describe('sandbox envelopes and pagination', () => {
	const sb = useSandbox();
	let token = '';
	beforeAll(async () => {
		token = (await login(sb())).accessToken;
	});
	const get = (path: string, query: Record<string, string | number> = {}) =>
		call(sb(), 'GET', path, { token, query: { companyId: DEMO_COMPANY_ID, ...query } });

	it.each(['/items', '/orders', '/payments', '/appointmentRequests'])(
		'%s answers the top-level page object',
		async (path) => {
			const r = await get(path, { size: 5 });
			expect(r.status).toBe(200);
			expect(Object.keys(r.body).sort()).toEqual([...PAGE_KEYS].sort());
			expect(r.body).toMatchObject({
				size: 5,
				number: 1,
				first: true,
				last: false,
				numberOfElements: 5,
				empty: false,
			});
			expect(r.body.pageable).toMatchObject({
				offset: 0,
				pageSize: 5,
				pageNumber: 1,
				paged: true,
				unpaged: false,
			});
			expect(r.body.totalPages).toBe(Math.ceil(r.body.totalCount / 5));
		},
	);

	it.each([
		['/vehicles', 'Vehicle fetched successfully'],
		['/customers', 'Customers fetched successfully'],
		['/technicians/timesheetLogs', 'Timesheet logs fetched successfully'],
		['/inventoryLevels', 'Inventory levels fetched successfully'],
	])('%s answers {message, results:{content, pagination}}', async (path, message) => {
		const r = await get(path);
		expect(r.status).toBe(200);
		expect(Object.keys(r.body).sort()).toEqual(['message', 'results']);
		expect(r.body.message).toBe(message);
		expect(Object.keys(r.body.results.pagination).sort()).toEqual([
			'last',
			'page',
			'size',
			'totalCount',
			'totalPages',
		]);
		expect(r.body.results.content.length).toBeGreaterThan(0);
	});

	it('single records: vehicles/customers/items/pricing/profile in results, orders in content[]', async () => {
		const v = sb().store.list('vehicles', DEMO_COMPANY_ID)[3];
		const vr = await call(sb(), 'GET', `/vehicles/${v.vehicleId}`, { token });
		expect(vr.body.message).toBe('Vehicle fetched successfully');
		expect(vr.body.results.content).toEqual([v]);
		const c = sb().store.list('customers', DEMO_COMPANY_ID)[0];
		expect((await get(`/customers/${c.customerId}`)).body.results.content).toEqual([c]);
		const it = sb().store.list('items', DEMO_COMPANY_ID)[0];
		expect((await get(`/items/${it.itemId}`)).body.results.content[0].itemId).toBe(it.itemId);
		const price = await get(`/itemPricing/${it.itemId}`);
		expect(price.body.results.content[0]).toMatchObject({
			itemId: it.itemId,
			pricePerUnit: it.partDetails.pricePerUnit,
		});
		const profile = await call(sb(), 'GET', '/partners/profile', { token });
		expect(profile.body.results.content[0].companies.map((x: any) => x.companyId)).toContain(
			DEMO_COMPANY_ID,
		);
		const ro = sb().store.list('orders', DEMO_COMPANY_ID)[0];
		const rr = await get(`/orders/${ro.repairOrderNumber}`);
		expect(rr.body).toEqual({ content: [ro] });
		expect(typeof rr.body.content[0].repairOrderNumber).toBe('number');
	});

	it('404s unknown ids with {success:false,error}', async () => {
		for (const path of ['/orders/999999', '/customers/1', '/items/1', '/itemPricing/1']) {
			const r = await get(path);
			expect(r.status).toBe(404);
			expect(r.body.success).toBe(false);
			expect(typeof r.body.error).toBe('string');
		}
		expect((await call(sb(), 'GET', '/vehicles/1', { token })).status).toBe(404);
	});

	it('paginates 1-based with default size 100, clamps larger sizes, and ends with last=true', async () => {
		const all = sb().store.list('vehicles', DEMO_COMPANY_ID);
		expect(all.length).toBeGreaterThan(200);
		const p1 = await get('/vehicles');
		expect(p1.body.results.pagination).toMatchObject({
			page: 1,
			size: 100,
			totalCount: all.length,
			last: false,
		});
		expect(p1.body.results.content.map((v: any) => v.vehicleId)).toEqual(
			all.slice(0, 100).map((v) => v.vehicleId),
		);
		const big = await get('/payments', { size: 500 });
		expect(big.status).toBe(200);
		expect(big.body.size).toBe(100);
		const lastPage = Math.ceil(all.length / 100);
		const pl = await get('/vehicles', { page: lastPage });
		expect(pl.body.results.pagination.last).toBe(true);
		expect(pl.body.results.content.map((v: any) => v.vehicleId)).toEqual(
			all.slice((lastPage - 1) * 100).map((v) => v.vehicleId),
		);
		const beyond = await get('/items', { page: 99 });
		expect(beyond.body).toMatchObject({ content: [], last: true, empty: true, number: 99 });
	});

	it('orders by id (insertion order), not by update time', async () => {
		const r = await get('/orders', { size: 50 });
		const ids = r.body.content.map((o: any) => o.repairOrderNumber);
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
		const updated = r.body.content.map((o: any) => o.updatedDate);
		expect(updated).not.toEqual([...updated].sort());
	});

	it('filters by location, status, type, finalisation and search', async () => {
		const pay = await get('/payments', { locationId: DEMO_LOCATION_ID });
		expect(pay.body.content.every((p: any) => p.locationId === DEMO_LOCATION_ID)).toBe(true);
		const tires = await get('/items', { type: 'tire' });
		expect(tires.body.content.length).toBeGreaterThan(0);
		expect(tires.body.content.every((i: any) => i.itemType === 'tire')).toBe(true);
		for (const status of ['requested', 'confirmed', 'declined']) {
			const ar = await get('/appointmentRequests', { status });
			expect(ar.body.totalCount).toBeGreaterThan(0);
			expect(ar.body.content.every((a: any) => a.status === status)).toBe(true);
		}
		const fin = await get('/orders', { isFinalized: 'true' });
		expect(fin.body.content.every((o: any) => o.isFinalized === true && o.finalizeDate)).toBe(true);
		const st = await get('/orders', { repairOrderStatusId: 1 });
		expect(st.body.content.every((o: any) => o.repairOrderStatusId === 1)).toBe(true);
		const v = sb().store.list('vehicles', DEMO_COMPANY_ID)[10];
		const s = await get('/vehicles', { search: v.vin.toLowerCase() });
		expect(s.body.results.content.map((x: any) => x.vehicleId)).toEqual([v.vehicleId]);
		const below = await get('/inventoryLevels', { restockLevel: 'below' });
		expect(below.body.results.content.every((l: any) => l.quantityOnHand <= l.restockLevel)).toBe(
			true,
		);
		const desc = await get('/payments', { sort: 'createdDate', sortDirection: 'DESC', size: 20 });
		const dates = desc.body.content.map((p: any) => p.paymentDate);
		expect(dates).toEqual([...dates].sort().reverse());
	});
});
