import { DEMO_COMPANY_ID, startSandbox } from '../../sandbox';
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
		for (const r of [
			'customers',
			'vehicles',
			'items',
			'orders',
			'appointmentRequests',
			'inventoryLevels',
			'timesheetLogs',
		] as const) {
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

	it('stamps writes with the sandbox clock and finds them with an inclusive updated window (lenient: to the ms)', async () => {
		sb().setDates({ mode: 'lenient' });
		const [v] = sb().store.list('vehicles', DEMO_COMPANY_ID);
		sb().clock.set('2025-06-03T08:00:00.250Z');
		token = (await login(sb())).accessToken; // moving the clock 20 h expired the old token
		const w = await call(sb(), 'PUT', '/vehicles', {
			token,
			body: { companyId: DEMO_COMPANY_ID, vehicles: [{ vehicleId: v.vehicleId, mileage: 123456 }] },
		});
		expect(w.status).toBe(200);
		const after = sb().store.get('vehicles', v.vehicleId);
		expect(after).toMatchObject({
			mileage: 123456,
			updatedDate: '2025-06-03T08:00:00.250Z',
			createdDate: v.createdDate,
		});
		// exact bounds are inclusive on both ends
		const exact = await get('/vehicles', {
			updatedDateStart: '2025-06-03T08:00:00.250Z',
			updatedDateEnd: '2025-06-03T08:00:00.250Z',
		});
		expect(exact.body.results.content.map((x: any) => x.vehicleId)).toEqual([v.vehicleId]);
		// a date-time without ms as the end bound covers its whole second
		const noMs = await get('/vehicles', {
			updatedDateStart: '2025-06-03T08:00:00Z',
			updatedDateEnd: '2025-06-03T08:00:00Z',
		});
		expect(noMs.body.results.content.map((x: any) => x.vehicleId)).toEqual([v.vehicleId]);
		// date-only = whole UTC day
		const day = await get('/vehicles', {
			updatedDateStart: '2025-06-03',
			updatedDateEnd: '2025-06-03',
		});
		expect(day.body.results.content.map((x: any) => x.vehicleId)).toEqual([v.vehicleId]);
		const before = await get('/vehicles', {
			updatedDateEnd: '2025-06-03T08:00:00.249Z',
			size: 100,
		});
		expect(before.body.results.pagination.totalCount).toBe(
			sb().store.list('vehicles', DEMO_COMPANY_ID).length - 1,
		);
		const nextDay = await get('/vehicles', { updatedDateStart: '2025-06-04' });
		expect(nextDay.body.results.content).toEqual([]);
	});

	it('creates set createdDate and updatedDate; archive sets Inactive and stamps', async () => {
		const c = sb().store.list('customers', DEMO_COMPANY_ID)[0];
		sb().clock.advance(5000);
		const now = sb().clock.iso();
		await call(sb(), 'POST', '/vehicles', {
			token,
			body: {
				companyId: DEMO_COMPANY_ID,
				vehicles: [{ customerId: c.customerId, make: 'Mazda', model: 'MX-5', year: 2019 }],
			},
		});
		const created = sb().store.list('vehicles', DEMO_COMPANY_ID).at(-1);
		expect(created).toMatchObject({
			customerId: c.customerId,
			createdDate: now,
			updatedDate: now,
			vehicleStatus: 'Active',
			vehicleName: '2019 Mazda MX-5',
		});
		sb().clock.advance(1000);
		await call(sb(), 'PATCH', '/customers', {
			token,
			body: { companyId: DEMO_COMPANY_ID, customers: [{ customerId: c.customerId }] },
		});
		expect(sb().store.get('customers', c.customerId)).toMatchObject({
			status: 'Inactive',
			updatedDate: sb().clock.iso(),
		});
		// archived records stay listed
		const listed = await get('/customers', {
			updatedDateStart: sb().clock.iso().replace('.000Z', 'Z'),
		});
		expect(listed.body.results.content).toEqual([
			expect.objectContaining({ customerId: c.customerId, status: 'Inactive' }),
		]);
	});

	it("store.update stamps a change behind the node's back; payments use lastUpdatedAt", async () => {
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
		sb().setDates({ mode: 'lenient' }); // bounds below are the records' own ms stamps
		const orders = sb().store.list('orders', DEMO_COMPANY_ID);
		const inv = orders.find((o) => o.invoiceDate);
		const day = inv!.invoiceDate.slice(0, 10);
		const r = await get('/orders', { invoiceStartDate: day, invoiceEndDate: day });
		expect(r.body.content.length).toBeGreaterThan(0);
		expect(r.body.content.every((o: any) => o.invoiceDate.startsWith(day))).toBe(true);
		const fin = orders.find((o) => o.finalizeDate);
		const f = await get('/orders', {
			finalizeStartDate: fin!.finalizeDate,
			finalizeEndDate: fin!.finalizeDate,
		});
		expect(f.body.content.map((o: any) => o.repairOrderNumber)).toContain(fin!.repairOrderNumber);
		const ar = sb().store.list('appointmentRequests', DEMO_COMPANY_ID)[0];
		const c = await get('/appointmentRequests', {
			createdDateStart: ar.createdDate,
			createdDateEnd: ar.createdDate,
		});
		expect(c.body.content.map((a: any) => a.appointmentId)).toEqual([ar.appointmentId]);
		const a = await get('/appointmentRequests', {
			appointmentStartDate: ar.startDateTime,
			appointmentEndDate: ar.startDateTime,
		});
		expect(a.body.content.map((x: any) => x.appointmentId)).toContain(ar.appointmentId);
		const log = sb().store.list('timesheetLogs', DEMO_COMPANY_ID)[0];
		const t = await get('/technicians/timesheetLogs', {
			startDate: log.clockIn.slice(0, 10),
			endDate: log.clockIn.slice(0, 10),
		});
		expect(
			t.body.results.content.every((x: any) => x.clockIn.startsWith(log.clockIn.slice(0, 10))),
		).toBe(true);
		expect(t.body.results.content.length).toBeGreaterThan(0);
		const bad = await get('/orders', { updatedDateStart: 'yesterday' });
		expect(bad.status).toBe(400);
		expect(bad.body.error).toMatch(/updatedDateStart/);
	});

	const ms = '2025-06-02T11:00:00.250Z';
	const windows: Array<[string, string, string]> = [
		['/vehicles', 'updatedDateStart', 'updatedDateEnd'],
		['/customers', 'updatedDateStart', 'updatedDateEnd'],
		['/items', 'updatedDateStart', 'updatedDateEnd'],
		['/orders', 'invoiceStartDate', 'finalizeEndDate'],
		['/payments', 'paymentDateStart', 'updatedDateEnd'],
		['/appointmentRequests', 'createdDateStart', 'appointmentEndDate'],
		['/technicians/timesheetLogs', 'startDate', 'endDate'],
	];

	it.each(windows)(
		'documented (the default): %s answers 400 to fractional seconds in %s and %s, naming the parameter',
		async (path, start, end) => {
			expect(sb().dates.mode).toBe('documented');
			for (const name of [start, end]) {
				const r = await get(path, { [name]: ms });
				expect(r.status).toBe(400);
				expect(r.body.error).toContain(name);
				expect(r.body.error).toMatch(/fractional seconds.*YYYY-MM-DDThh:mm:ssZ/);
			}
			const documented = await get(path, { [start]: '2025-06-01T11:00:00Z', [end]: '2025-06-02' });
			expect(documented.status).toBe(200);
		},
	);

	it('documented: only YYYY-MM-DDThh:mm:ssZ and YYYY-MM-DD; an offset or a time without seconds is a 400 too', async () => {
		for (const value of [
			'2025-06-02T11:00:00+02:00',
			'2025-06-02T11:00Z',
			'2025-06-02T11:00:00',
			'2025-06-02 11:00:00Z',
		]) {
			const r = await get('/orders', { updatedDateStart: value });
			expect([r.status, r.body.error]).toEqual([
				400,
				expect.stringContaining(
					'updatedDateStart must be a date (YYYY-MM-DD) or a UTC date-time (YYYY-MM-DDThh:mm:ssZ)',
				),
			]);
		}
	});

	it('truncate: a bound with milliseconds is cut to its second without a word', async () => {
		const [v] = sb().store.list('vehicles', DEMO_COMPANY_ID);
		sb().clock.set('2025-06-03T08:00:00.250Z');
		token = (await login(sb())).accessToken;
		sb().store.update('vehicles', v.vehicleId, { mileage: 7 });
		const ids = async (query: Record<string, string>) =>
			((await get('/vehicles', query)).body.results.content as Array<{ vehicleId: string }>).map(
				(x) => x.vehicleId,
			);
		sb().setDates({ mode: 'truncate' });
		// 08:00:00.900 as a start is read as 08:00:00: the record at .250 is in.
		expect(await ids({ updatedDateStart: '2025-06-03T08:00:00.900Z' })).toEqual([v.vehicleId]);
		// 08:00:00.100 as an end is read as 08:00:00, i.e. through .999 (endBound second) or the instant .000.
		expect(
			await ids({
				updatedDateStart: '2025-06-03T08:00:00Z',
				updatedDateEnd: '2025-06-03T08:00:00.100Z',
			}),
		).toEqual([v.vehicleId]);
		sb().setDates({ endBound: 'instant' });
		expect(
			await ids({
				updatedDateStart: '2025-06-03T08:00:00Z',
				updatedDateEnd: '2025-06-03T08:00:00.100Z',
			}),
		).toEqual([]);
		// lenient reads the same bounds to the ms
		sb().setDates({ mode: 'lenient', endBound: 'second' });
		expect(await ids({ updatedDateStart: '2025-06-03T08:00:00.900Z' })).toEqual([]);
		expect(
			await ids({
				updatedDateStart: '2025-06-03T08:00:00Z',
				updatedDateEnd: '2025-06-03T08:00:00.100Z',
			}),
		).toEqual([]);
	});

	it('endBound instant: …:00Z is the instant .000, so a record stamped .250 is past it; a date-only end still covers its day', async () => {
		const [v] = sb().store.list('vehicles', DEMO_COMPANY_ID);
		sb().clock.set('2025-06-03T08:00:00.250Z');
		token = (await login(sb())).accessToken;
		sb().store.update('vehicles', v.vehicleId, { mileage: 8 });
		const ids = async (query: Record<string, string>) =>
			((await get('/vehicles', query)).body.results.content as Array<{ vehicleId: string }>).map(
				(x) => x.vehicleId,
			);
		const window = {
			updatedDateStart: '2025-06-03T08:00:00Z',
			updatedDateEnd: '2025-06-03T08:00:00Z',
		};
		expect(await ids(window)).toEqual([v.vehicleId]); // endBound second (the default): through .999
		sb().setDates({ endBound: 'instant' });
		expect(await ids(window)).toEqual([]);
		expect(await ids({ ...window, updatedDateEnd: '2025-06-03T08:00:01Z' })).toEqual([v.vehicleId]);
		expect(await ids({ updatedDateStart: '2025-06-03', updatedDateEnd: '2025-06-03' })).toEqual([
			v.vehicleId,
		]);
	});

	it('stamps seconds: writes, and the seed, are stamped to the whole second', async () => {
		sb().setDates({ stamps: 'seconds' });
		sb().clock.set('2025-06-03T08:00:00.250Z');
		token = (await login(sb())).accessToken;
		const [v] = sb().store.list('vehicles', DEMO_COMPANY_ID);
		expect(sb().store.update('vehicles', v.vehicleId, { mileage: 9 }).updatedDate).toBe(
			'2025-06-03T08:00:00Z',
		);
		const w = await call(sb(), 'POST', '/vehicles', {
			token,
			body: {
				companyId: DEMO_COMPANY_ID,
				vehicles: [{ customerId: v.customerId, make: 'Kia', model: 'EV6', year: 2024 }],
			},
		});
		expect(w.status).toBe(200);
		expect(sb().store.list('vehicles', DEMO_COMPANY_ID).at(-1)).toMatchObject({
			make: 'Kia',
			createdDate: '2025-06-03T08:00:00Z',
			updatedDate: '2025-06-03T08:00:00Z',
		});
		const seconds = await startSandbox({
			port: 0,
			clock: 'manual',
			startTime: START,
			stamps: 'seconds',
		});
		try {
			for (const r of ['customers', 'vehicles', 'orders', 'appointmentRequests'] as const) {
				for (const rec of seconds.store.list(r, DEMO_COMPANY_ID))
					expect(rec.updatedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
			}
			for (const p of seconds.store.list('payments', DEMO_COMPANY_ID))
				expect([p.paymentDate, p.lastUpdatedAt]).toEqual([
					expect.stringMatching(/:\d{2}Z$/),
					expect.stringMatching(/:\d{2}Z$/),
				]);
		} finally {
			await seconds.close();
		}
	});

	it('sets the date rules at start, in-process and over /__admin/dates; reset restores those of the start', async () => {
		const admin = async (method: string, body?: unknown) => {
			const r = await fetch(`${sb().origin}/__admin/dates`, {
				method,
				headers: { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return { status: r.status, body: (await r.json()) as any };
		};
		expect((await admin('GET')).body.dates).toEqual({
			mode: 'documented',
			endBound: 'second',
			stamps: 'milliseconds',
		});
		expect((await admin('POST', { mode: 'truncate', endBound: 'instant' })).body.dates).toEqual({
			mode: 'truncate',
			endBound: 'instant',
			stamps: 'milliseconds',
		});
		expect(sb().dates).toEqual({ mode: 'truncate', endBound: 'instant', stamps: 'milliseconds' });
		expect((await get('/orders', { updatedDateStart: ms })).status).toBe(200);
		const bad = await admin('POST', { mode: 'loose' });
		expect([bad.status, bad.body.error]).toEqual([
			400,
			'mode must be one of: documented, truncate, lenient (got "loose")',
		]);
		expect(() => sb().setDates({ stamps: 'micro' as never })).toThrow(
			'stamps must be one of: milliseconds, seconds',
		);
		sb().reset();
		expect(sb().dates).toEqual({ mode: 'documented', endBound: 'second', stamps: 'milliseconds' });
		const started = await startSandbox({
			port: 0,
			seedData: false,
			dates: 'lenient',
			endBound: 'instant',
			stamps: 'seconds',
		});
		try {
			expect(started.dates).toEqual({ mode: 'lenient', endBound: 'instant', stamps: 'seconds' });
			started.setDates({ mode: 'documented' });
			started.reset();
			expect(started.dates.mode).toBe('lenient');
		} finally {
			await started.close();
		}
	});
});
