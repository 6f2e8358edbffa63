import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BULK_KEYS, ID_FIELDS, PATHS } from '../../shared/endpoints';
import { bulkOptions, companySelect, fieldsCollection, locationSelect } from '../../shared/descriptions';
import { collectionOptions, recordProblems } from '../../shared/fields';
import type { FieldSpec } from '../../shared/fields';
import { runBulkWrite } from '../../shared/bulkWrite';
import { recordFromParameters } from '../../shared/records';
import { itemIdInput } from '../item/get';

const show = { resource: ['inventoryLevel'], operation: ['update'] };

export const INVENTORY_LEVEL_FIELDS: readonly FieldSpec[] = [
	{ name: 'quantityOnHand', label: 'Quantity on Hand', kind: 'number' },
	{ name: 'restockLevel', label: 'Restock Level', kind: 'number', description: 'The quantity at which the item should be reordered' },
];

export const inventoryLevelUpdateDescription: INodeProperties[] = [
	companySelect(show, 'none'),
	itemIdInput(show, 'The stocked item whose level changes'),
	{
		...locationSelect(show, 'none'),
		required: true,
		description:
			'The location whose stock changes. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	fieldsCollection('updateFields', { show }, collectionOptions(INVENTORY_LEVEL_FIELDS)),
	bulkOptions(show),
];

/** PUT /inventoryLevels and its body are INFERRED (the portal shows only the URL). */
export async function updateInventoryLevels(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'PUT',
		path: PATHS.inventoryLevels,
		bodyKey: BULK_KEYS.inventoryLevel,
		buildRecord(itemIndex) {
			return recordFromParameters.call(this, itemIndex, 'updateFields', {
				[ID_FIELDS.item]: this.getNodeParameter('itemId', itemIndex, '') as string,
				locationId: this.getNodeParameter('locationId', itemIndex, '') as string,
			});
		},
		problems: (record) => [
			...recordProblems(record, INVENTORY_LEVEL_FIELDS, [ID_FIELDS.item, 'locationId']),
			...(INVENTORY_LEVEL_FIELDS.some((spec) => record[spec.name] !== undefined) ? [] : ['nothing to update: add "Quantity on Hand" or "Restock Level"']),
		],
	});
}
