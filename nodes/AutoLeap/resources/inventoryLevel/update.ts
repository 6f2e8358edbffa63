import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BULK_KEYS, ID_FIELDS, PATHS } from '../../../shared/autoleap/endpoints';
import { recordProblems } from '../../../shared/autoleap/fields/spec';
import { INVENTORY_LEVEL_FIELDS } from '../../../shared/autoleap/fields/stock';
import { companySelect, locationSelect } from '../../../shared/parameters';
import { runBulkWrite } from '../../shared/bulkWrite';
import { bulkOptions, fieldOptions, fieldsCollection, itemIdInput } from '../../shared/inputs';
import { recordFromParameters } from '../../shared/recordInput';

const show = { resource: ['inventoryLevel'], operation: ['update'] };

export const inventoryLevelUpdateDescription: INodeProperties[] = [
	companySelect(show),
	itemIdInput(show, 'The stocked item whose level changes'),
	{
		...locationSelect(show),
		required: true,
		description:
			'The location whose stock changes. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	fieldsCollection('updateFields', { show }, fieldOptions(INVENTORY_LEVEL_FIELDS)),
	bulkOptions(show),
];

/** PUT /inventoryLevels and its body are INFERRED (the portal shows only the URL). */
export async function updateInventoryLevels(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'PUT',
		path: PATHS.inventoryLevels,
		bodyKey: BULK_KEYS.inventoryLevel,
		idFields: [ID_FIELDS.item, ID_FIELDS.location],
		buildRecord(itemIndex) {
			return recordFromParameters.call(this, itemIndex, 'updateFields', {
				[ID_FIELDS.item]: this.getNodeParameter('itemId', itemIndex, '') as string,
				[ID_FIELDS.location]: this.getNodeParameter('locationId', itemIndex, '') as string,
			});
		},
		problems: (record) => [
			...recordProblems(record, INVENTORY_LEVEL_FIELDS, [ID_FIELDS.item, ID_FIELDS.location]),
			...(INVENTORY_LEVEL_FIELDS.some((spec) => record[spec.name] !== undefined)
				? []
				: ['nothing to update: add "Quantity on Hand" or "Restock Level"']),
		],
	});
}
