import { SIMPLE_FIELDS } from '../../nodes/shared/autoleap/simplify';
import { apiCalls, DEMO_COMPANY_ID, jsonOf, run, useSandbox } from './helpers';

const ctx = useSandbox();

const itemsOf = (type: string) =>
	ctx.sandbox.store.list('items', DEMO_COMPANY_ID).filter((item) => item.itemType === type);

describe('Item', () => {
	it('Create (fields) sends a part with its typed inputs, Part Details and Additional Fields', async () => {
		const { sandbox, credentials } = ctx;
		const result = await run(credentials, {
			resource: 'item',
			operation: 'create',
			companyId: DEMO_COMPANY_ID,
			itemType: 'part',
			itemName: 'Brake Pad Set',
			itemNumber: 'BP-TEST-1',
			status: 'Active',
			taxable: true,
			partDetails: { costPerUnit: 25.5, pricePerUnit: 45, defaultQuantity: 1, supplier: 'NAPA' },
			additionalFields: {
				category: 'Brakes',
				commissionable: true,
				itemNameFR: 'Plaquettes de frein',
			},
		});
		expect(result.error).toBeUndefined();
		const record = {
			itemType: 'part',
			itemName: 'Brake Pad Set',
			itemNumber: 'BP-TEST-1',
			status: 'Active',
			taxable: true,
			partDetails: { costPerUnit: 25.5, pricePerUnit: 45, defaultQuantity: 1, supplier: 'NAPA' },
			category: 'Brakes',
			commissionable: true,
			itemNameFR: 'Plaquettes de frein',
		};
		const [call, ...more] = apiCalls(sandbox);
		expect(more).toHaveLength(0);
		expect(call).toMatchObject({ method: 'POST', path: '/items', status: 200 });
		expect(call.body).toEqual({ companyId: DEMO_COMPANY_ID, items: [record] });
		expect(jsonOf(result.items)).toEqual([
			{
				companyId: DEMO_COMPANY_ID,
				...record,
				success: true,
				message: 'Request completed successfully',
			},
		]);
		expect(itemsOf('part').find((item) => item.itemNumber === 'BP-TEST-1')).toMatchObject(record);
	});

	it('Create (JSON) sends a tire record as given', async () => {
		const { sandbox, credentials } = ctx;
		const tire = {
			itemType: 'tire',
			itemName: 'Goodyear Eagle F1',
			itemNumber: 'GY-TEST-1',
			status: 'Active',
			taxable: true,
			tireDetails: {
				brand: 'Goodyear',
				model: 'Eagle F1',
				tireWidth: 245,
				tireProfile: 40,
				tireSize: '18',
				seasonality: 2,
			},
		};
		const result = await run(credentials, {
			resource: 'item',
			operation: 'create',
			companyId: DEMO_COMPANY_ID,
			inputMode: 'json',
			recordJson: JSON.stringify(tire),
		});
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox, '/items')[0].body).toEqual({
			companyId: DEMO_COMPANY_ID,
			items: [tire],
		});
		expect(itemsOf('tire').some((item) => item.itemNumber === 'GY-TEST-1')).toBe(true);
	});

	it('Create refuses a part without Part Details before sending anything', async () => {
		const { sandbox, credentials } = ctx;
		const result = await run(credentials, {
			resource: 'item',
			operation: 'create',
			companyId: DEMO_COMPANY_ID,
			itemType: 'part',
			itemName: 'Wiper',
			itemNumber: 'W-1',
		});
		expect(result.error?.message).toBe(
			'Item 1 was not sent: "partDetails" is required for a part (give at least one of its fields)',
		);
		expect(apiCalls(sandbox)).toHaveLength(0);
	});

	it('Create under Continue On Fail sends the good items and fails only the tire with a bad detail', async () => {
		const { sandbox, credentials } = ctx;
		const result = await run(
			credentials,
			{
				resource: 'item',
				operation: 'create',
				companyId: DEMO_COMPANY_ID,
				inputMode: 'json',
				recordJson:
					'={{ JSON.stringify({ itemType: "tire", itemName: "T", itemNumber: $json.n, status: "Active", taxable: true, tireDetails: { tireWidth: $json.w } }) }}',
			},
			{
				inputItems: [
					{ n: 'T-1', w: 205 },
					{ n: 'T-2', w: 'wide' },
				],
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items[1].json.error).toBe(
			'Item 2 was not sent: "tireDetails.tireWidth" must be a whole number (got "wide")',
		);
		expect((apiCalls(sandbox, '/items')[0].body as { items: unknown[] }).items).toHaveLength(1);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('Get sends GET /items/{itemId} with the company; Simplify on and off', async () => {
		const { sandbox, credentials } = ctx;
		const [part] = itemsOf('part');
		const simple = await run(credentials, {
			resource: 'item',
			operation: 'get',
			companyId: DEMO_COMPANY_ID,
			itemId: part.itemId,
		});
		expect(simple.error).toBeUndefined();
		expect(apiCalls(sandbox)[0]).toMatchObject({
			method: 'GET',
			path: `/items/${part.itemId}`,
			query: { companyId: DEMO_COMPANY_ID },
		});
		const [output] = jsonOf(simple.items);
		expect(output).toMatchObject({
			itemId: part.itemId,
			itemType: 'part',
			itemName: part.itemName,
		});
		expect(Object.keys(output).every((key) => (SIMPLE_FIELDS.item as string[]).includes(key))).toBe(
			true,
		);

		const whole = await run(credentials, {
			resource: 'item',
			operation: 'get',
			companyId: DEMO_COMPANY_ID,
			itemId: part.itemId,
			simplify: false,
		});
		expect(jsonOf(whole.items)).toEqual([part]);
	});

	it('Get Many sends the type, part number and update window', async () => {
		const { sandbox, credentials } = ctx;
		const [tire] = itemsOf('tire');
		const result = await run(credentials, {
			resource: 'item',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			returnAll: true,
			filters: {
				type: 'tire',
				itemNumber: tire.itemNumber,
				updatedDateStart: '2000-01-01',
				updatedDateEnd: '2100-01-01T00:00:00Z',
			},
		});
		expect(result.error).toBeUndefined();
		const [call, ...more] = apiCalls(sandbox, '/items');
		expect(more).toHaveLength(0);
		expect(call.query).toEqual({
			companyId: DEMO_COMPANY_ID,
			type: 'tire',
			itemNumber: tire.itemNumber,
			updatedDateStart: '2000-01-01', // date-only, as documented
			updatedDateEnd: '2100-01-01T00:00:00Z',
			page: '1',
			size: '100',
		});
		const records = jsonOf(result.items);
		expect(records.length).toBeGreaterThan(0);
		expect(
			records.every((item) => item.itemType === 'tire' && item.itemNumber === tire.itemNumber),
		).toBe(true);
	});

	it('Get Many by type returns only that type, up to the limit', async () => {
		const { credentials } = ctx;
		expect(itemsOf('labor').length).toBeGreaterThan(2);
		const result = await run(credentials, {
			resource: 'item',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			limit: 2,
			filters: { type: 'labor' },
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items).map((item) => item.itemType)).toEqual(['labor', 'labor']);
	});

	it('Archive sends PATCH /items with the ids, and the items become Inactive', async () => {
		const { sandbox, credentials } = ctx;
		const [a, b] = itemsOf('part');
		const result = await run(
			credentials,
			{
				resource: 'item',
				operation: 'archive',
				companyId: DEMO_COMPANY_ID,
				itemId: '={{ $json.id }}',
			},
			{ inputItems: [{ id: a.itemId }, { id: b.itemId }] },
		);
		expect(result.error).toBeUndefined();
		const calls = apiCalls(sandbox, '/items');
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({
			method: 'PATCH',
			body: { companyId: DEMO_COMPANY_ID, items: [{ itemId: a.itemId }, { itemId: b.itemId }] },
		});
		expect(sandbox.store.get('items', a.itemId)?.status).toBe('Inactive');
		expect(sandbox.store.get('items', b.itemId)?.status).toBe('Inactive');
	});
});
