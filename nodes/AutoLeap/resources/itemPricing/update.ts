import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BULK_KEYS, ID_FIELDS, PATHS } from '../../shared/endpoints';
import { bulkOptions, companySelect, fieldsCollection } from '../../shared/descriptions';
import { collectionOptions, recordProblems } from '../../shared/fields';
import type { FieldSpec } from '../../shared/fields';
import { runBulkWrite } from '../../shared/bulkWrite';
import { recordFromParameters } from '../../shared/records';
import { itemIdInput } from '../item/get';

const show = { resource: ['itemPricing'], operation: ['update'] };

export const ITEM_PRICING_FIELDS: readonly FieldSpec[] = [
	{ name: 'costPerUnit', label: 'Cost per Unit', kind: 'number', description: 'What the shop pays per unit' },
	{ name: 'pricePerUnit', label: 'Price per Unit', kind: 'number', description: 'What the customer pays per unit' },
];

export const itemPricingUpdateDescription: INodeProperties[] = [
	companySelect(show, 'none'),
	itemIdInput(show, 'The item whose pricing changes'),
	fieldsCollection('updateFields', { show }, collectionOptions(ITEM_PRICING_FIELDS)),
	bulkOptions(show),
];

/** PUT /itemPricing and its body are INFERRED (the Item Pricing tag shows no operation). */
export async function updateItemPricing(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'PUT',
		path: PATHS.itemPricing,
		bodyKey: BULK_KEYS.itemPricing,
		buildRecord(itemIndex) {
			return recordFromParameters.call(this, itemIndex, 'updateFields', {
				[ID_FIELDS.item]: this.getNodeParameter('itemId', itemIndex, '') as string,
			});
		},
		problems: (record) => [
			...recordProblems(record, ITEM_PRICING_FIELDS, [ID_FIELDS.item]),
			...(ITEM_PRICING_FIELDS.some((spec) => record[spec.name] !== undefined) ? [] : ['nothing to update: add "Cost per Unit" or "Price per Unit"']),
		],
	});
}
