import type { FieldSpec } from './spec';

/** PUT /inventoryLevels: the fields of one item at one location (body INFERRED). */
export const INVENTORY_LEVEL_FIELDS: readonly FieldSpec[] = [
	{ name: 'quantityOnHand', label: 'Quantity on Hand', kind: 'number' },
	{
		name: 'restockLevel',
		label: 'Restock Level',
		kind: 'number',
		description: 'The quantity at which the item should be reordered',
	},
];

/** PUT /itemPricing (INFERRED: the Item Pricing tag shows no operation). */
export const ITEM_PRICING_FIELDS: readonly FieldSpec[] = [
	{
		name: 'costPerUnit',
		label: 'Cost per Unit',
		kind: 'number',
		description: 'What the shop pays per unit',
	},
	{
		name: 'pricePerUnit',
		label: 'Price per Unit',
		kind: 'number',
		description: 'What the customer pays per unit',
	},
];
