import { DEMO_COMPANY_ID } from '../../sandbox';
import { call, login, useSandbox } from './helpers';

const START = '2025-06-02T12:00:00.000Z';

describe('sandbox date filters and write stamps (manual clock)', () => {
	const sb = useSandbox({ clock: 'manual', startTime: START });
	let token = '';
	beforeEach(async () => {
		sb().reset();
		token = (await login(sb())).accessToken;
	});
	const get = (path: string, query: Record<string, string | number>) =>
		call(sb(), 'GET', path, { token, query: { companyId: DEMO_COMPANY_ID, ...query } });

	it('seeds every record with ms-precision timestamps before the clock start', () => {
		const start = Date.parse(START);
		for (const r of ['customers', 'vehicles', 'items', 'orders', 'appointmentRequests', 'inventoryLevels', 'timesheetLogs'] as const) {
			for (const rec of sb().store.list(r, DEMO_COMPANY_ID)) {
				expect(rec.createdDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
				expect(Date.parse(rec.updatedDate)).toBeLessThan(start);
				expect(Date.parse(rec.updatedDate)).toBeGreaterThanOrEqual(Date.parse(rec.createdDate));
			}
		}
		for (const p of sb().store.list('payments', DEMO_COMPANY_ID)) {
			expect(p.createdDate).toBeUndefined();
			expect(Date.parse(p.lastUpdatedAt)).toBeLessThan(start);
			expect(p.paymentDate).toBeDefined();
		}
	});

	it('stamps writes with the sandbox clock and finds them with an inclusive updated window', async () => {
		const [v] = sb().store.list('vehicles', DEMO_COMPANY_ID);
		sb().clock.set('2025-06-03T08:00:00.250Z');
		token = (await login(sb())).accessToken; // moving the clock 20 h expired the old token
		const w = await call(sb(), 'PUT', '/vehicles', { token, body: { companyId: DEMO_COMPANY_ID, vehicles: [{ vehicleId: v.vehicleId, mileage: 123456 }] } });
		expect(w.status).toBe(200);
		const after = sb().store.get('vehicles', v.vehicleId);
		expect(after).toMatchObject({ mileage: 123456, updatedDate: '2025-06-03T08:00:00.250Z', createdDate: v.createdDate });
		// exact bounds are inclusive on both ends
		const exact = await get('/vehicles', { updatedDateStart: '2025-06-03T08:00:00.250Z', updatedDateEnd: '2025-06-03T08:00:00.250Z' });
		expect(exact.body.results.content.map((x: any) => x.vehicleId)).toEqual([v.vehicleId]);
		// a date-time without ms as the end bound covers its whole second
		const noMs = await get('/vehicles', { updatedDateStart: '2025-06-03T08:00:00Z', updatedDateEnd: '2025-06-03T08:00:00Z' });
		expect(noMs.body.results.content.map((x: any) => x.vehicleId)).toEqual([v.vehicleId]);
		// date-only = whole UTC day
		const day = await get('/vehicles', { updatedDateStart: '2025-06-03', updatedDateEnd: '2025-06-03' });
		expect(day.body.results.content.map((x: any) => x.vehicleId)).toEqual([v.vehicleId]);
		const before = await get('/vehicles', { updatedDateEnd: '2025-06-03T08:00:00.249Z', size: 100 });
		expect(before.body.results.pagination.totalCount).toBe(sb().store.list('vehicles', DEMO_COMPANY_ID).length - 1);
		const nextDay = await get('/vehicles', { updatedDateStart: '2025-06-04' });
		expect(nextDay.body.results.content).toEqual([]);
	});

	it('creates set createdDate and updatedDate; archive sets Inactive and stamps', async () => {
		const c = sb().store.list('customers', DEMO_COMPANY_ID)[0];
		sb().clock.advance(5000);
		const now = sb().clock.iso();
		await call(sb(), 'POST', '/vehicles', { token, body: { companyId: DEMO_COMPANY_ID, vehicles: [{ customerId: c.customerId, make: 'Mazda', model: 'MX-5', year: 2019 }] } });
		const created = sb().store.list('vehicles', DEMO_COMPANY_ID).at(-1);
		expect(created).toMatchObject({ customerId: c.customerId, createdDate: now, updatedDate: now, vehicleStatus: 'Active', vehicleName: '2019 Mazda MX-5' });
		sb().clock.advance(1000);
		await call(sb(), 'PATCH', '/customers', { token, body: { companyId: DEMO_COMPANY_ID, customers: [{ customerId: c.customerId }] } });
		expect(sb().store.get('customers', c.customerId)).toMatchObject({ status: 'Inactive', updatedDate: sb().clock.iso() });
		// archived records stay listed
		const listed = await get('/customers', { updatedDateStart: sb().clock.iso() });
		expect(listed.body.results.content).toEqual([expect.objectContaining({ customerId: c.customerId, status: 'Inactive' })]);
	});

	it('store.update stamps a change behind the node\'s back; payments use lastUpdatedAt', async () => {
		sb().clock.set('2025-07-01T00:00:00.000Z');
		token = (await login(sb())).accessToken;
		const [p] = sb().store.list('payments', DEMO_COMPANY_ID);
		const changed = sb().store.update('payments', p.paymentId, { paymentMethod: 'Cash' });
		expect(changed.lastUpdatedAt).toBe('2025-07-01T00:00:00.000Z');
		const r = await get('/payments', { updatedDateStart: '2025-07-01' });
		expect(r.body.content.map((x: any) => x.paymentId)).toEqual([p.paymentId]);
		const byPaymentDate = await get('/payments', { paymentDateStart: '2025-07-01' });
		expect(byPaymentDate.body.content).toEqual([]);
	});

	it('filters the other windows: invoice, finalize, created, appointment, timesheet', async () => {
		const orders = sb().store.list('orders', DEMO_COMPANY_ID);
		const inv = orders.find((o) => o.invoiceDate);
		const day = inv!.invoiceDate.slice(0, 10);
		const r = await get('/orders', { invoiceStartDate: day, invoiceEndDate: day });
		expect(r.body.content.length).toBeGreaterThan(0);
		expect(r.body.content.every((o: any) => o.invoiceDate.startsWith(day))).toBe(true);
		const fin = orders.find((o) => o.finalizeDate);
		const f = await get('/orders', { finalizeStartDate: fin!.finalizeDate, finalizeEndDate: fin!.finalizeDate });
		expect(f.body.content.map((o: any) => o.repairOrderNumber)).toContain(fin!.repairOrderNumber);
		const ar = sb().store.list('appointmentRequests', DEMO_COMPANY_ID)[0];
		const c = await get('/appointmentRequests', { createdDateStart: ar.createdDate, createdDateEnd: ar.createdDate });
		expect(c.body.content.map((a: any) => a.appointmentId)).toEqual([ar.appointmentId]);
		const a = await get('/appointmentRequests', { appointmentStartDate: ar.startDateTime, appointmentEndDate: ar.startDateTime });
		expect(a.body.content.map((x: any) => x.appointmentId)).toContain(ar.appointmentId);
		const log = sb().store.list('timesheetLogs', DEMO_COMPANY_ID)[0];
		const t = await get('/technicians/timesheetLogs', { startDate: log.clockIn.slice(0, 10), endDate: log.clockIn.slice(0, 10) });
		expect(t.body.results.content.every((x: any) => x.clockIn.startsWith(log.clockIn.slice(0, 10)))).toBe(true);
		expect(t.body.results.content.length).toBeGreaterThan(0);
		const bad = await get('/orders', { updatedDateStart: 'yesterday' });
		expect(bad.status).toBe(400);
		expect(bad.body.error).toMatch(/updatedDateStart/);
	});
});
