import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BULK_KEYS, ID_FIELDS, PATHS } from '../../../shared/autoleap/endpoints';
import { recordProblems } from '../../../shared/autoleap/fields/spec';
import { companySelect } from '../../../shared/parameters';
import { runBulkWrite } from '../../shared/bulkWrite';
import { bulkOptions, itemIdInput } from '../../shared/inputs';

const show = { resource: ['item'], operation: ['archive'] };

export const itemArchiveDescription: INodeProperties[] = [
	companySelect(show),
	itemIdInput(show, 'The item to archive (its status becomes Inactive)'),
	bulkOptions(show),
];

export async function archiveItems(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'PATCH',
		path: PATHS.items,
		bodyKey: BULK_KEYS.item,
		idFields: [ID_FIELDS.item],
		buildRecord(itemIndex) {
			return { [ID_FIELDS.item]: this.getNodeParameter('itemId', itemIndex, '') as string };
		},
		problems: (record) => recordProblems(record, [], [ID_FIELDS.item]),
	});
}
