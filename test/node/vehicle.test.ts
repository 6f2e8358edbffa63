import { apiCalls, DEMO_COMPANY_ID, jsonOf, run, useSandbox } from './helpers';

const ctx = useSandbox();

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const customerOf = () =>
	ctx.sandbox.store.list('customers', DEMO_COMPANY_ID)[0].customerId as string;
const vehiclesOf = () => ctx.sandbox.store.list('vehicles', DEMO_COMPANY_ID);

describe('Vehicle', () => {
	it('Create sends the items in batches of Batch Size with the documented body, one output per item', async () => {
		const { sandbox, credentials } = ctx;
		const customerId = customerOf();
		const before = vehiclesOf().length;
		const result = await run(
			credentials,
			{
				resource: 'vehicle',
				operation: 'create',
				companyId: DEMO_COMPANY_ID,
				customerId: byId(customerId),
				additionalFields: {
					year: '={{ $json.year }}',
					make: 'Honda',
					model: 'Accord',
					mileageUnit: 'Miles',
				},
				options: { batchSize: 2 },
			},
			{ inputItems: [{ year: 2019 }, { year: 2020 }, { year: 2021 }] },
		);
		expect(result.error).toBeUndefined();
		const calls = apiCalls(sandbox, '/vehicles');
		expect(calls.map((c) => [c.method, c.status])).toEqual([
			['POST', 200],
			['POST', 200],
		]);
		expect(calls[0].body).toEqual({
			companyId: DEMO_COMPANY_ID,
			vehicles: [
				{ customerId, year: 2019, make: 'Honda', model: 'Accord', mileageUnit: 'Miles' },
				{ customerId, year: 2020, make: 'Honda', model: 'Accord', mileageUnit: 'Miles' },
			],
		});
		expect((calls[1].body as { vehicles: unknown[] }).vehicles).toHaveLength(1);
		expect(jsonOf(result.items).map((j) => [j.year, j.success])).toEqual([
			[2019, true],
			[2020, true],
			[2021, true],
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(vehiclesOf()).toHaveLength(before + 3);
	});

	it('Create fails only the item AutoLeap rejects (batch split), with Continue On Fail', async () => {
		const { sandbox, credentials } = ctx;
		const customerId = customerOf();
		const result = await run(
			credentials,
			{
				resource: 'vehicle',
				operation: 'create',
				companyId: DEMO_COMPANY_ID,
				customerId: byId('={{ $json.customer }}'),
				additionalFields: { make: 'Honda' },
			},
			{
				inputItems: [
					{ customer: customerId },
					{ customer: 'no-such-customer' },
					{ customer: customerId },
				],
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		const output = jsonOf(result.items);
		expect(output[0].success).toBe(true);
		expect(output[1].error).toMatch(/could not find/i);
		expect(output[2].success).toBe(true);
		// AutoLeap's error names the record (vehicles[1]): it fails alone, the other two go in one more request.
		expect(apiCalls(sandbox, '/vehicles').map((c) => c.status)).toEqual([404, 200]);
	});

	it('Update sends PUT /vehicles with only the fields given', async () => {
		const { sandbox, credentials } = ctx;
		const vehicle = vehiclesOf()[0];
		const result = await run(credentials, {
			resource: 'vehicle',
			operation: 'update',
			companyId: DEMO_COMPANY_ID,
			vehicleId: byId(vehicle.vehicleId),
			updateFields: { mileage: 16000, color: 'Blue' },
		});
		expect(result.error).toBeUndefined();
		const [call] = apiCalls(sandbox, '/vehicles');
		expect([call.method, call.body]).toEqual([
			'PUT',
			{
				companyId: DEMO_COMPANY_ID,
				vehicles: [{ vehicleId: vehicle.vehicleId, mileage: 16000, color: 'Blue' }],
			},
		]);
		expect(sandbox.store.get('vehicles', vehicle.vehicleId)).toMatchObject({
			mileage: 16000,
			color: 'Blue',
			make: vehicle.make,
		});
	});

	it('Update is not retried on a 5xx (a write may have been applied) and says so', async () => {
		const { sandbox, credentials } = ctx;
		sandbox.injectFaults({ status: 500, count: 1, method: 'WRITE', path: '/vehicles' });
		const result = await run(credentials, {
			resource: 'vehicle',
			operation: 'update',
			companyId: DEMO_COMPANY_ID,
			vehicleId: byId(vehiclesOf()[0].vehicleId),
			updateFields: { mileage: 1 },
		});
		expect(result.error?.message).toBe(
			'Item 1 failed: AutoLeap failed to process the request (HTTP 500): Internal server error',
		);
		expect(apiCalls(sandbox, '/vehicles')).toHaveLength(1);
	});

	it('Archive sends PATCH /vehicles and the vehicle becomes Inactive', async () => {
		const { sandbox, credentials } = ctx;
		const vehicle = vehiclesOf()[1];
		const result = await run(credentials, {
			resource: 'vehicle',
			operation: 'archive',
			companyId: DEMO_COMPANY_ID,
			vehicleId: {
				__rl: true,
				mode: 'url',
				value: `https://app.myautoleap.com/vehicles/${vehicle.vehicleId}`,
			},
		});
		expect(result.error).toBeUndefined();
		const [call] = apiCalls(sandbox, '/vehicles');
		expect([call.method, call.body]).toEqual([
			'PATCH',
			{ companyId: DEMO_COMPANY_ID, vehicles: [{ vehicleId: vehicle.vehicleId }] },
		]);
		expect(sandbox.store.get('vehicles', vehicle.vehicleId)?.vehicleStatus).toBe('Inactive');
	});

	it('Archive sends the owner beside the vehicle, as the Vehicles page sample shows, when it is given', async () => {
		const { sandbox, credentials } = ctx;
		const [first, second] = vehiclesOf();
		const result = await run(
			credentials,
			{
				resource: 'vehicle',
				operation: 'archive',
				companyId: DEMO_COMPANY_ID,
				vehicleId: { __rl: true, mode: 'id', value: '={{ $json.vehicleId }}' },
				customerId: { __rl: true, mode: 'id', value: '={{ $json.customerId }}' },
			},
			{
				inputItems: [
					{ vehicleId: first.vehicleId, customerId: first.customerId },
					{ vehicleId: second.vehicleId, customerId: '' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		const [call] = apiCalls(sandbox, '/vehicles');
		expect(call.body).toEqual({
			companyId: DEMO_COMPANY_ID,
			vehicles: [
				{ vehicleId: first.vehicleId, customerId: first.customerId },
				{ vehicleId: second.vehicleId },
			],
		});
	});

	it('accepts the web app’s hash-route URLs as well as plain ones', async () => {
		const { sandbox, credentials } = ctx;
		const vehicle = vehiclesOf()[1];
		for (const url of [
			`https://app.myautoleap.com/#/vehicles/${vehicle.vehicleId}`,
			`https://app.myautoleap.com/vehicles/${vehicle.vehicleId}?tab=history`,
		]) {
			sandbox.clearLog();
			const result = await run(credentials, {
				resource: 'vehicle',
				operation: 'get',
				vehicleId: { __rl: true, mode: 'url', value: url },
			});
			expect(result.error).toBeUndefined();
			expect(apiCalls(sandbox).map((c) => c.path)).toEqual([`/vehicles/${vehicle.vehicleId}`]);
		}
	});

	it('sends enumerated values in AutoLeap’s documented case, whatever case they come in', async () => {
		const { sandbox, credentials } = ctx;
		const vehicle = vehiclesOf()[3];
		const result = await run(credentials, {
			resource: 'vehicle',
			operation: 'update',
			companyId: DEMO_COMPANY_ID,
			vehicleId: byId(vehicle.vehicleId),
			inputMode: 'json',
			recordJson: JSON.stringify({ transmission: 'MANUAL', mileageUnit: 'miles' }),
		});
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox, '/vehicles')[0].body).toEqual({
			companyId: DEMO_COMPANY_ID,
			vehicles: [{ vehicleId: vehicle.vehicleId, transmission: 'Manual', mileageUnit: 'Miles' }],
		});
	});

	it('Get reads GET /vehicles/{id} from the results envelope, simplified or whole', async () => {
		const { sandbox, credentials } = ctx;
		const vehicle = vehiclesOf()[2];
		const simple = await run(credentials, {
			resource: 'vehicle',
			operation: 'get',
			vehicleId: byId(vehicle.vehicleId),
		});
		expect(simple.error).toBeUndefined();
		expect(apiCalls(sandbox).map((c) => [c.method, c.path])).toEqual([
			['GET', `/vehicles/${vehicle.vehicleId}`],
		]);
		expect(simple.items).toHaveLength(1);
		expect(simple.items[0].json).toMatchObject({
			vehicleId: vehicle.vehicleId,
			make: vehicle.make,
			vin: vehicle.vin,
		});
		expect(simple.items[0].json).not.toHaveProperty('companyId');

		const whole = await run(credentials, {
			resource: 'vehicle',
			operation: 'get',
			vehicleId: byId(vehicle.vehicleId),
			simplify: false,
		});
		expect(whole.items[0].json).toEqual(vehicle);
	});

	it('Get Many sends its filters (dates as UTC ISO) and reads the results envelope', async () => {
		const { sandbox, credentials } = ctx;
		const vehicle = vehiclesOf()[0];
		const result = await run(credentials, {
			resource: 'vehicle',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			returnAll: true,
			filters: {
				customerId: byId(vehicle.customerId),
				search: vehicle.make,
				sort: 'year',
				sortDirection: 'DESC',
				updatedDateStart: '2020-01-01T01:00:00+01:00',
				updatedDateEnd: '2030-01-01T00:00:00Z',
			},
		});
		expect(result.error).toBeUndefined();
		const [call] = apiCalls(sandbox, '/vehicles');
		expect(call.query).toEqual({
			companyId: DEMO_COMPANY_ID,
			customerId: vehicle.customerId,
			search: vehicle.make,
			sort: 'year',
			sortDirection: 'DESC',
			updatedDateStart: '2020-01-01T00:00:00Z',
			updatedDateEnd: '2030-01-01T00:00:00Z',
			page: '1',
			size: '100',
		});
		const records = jsonOf(result.items);
		expect(records.length).toBeGreaterThan(0);
		expect(records.every((r) => r.customerId === vehicle.customerId)).toBe(true);
		expect(records.map((r) => r.vehicleId)).toContain(vehicle.vehicleId);
	});
});
