import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BULK_KEYS, ID_FIELDS, PATHS } from '../../shared/endpoints';
import { bulkOptions, companySelect, recordLocator } from '../../shared/descriptions';
import { recordProblems } from '../../shared/fields';
import { runBulkWrite } from '../../shared/bulkWrite';

const show = { resource: ['customer'], operation: ['archive'] };

export const customerArchiveDescription: INodeProperties[] = [
	companySelect(show, 'none'),
	recordLocator('customer', show, { description: 'The customer to archive (AutoLeap marks it inactive)' }),
	bulkOptions(show),
];

/** The body mirrors the documented items archive; AutoLeap does not document it for customers. */
export async function archiveCustomers(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'PATCH',
		path: PATHS.customers,
		bodyKey: BULK_KEYS.customer,
		buildRecord(itemIndex) {
			return { [ID_FIELDS.customer]: this.getNodeParameter('customerId', itemIndex, '', { extractValue: true }) as string };
		},
		problems: (record) => recordProblems(record, [], [ID_FIELDS.customer]),
	});
}
