import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BULK_KEYS, ID_FIELDS, PATHS } from '../../shared/endpoints';
import { bulkOptions, companySelect, inputMode, recordJson, recordLocator } from '../../shared/descriptions';
import { runBulkWrite } from '../../shared/bulkWrite';
import { recordFromParameters } from '../../shared/records';
import { customerFieldOptions, customerProblems } from './fields';

const show = { resource: ['customer'], operation: ['update'] };

export const customerUpdateDescription: INodeProperties[] = [
	companySelect(show, 'none'),
	recordLocator('customer', show),
	inputMode(show),
	recordJson(show, JSON.stringify({ notes: 'Prefers text reminders', communicationPreference: 'mobile' }, null, 2)),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields given are changed',
		displayOptions: { show: { ...show, inputMode: ['fields'] } },
		options: customerFieldOptions(true),
	},
	bulkOptions(show),
];

export async function updateCustomers(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'PUT',
		path: PATHS.customers,
		bodyKey: BULK_KEYS.customer,
		buildRecord(itemIndex) {
			const customerId = this.getNodeParameter('customerId', itemIndex, '', { extractValue: true }) as string;
			return recordFromParameters.call(this, itemIndex, 'updateFields', { [ID_FIELDS.customer]: customerId });
		},
		problems: (record) => customerProblems(record, [ID_FIELDS.customer]),
	});
}
