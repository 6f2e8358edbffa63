import { SIMPLE_FIELDS } from '../../nodes/shared/autoleap/simplify';
import { apiCalls, DEMO_COMPANY_ID, jsonOf, run, useSandbox } from './helpers';

const ctx = useSandbox();

const pricedParts = () =>
	ctx.sandbox.store.list('itemPricing', DEMO_COMPANY_ID).filter((p) => p.itemType === 'part');

describe('Item Pricing', () => {
	it('Get sends GET /itemPricing/{itemId} with the company; Simplify on and off', async () => {
		const { sandbox, credentials } = ctx;
		const [pricing] = pricedParts();
		const simple = await run(credentials, {
			resource: 'itemPricing',
			operation: 'get',
			companyId: DEMO_COMPANY_ID,
			itemId: pricing.itemId,
		});
		expect(simple.error).toBeUndefined();
		const [call, ...more] = apiCalls(sandbox);
		expect(more).toHaveLength(0);
		expect(call).toMatchObject({
			method: 'GET',
			path: `/itemPricing/${pricing.itemId}`,
			query: { companyId: DEMO_COMPANY_ID },
		});
		const [output] = jsonOf(simple.items);
		expect(output).toEqual(
			Object.fromEntries(
				SIMPLE_FIELDS.itemPricing.filter((key) => key in pricing).map((key) => [key, pricing[key]]),
			),
		);

		const whole = await run(credentials, {
			resource: 'itemPricing',
			operation: 'get',
			companyId: DEMO_COMPANY_ID,
			itemId: pricing.itemId,
			simplify: false,
		});
		expect(jsonOf(whole.items)).toEqual([pricing]);
	});

	it("Get of an unknown item fails with AutoLeap's reason and the item number", async () => {
		const { credentials } = ctx;
		const result = await run(credentials, {
			resource: 'itemPricing',
			operation: 'get',
			companyId: DEMO_COMPANY_ID,
			itemId: 'no-such-item',
		});
		expect(result.error?.message).toMatch(/not found/i);
	});

	it('Update sends only the prices given, for all items in one PUT, and AutoLeap stores them', async () => {
		const { sandbox, credentials } = ctx;
		const [a, b] = pricedParts();
		const result = await run(
			credentials,
			{
				resource: 'itemPricing',
				operation: 'update',
				companyId: DEMO_COMPANY_ID,
				itemId: '={{ $json.id }}',
				updateFields: { pricePerUnit: '={{ $json.price }}' },
			},
			{
				inputItems: [
					{ id: a.itemId, price: 47.5 },
					{ id: b.itemId, price: 12 },
				],
			},
		);
		expect(result.error).toBeUndefined();
		const calls = apiCalls(sandbox);
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({ method: 'PUT', path: '/itemPricing', status: 200 });
		expect(calls[0].body).toEqual({
			companyId: DEMO_COMPANY_ID,
			items: [
				{ itemId: a.itemId, pricePerUnit: 47.5 },
				{ itemId: b.itemId, pricePerUnit: 12 },
			],
		});
		expect(sandbox.store.get('itemPricing', a.itemId)).toMatchObject({
			pricePerUnit: 47.5,
			costPerUnit: a.costPerUnit,
		});
		expect(sandbox.store.get('itemPricing', b.itemId)).toMatchObject({ pricePerUnit: 12 });
		expect(jsonOf(result.items)[0]).toMatchObject({
			companyId: DEMO_COMPANY_ID,
			itemId: a.itemId,
			pricePerUnit: 47.5,
			success: true,
		});
	});

	it('Update refuses a price that is not a number before sending', async () => {
		const { sandbox, credentials } = ctx;
		const [a] = pricedParts();
		const result = await run(credentials, {
			resource: 'itemPricing',
			operation: 'update',
			companyId: DEMO_COMPANY_ID,
			itemId: a.itemId,
			updateFields: { costPerUnit: '={{ "ten" }}' },
		});
		expect(result.error?.message).toBe(
			'Item 1 was not sent: "costPerUnit" must be a number (got "ten")',
		);
		expect(apiCalls(sandbox)).toHaveLength(0);
	});
});
