import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BULK_KEYS, ID_FIELDS, PATHS } from '../../../shared/autoleap/endpoints';
import { customerProblems, documentedCustomer } from '../../../shared/autoleap/fields/customer';
import { companySelect } from '../../../shared/parameters';
import { runBulkWrite } from '../../shared/bulkWrite';
import {
	bulkOptions,
	fieldsCollection,
	inputMode,
	recordJson,
	recordLocator,
} from '../../shared/inputs';
import { recordFromParameters } from '../../shared/recordInput';
import { customerFieldOptions } from './inputs';

const show = { resource: ['customer'], operation: ['update'] };

export const customerUpdateDescription: INodeProperties[] = [
	companySelect(show),
	recordLocator('customer', show),
	inputMode(show),
	recordJson(
		show,
		JSON.stringify({ notes: 'Prefers text reminders', communicationPreference: 'mobile' }, null, 2),
	),
	fieldsCollection(
		'updateFields',
		{ show: { ...show, inputMode: ['fields'] } },
		customerFieldOptions(true),
	),
	bulkOptions(show),
];

export async function updateCustomers(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'PUT',
		path: PATHS.customers,
		bodyKey: BULK_KEYS.customer,
		idFields: [ID_FIELDS.customer],
		buildRecord(itemIndex) {
			const customerId = this.getNodeParameter('customerId', itemIndex, '', {
				extractValue: true,
			}) as string;
			return documentedCustomer(
				recordFromParameters.call(this, itemIndex, 'updateFields', {
					[ID_FIELDS.customer]: customerId,
				}),
			);
		},
		problems: (record) => customerProblems(record, [ID_FIELDS.customer]),
	});
}
