import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BULK_KEYS, ID_FIELDS, PATHS } from '../../shared/endpoints';
import { bulkOptions, companySelect } from '../../shared/descriptions';
import { recordProblems } from '../../shared/fields';
import { runBulkWrite } from '../../shared/bulkWrite';
import { itemIdInput } from './get';

const show = { resource: ['item'], operation: ['archive'] };

export const itemArchiveDescription: INodeProperties[] = [
	companySelect(show, 'none'),
	itemIdInput(show, 'The item to archive (its status becomes Inactive)'),
	bulkOptions(show),
];

export async function archiveItems(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'PATCH',
		path: PATHS.items,
		bodyKey: BULK_KEYS.item,
		buildRecord(itemIndex) {
			return { [ID_FIELDS.item]: this.getNodeParameter('itemId', itemIndex, '') as string };
		},
		problems: (record) => recordProblems(record, [], [ID_FIELDS.item]),
	});
}
