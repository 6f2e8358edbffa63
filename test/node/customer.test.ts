import { SIMPLE_FIELDS } from '../../nodes/shared/autoleap/simplify';
import { APP_URL } from '../../nodes/shared/autoleap/endpoints';
import { apiCalls, DEMO_COMPANY_ID, DEMO_LOCATION_ID, jsonOf, run, useSandbox } from './helpers';

const ctx = useSandbox();

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const firstCustomer = () => ctx.sandbox.store.list('customers', DEMO_COMPANY_ID)[0];

describe('Customer', () => {
	it('Create (fields) sends the items as one bulk request, with phones, emails, addresses and tags in AutoLeap form', async () => {
		const { sandbox, credentials } = ctx;
		const before = sandbox.store.list('customers', DEMO_COMPANY_ID).length;
		const result = await run(
			credentials,
			{
				resource: 'customer',
				operation: 'create',
				companyId: DEMO_COMPANY_ID,
				firstName: '={{ $json.first }}',
				lastName: 'Doe',
				additionalFields: {
					customerType: 'fleet',
					communicationPreference: 'email',
					preferredLocationID: DEMO_LOCATION_ID,
					taxExempt: true,
					reasonForTaxExempt: 'Direct mail',
					phones: {
						phone: [
							{
								number: '512-555-0100',
								label: 'Work',
								type: 'landline',
								primary: true,
								active: true,
							},
						],
					},
					emails: {
						email: [
							{ emailAddress: 'fleet@example.com', label: 'Office', primary: true, active: true },
						],
					},
					mainAddress: {
						address: {
							address: '1 Main St',
							city: 'Austin',
							state: 'TX',
							zip: '78701',
							country: 'USA',
						},
					},
					tags: { tag: [{ name: 'VIP', color: '#ff0000' }] },
				},
			},
			{ inputItems: [{ first: 'Jane' }, { first: 'Ann' }] },
		);
		expect(result.error).toBeUndefined();

		const calls = apiCalls(sandbox, '/customers');
		expect(calls).toHaveLength(1);
		expect(calls[0].method).toBe('POST');
		const shared = {
			lastName: 'Doe',
			customerType: 'fleet',
			communicationPreference: 'email',
			preferredLocationID: DEMO_LOCATION_ID,
			taxExempt: true,
			reasonForTaxExempt: 'Direct mail',
			phones: [
				{ number: '512-555-0100', label: 'Work', type: 'landline', primary: true, active: true },
			],
			emails: [{ emailAddress: 'fleet@example.com', label: 'Office', primary: true, active: true }],
			mainAddress: {
				address: '1 Main St',
				city: 'Austin',
				state: 'TX',
				zip: '78701',
				country: 'USA',
			},
			tags: [{ name: 'VIP', color: 'FF0000' }],
		};
		expect(calls[0].body).toEqual({
			companyId: DEMO_COMPANY_ID,
			customers: [
				{ firstName: 'Jane', ...shared },
				{ firstName: 'Ann', ...shared },
			],
		});
		expect(jsonOf(result.items)).toEqual([
			{
				companyId: DEMO_COMPANY_ID,
				firstName: 'Jane',
				...shared,
				success: true,
				message: 'Request completed successfully',
			},
			{
				companyId: DEMO_COMPANY_ID,
				firstName: 'Ann',
				...shared,
				success: true,
				message: 'Request completed successfully',
			},
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const stored = sandbox.store.list('customers', DEMO_COMPANY_ID);
		expect(stored).toHaveLength(before + 2);
		expect(stored.find((c) => c.firstName === 'Ann' && c.lastName === 'Doe')).toMatchObject({
			customerType: 'fleet',
			phones: shared.phones,
		});
	});

	it('Create (JSON) sends the record as given', async () => {
		const { sandbox, credentials } = ctx;
		const record = {
			firstName: 'John',
			lastName: 'Json',
			okForMarketing: true,
			secondaryAddress: {
				address: '2 Side St',
				city: 'Austin',
				state: 'TX',
				zip: '78702',
				country: 'USA',
			},
		};
		const result = await run(credentials, {
			resource: 'customer',
			operation: 'create',
			companyId: DEMO_COMPANY_ID,
			inputMode: 'json',
			recordJson: JSON.stringify(record),
		});
		expect(result.error).toBeUndefined();
		const [call] = apiCalls(sandbox, '/customers');
		expect(call.body).toEqual({ companyId: DEMO_COMPANY_ID, customers: [record] });
		expect(
			sandbox.store.list('customers', DEMO_COMPANY_ID).some((c) => c.lastName === 'Json'),
		).toBe(true);
	});

	it('Create accepts the customer type in any case, as the reference’s own example sends it ("Regular")', async () => {
		const { sandbox, credentials } = ctx;
		const result = await run(credentials, {
			resource: 'customer',
			operation: 'create',
			companyId: DEMO_COMPANY_ID,
			inputMode: 'json',
			recordJson: JSON.stringify({
				customerType: 'Regular',
				firstName: 'Rey',
				lastName: 'Gular',
				phones: [{ number: '1', type: 'Mobile' }],
			}),
		});
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox, '/customers')[0].body).toEqual({
			companyId: DEMO_COMPANY_ID,
			customers: [
				{
					customerType: 'regular',
					firstName: 'Rey',
					lastName: 'Gular',
					phones: [{ number: '1', type: 'mobile' }],
				},
			],
		});
	});

	it('Create checks nested entries before sending: a bad phone type fails with its path and item', async () => {
		const { sandbox, credentials } = ctx;
		const result = await run(
			credentials,
			{
				resource: 'customer',
				operation: 'create',
				companyId: DEMO_COMPANY_ID,
				inputMode: 'json',
				recordJson:
					'={{ JSON.stringify({ firstName: "A", lastName: "B", phones: [{ number: "1", type: $json.type }] }) }}',
			},
			{ inputItems: [{ type: 'mobile' }, { type: 'cell' }] },
		);
		expect(result.error?.message).toBe(
			'Item 2 was not sent: "phones[0].type" must be one of mobile, landline (got "cell")',
		);
		expect(apiCalls(sandbox)).toHaveLength(0);
	});

	it('Get by ID sends GET /customers/{id} with the company; Simplify keeps the listed fields', async () => {
		const { sandbox, credentials } = ctx;
		const customer = firstCustomer();
		const result = await run(credentials, {
			resource: 'customer',
			operation: 'get',
			companyId: DEMO_COMPANY_ID,
			customerId: byId(customer.customerId),
		});
		expect(result.error).toBeUndefined();
		const [call, ...more] = apiCalls(sandbox);
		expect(more).toHaveLength(0);
		expect(call).toMatchObject({
			method: 'GET',
			path: `/customers/${customer.customerId}`,
			query: { companyId: DEMO_COMPANY_ID },
		});
		const [output] = jsonOf(result.items);
		expect(output.customerId).toBe(customer.customerId);
		expect(
			Object.keys(output).every((key) => (SIMPLE_FIELDS.customer as string[]).includes(key)),
		).toBe(true);
		expect(output).not.toHaveProperty('mainAddress');
	});

	it('Get by URL reads the ID from the AutoLeap link; without Simplify the whole record comes back', async () => {
		const { sandbox, credentials } = ctx;
		const customer = firstCustomer();
		const result = await run(credentials, {
			resource: 'customer',
			operation: 'get',
			companyId: DEMO_COMPANY_ID,
			customerId: {
				__rl: true,
				mode: 'url',
				value: `${APP_URL}/customers/${customer.customerId}?tab=vehicles`,
			},
			simplify: false,
		});
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox)[0].path).toBe(`/customers/${customer.customerId}`);
		expect(jsonOf(result.items)).toEqual([customer]);
	});

	it('Get Many sends the filters (dates as UTC ISO) and stops at the limit', async () => {
		const { sandbox, credentials } = ctx;
		const result = await run(credentials, {
			resource: 'customer',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			limit: 3,
			filters: {
				search: 'a',
				updatedDateStart: '2020-01-01T00:00:00+02:00',
				updatedDateEnd: '2030-01-01T00:00:00Z',
			},
		});
		expect(result.error).toBeUndefined();
		const calls = apiCalls(sandbox, '/customers');
		expect(calls).toHaveLength(1);
		expect(calls[0].query).toEqual({
			companyId: DEMO_COMPANY_ID,
			search: 'a',
			updatedDateStart: '2019-12-31T22:00:00Z',
			updatedDateEnd: '2030-01-01T00:00:00Z',
			page: '1',
			size: '3',
		});
		expect(result.items).toHaveLength(3);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 0 },
		]);
	});

	it('Get Many with Return All reads every page', async () => {
		const { sandbox, credentials } = ctx;
		const result = await run(credentials, {
			resource: 'customer',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			returnAll: true,
			simplify: false,
		});
		expect(result.error).toBeUndefined();
		const all = sandbox.store.list('customers', DEMO_COMPANY_ID);
		expect(all.length).toBeGreaterThan(100);
		expect(apiCalls(sandbox, '/customers').map((call) => call.query.page)).toEqual(
			['1', '2', '3'].slice(0, Math.ceil(all.length / 100)),
		);
		expect(new Set(jsonOf(result.items).map((c) => c.customerId)).size).toBe(all.length);
	});

	it('Update sends only the fields given, addressed by customerId', async () => {
		const { sandbox, credentials } = ctx;
		const customer = firstCustomer();
		const result = await run(credentials, {
			resource: 'customer',
			operation: 'update',
			companyId: DEMO_COMPANY_ID,
			customerId: { __rl: true, mode: 'url', value: `${APP_URL}/customers/${customer.customerId}` },
			updateFields: {
				notes: 'Prefers text reminders',
				communicationPreference: 'mobile',
				lastName: 'Renamed',
			},
		});
		expect(result.error).toBeUndefined();
		const [call] = apiCalls(sandbox, '/customers');
		expect(call).toMatchObject({
			method: 'PUT',
			body: {
				companyId: DEMO_COMPANY_ID,
				customers: [
					{
						customerId: customer.customerId,
						notes: 'Prefers text reminders',
						communicationPreference: 'mobile',
						lastName: 'Renamed',
					},
				],
			},
		});
		expect(sandbox.store.get('customers', customer.customerId)).toMatchObject({
			lastName: 'Renamed',
			firstName: customer.firstName,
			communicationPreference: 'mobile',
		});
	});

	it('Archive sends PATCH /customers with the ids of all items in one request', async () => {
		const { sandbox, credentials } = ctx;
		const [a, b] = sandbox.store.list('customers', DEMO_COMPANY_ID);
		const result = await run(
			credentials,
			{
				resource: 'customer',
				operation: 'archive',
				companyId: DEMO_COMPANY_ID,
				customerId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			{ inputItems: [{ id: a.customerId }, { id: b.customerId }] },
		);
		expect(result.error).toBeUndefined();
		const calls = apiCalls(sandbox, '/customers');
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({
			method: 'PATCH',
			body: {
				companyId: DEMO_COMPANY_ID,
				customers: [{ customerId: a.customerId }, { customerId: b.customerId }],
			},
		});
		expect(sandbox.store.get('customers', a.customerId)?.status).toBe('Inactive');
		expect(sandbox.store.get('customers', b.customerId)?.status).toBe('Inactive');
	});
});
