import { SIMPLE_FIELDS } from '../../nodes/shared/autoleap/simplify';
import {
	apiCalls,
	DEMO_COMPANY_ID,
	DEMO_LOCATION_ID,
	DEMO_LOCATION_IDS,
	jsonOf,
	run,
	useSandbox,
} from './helpers';

const ctx = useSandbox();

const levels = () => ctx.sandbox.store.list('inventoryLevels', DEMO_COMPANY_ID);

describe('Inventory Level', () => {
	it('Get Many sends location and restock filter and returns the matching levels, simplified', async () => {
		const { sandbox, credentials } = ctx;
		const result = await run(credentials, {
			resource: 'inventoryLevel',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			locationId: DEMO_LOCATION_ID,
			returnAll: true,
			filters: { restockLevel: 'below' },
		});
		expect(result.error).toBeUndefined();
		const [call, ...more] = apiCalls(sandbox);
		expect(more).toHaveLength(0);
		expect(call).toMatchObject({ method: 'GET', path: '/inventoryLevels' });
		expect(call.query).toMatchObject({
			companyId: DEMO_COMPANY_ID,
			locationId: DEMO_LOCATION_ID,
			restockLevel: 'below',
		});
		const expected = levels().filter(
			(l) => l.locationId === DEMO_LOCATION_ID && l.quantityOnHand <= l.restockLevel,
		);
		expect(expected.length).toBeGreaterThan(0);
		const records = jsonOf(result.items);
		expect(records.map((r) => r.itemId).sort()).toEqual(expected.map((l) => l.itemId).sort());
		expect(
			records.every((r) =>
				Object.keys(r).every((key) => (SIMPLE_FIELDS.inventoryLevel as string[]).includes(key)),
			),
		).toBe(true);
	});

	it('Get Many for all locations without Simplify stops at the limit with whole records', async () => {
		const { sandbox, credentials } = ctx;
		const result = await run(credentials, {
			resource: 'inventoryLevel',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			limit: 5,
			simplify: false,
		});
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox)[0].query).not.toHaveProperty('locationId');
		expect(result.items).toHaveLength(5);
		expect(result.items[0].json).toHaveProperty('companyId', DEMO_COMPANY_ID);
		expect(new Set(jsonOf(result.items).map((r) => r.locationId)).size).toBeGreaterThan(0);
	});

	it('Update sends the levels of all items in one PUT and AutoLeap stores them', async () => {
		const { sandbox, credentials } = ctx;
		const [a, b] = levels().filter((l) => l.locationId === DEMO_LOCATION_IDS[1]);
		const result = await run(
			credentials,
			{
				resource: 'inventoryLevel',
				operation: 'update',
				companyId: DEMO_COMPANY_ID,
				itemId: '={{ $json.itemId }}',
				locationId: DEMO_LOCATION_IDS[1],
				updateFields: { quantityOnHand: '={{ $json.qty }}', restockLevel: 3 },
			},
			{
				inputItems: [
					{ itemId: a.itemId, qty: 12 },
					{ itemId: b.itemId, qty: 0 },
				],
			},
		);
		expect(result.error).toBeUndefined();
		const calls = apiCalls(sandbox);
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({ method: 'PUT', path: '/inventoryLevels', status: 200 });
		expect(calls[0].body).toEqual({
			companyId: DEMO_COMPANY_ID,
			inventoryLevels: [
				{ itemId: a.itemId, locationId: DEMO_LOCATION_IDS[1], quantityOnHand: 12, restockLevel: 3 },
				{ itemId: b.itemId, locationId: DEMO_LOCATION_IDS[1], quantityOnHand: 0, restockLevel: 3 },
			],
		});
		const after = levels().filter((l) => l.locationId === DEMO_LOCATION_IDS[1]);
		expect(after.find((l) => l.itemId === a.itemId)).toMatchObject({
			quantityOnHand: 12,
			restockLevel: 3,
		});
		expect(after.find((l) => l.itemId === b.itemId)).toMatchObject({
			quantityOnHand: 0,
			restockLevel: 3,
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('Update with nothing to change, or no location, sends nothing and says what is missing', async () => {
		const { sandbox, credentials } = ctx;
		const [level] = levels();
		const result = await run(
			credentials,
			{
				resource: 'inventoryLevel',
				operation: 'update',
				companyId: DEMO_COMPANY_ID,
				itemId: level.itemId,
				locationId: '={{ $json.location }}',
				updateFields: {},
			},
			{ inputItems: [{ location: DEMO_LOCATION_ID }, { location: '' }], continueOnFail: true },
		);
		expect(jsonOf(result.items).map((r) => r.error)).toEqual([
			'Item 1 was not sent: nothing to update: add "Quantity on Hand" or "Restock Level"',
			'Item 2 was not sent: "locationId" is required; nothing to update: add "Quantity on Hand" or "Restock Level"',
		]);
		expect(apiCalls(sandbox)).toHaveLength(0);
	});
});
