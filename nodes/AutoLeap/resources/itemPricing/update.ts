import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BULK_KEYS, ID_FIELDS, PATHS } from '../../../shared/autoleap/endpoints';
import { recordProblems } from '../../../shared/autoleap/fields/spec';
import { ITEM_PRICING_FIELDS } from '../../../shared/autoleap/fields/stock';
import { companySelect } from '../../../shared/parameters';
import { runBulkWrite } from '../../shared/bulkWrite';
import { bulkOptions, fieldOptions, fieldsCollection, itemIdInput } from '../../shared/inputs';
import { recordFromParameters } from '../../shared/recordInput';

const show = { resource: ['itemPricing'], operation: ['update'] };

export const itemPricingUpdateDescription: INodeProperties[] = [
	companySelect(show),
	itemIdInput(show, 'The item whose pricing changes'),
	fieldsCollection('updateFields', { show }, fieldOptions(ITEM_PRICING_FIELDS)),
	bulkOptions(show),
];

/** PUT /itemPricing and its body are INFERRED (the Item Pricing tag shows no operation). */
export async function updateItemPricing(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'PUT',
		path: PATHS.itemPricing,
		bodyKey: BULK_KEYS.itemPricing,
		idFields: [ID_FIELDS.item],
		buildRecord(itemIndex) {
			return recordFromParameters.call(this, itemIndex, 'updateFields', {
				[ID_FIELDS.item]: this.getNodeParameter('itemId', itemIndex, '') as string,
			});
		},
		problems: (record) => [
			...recordProblems(record, ITEM_PRICING_FIELDS, [ID_FIELDS.item]),
			...(ITEM_PRICING_FIELDS.some((spec) => record[spec.name] !== undefined)
				? []
				: ['nothing to update: add "Cost per Unit" or "Price per Unit"']),
		],
	});
}
