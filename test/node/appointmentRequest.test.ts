import { apiCalls, DEMO_COMPANY_ID, DEMO_LOCATION_ID, jsonOf, run, useSandbox } from './helpers';

const ctx = useSandbox();

const create = {
	resource: 'appointmentRequest',
	operation: 'create',
	companyId: DEMO_COMPANY_ID,
	locationId: DEMO_LOCATION_ID,
	startDateTime: '2025-08-01T09:00:00.000Z',
	endDateTime: '2025-08-01T11:30:00+02:00',
	dropOffOption: 'waitForIt',
	language: 'ES',
	customerFirstName: '={{ $json.first }}',
	customerLastName: 'Smith',
	customerFields: { email: 'jane@example.com', phone: '5125550123' },
	vehicleMake: 'Toyota',
	vehicleModel: 'Corolla',
	vehicleYear: 2019,
	vehicleFields: { vin: '2T1BURHE0KC123456' },
	services: {
		service: [{ serviceId: 'SVC101', title: 'Oil change' }, { title: 'Brake inspection' }],
	},
};

describe('Appointment Request', () => {
	it('Create sends one request per item with the documented body (UTC ISO dates) and echoes it with the answer', async () => {
		const { sandbox, credentials } = ctx;
		const before = sandbox.store.list('appointmentRequests', DEMO_COMPANY_ID).length;
		const result = await run(credentials, create, {
			inputItems: [{ first: 'Jane' }, { first: 'Ann' }],
		});
		expect(result.error).toBeUndefined();

		const calls = apiCalls(sandbox, '/appointmentRequests/create');
		expect(calls).toHaveLength(2);
		expect(calls.every((call) => call.method === 'POST' && call.status === 200)).toBe(true);
		const sent = {
			companyId: DEMO_COMPANY_ID,
			locationId: DEMO_LOCATION_ID,
			startDateTime: '2025-08-01T09:00:00Z',
			endDateTime: '2025-08-01T09:30:00Z',
			dropOffOption: 'waitForIt',
			language: 'ES',
			customer: {
				firstName: 'Jane',
				lastName: 'Smith',
				email: 'jane@example.com',
				phone: '5125550123',
			},
			vehicle: { make: 'Toyota', model: 'Corolla', year: 2019, vin: '2T1BURHE0KC123456' },
			services: [{ serviceId: 'SVC101', title: 'Oil change' }, { title: 'Brake inspection' }],
		};
		const bodies = calls.map((call) => call.body as { customer: { firstName: string } });
		expect(bodies.find((b) => b.customer.firstName === 'Jane')).toEqual(sent);
		expect(bodies.map((b) => b.customer.firstName).sort()).toEqual(['Ann', 'Jane']);

		const output = jsonOf(result.items);
		expect(output[0]).toMatchObject({
			...sent,
			success: true,
			message: 'Request completed successfully',
		});
		expect(output[1]).toMatchObject({ customer: { firstName: 'Ann' }, success: true });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sandbox.store.list('appointmentRequests', DEMO_COMPANY_ID)).toHaveLength(before + 2);
	});

	it('Create leaves out what was not given', async () => {
		const { sandbox, credentials } = ctx;
		const result = await run(credentials, {
			resource: 'appointmentRequest',
			operation: 'create',
			companyId: DEMO_COMPANY_ID,
			startDateTime: '2025-08-01T09:00:00Z',
			endDateTime: '2025-08-01T10:00:00Z',
			customerFirstName: 'Jane',
			customerLastName: 'Smith',
		});
		expect(result.error).toBeUndefined();
		const [call] = apiCalls(sandbox, '/appointmentRequests/create');
		expect(call.body).toEqual({
			companyId: DEMO_COMPANY_ID,
			startDateTime: '2025-08-01T09:00:00Z',
			endDateTime: '2025-08-01T10:00:00Z',
			dropOffOption: 'dropOff',
			language: 'EN',
			customer: { firstName: 'Jane', lastName: 'Smith' },
			vehicle: {},
		});
	});

	it('Get Many sends every filter (dates as UTC ISO) and returns only matching, simplified records', async () => {
		const { sandbox, credentials } = ctx;
		const result = await run(credentials, {
			resource: 'appointmentRequest',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			locationId: DEMO_LOCATION_ID,
			returnAll: true,
			filters: {
				status: 'confirmed',
				createdDateStart: '2024-01-01T00:00:00Z',
				createdDateEnd: '2031-01-01T00:00:00+01:00',
				updatedDateStart: '2024-01-01T00:00:00.000Z',
				updatedDateEnd: '2030-01-01T00:00:00.000Z',
				appointmentStartDate: '2020-01-01T00:00:00.000Z',
				appointmentEndDate: '2030-12-31T23:59:59.000Z',
				sort: 'startDate',
				sortDirection: 'DESC',
			},
		});
		expect(result.error).toBeUndefined();
		const [call, ...more] = apiCalls(sandbox, '/appointmentRequests');
		expect(more).toHaveLength(0);
		expect(call.method).toBe('GET');
		expect(call.query).toEqual({
			companyId: DEMO_COMPANY_ID,
			locationId: DEMO_LOCATION_ID,
			status: 'confirmed',
			createdDateStart: '2024-01-01T00:00:00Z',
			createdDateEnd: '2030-12-31T23:00:00Z',
			updatedDateStart: '2024-01-01T00:00:00Z',
			updatedDateEnd: '2030-01-01T00:00:00Z',
			appointmentStartDate: '2020-01-01T00:00:00Z',
			appointmentEndDate: '2030-12-31T23:59:59Z',
			sort: 'startDate',
			sortDirection: 'DESC',
			page: '1',
			size: '100',
		});
		const records = jsonOf(result.items);
		const expected = sandbox.store
			.list('appointmentRequests', DEMO_COMPANY_ID)
			.filter((r) => r.status === 'confirmed' && r.locationId === DEMO_LOCATION_ID);
		expect(expected.length).toBeGreaterThan(0);
		expect(records).toHaveLength(expected.length);
		expect(
			records.every((r) => r.status === 'confirmed' && r.locationId === DEMO_LOCATION_ID),
		).toBe(true);
		const starts = records.map((r) => r.startDateTime as string);
		expect([...starts].sort().reverse()).toEqual(starts);
		// Simplified: the fields a workflow needs, not AutoLeap's whole record.
		expect(Object.keys(records[0])).not.toContain('code');
		expect(records[0]).toHaveProperty('appointmentId');
	});

	it('Get Many without Simplify returns whole records', async () => {
		const { credentials } = ctx;
		const result = await run(credentials, {
			resource: 'appointmentRequest',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			limit: 3,
			simplify: false,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json).toHaveProperty('code');
		expect(result.items[0].json).toHaveProperty('services');
	});
});
