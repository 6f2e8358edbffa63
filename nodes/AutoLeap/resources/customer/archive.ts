import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BULK_KEYS, ID_FIELDS, PATHS } from '../../../shared/autoleap/endpoints';
import { recordProblems } from '../../../shared/autoleap/fields/spec';
import { companySelect } from '../../../shared/parameters';
import { runBulkWrite } from '../../shared/bulkWrite';
import { bulkOptions, recordLocator } from '../../shared/inputs';

const show = { resource: ['customer'], operation: ['archive'] };

export const customerArchiveDescription: INodeProperties[] = [
	companySelect(show),
	recordLocator('customer', show, {
		description: 'The customer to archive (AutoLeap marks it inactive)',
	}),
	bulkOptions(show),
];

/** The body mirrors the documented items archive; AutoLeap does not document it for customers. */
export async function archiveCustomers(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'PATCH',
		path: PATHS.customers,
		bodyKey: BULK_KEYS.customer,
		idFields: [ID_FIELDS.customer],
		buildRecord(itemIndex) {
			return {
				[ID_FIELDS.customer]: this.getNodeParameter('customerId', itemIndex, '', {
					extractValue: true,
				}) as string,
			};
		},
		problems: (record) => recordProblems(record, [], [ID_FIELDS.customer]),
	});
}
