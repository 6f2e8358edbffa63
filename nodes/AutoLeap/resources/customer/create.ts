import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BULK_KEYS, PATHS } from '../../../shared/autoleap/endpoints';
import { customerProblems, documentedCustomer } from '../../../shared/autoleap/fields/customer';
import { companySelect } from '../../../shared/parameters';
import { runBulkWrite } from '../../shared/bulkWrite';
import { bulkOptions, fieldsCollection, inputMode, recordJson } from '../../shared/inputs';
import { recordFromParameters } from '../../shared/recordInput';
import { customerFieldOptions } from './inputs';

const show = { resource: ['customer'], operation: ['create'] };
const fieldsMode = { show: { ...show, inputMode: ['fields'] } };

export const customerCreateDescription: INodeProperties[] = [
	companySelect(show),
	inputMode(show),
	recordJson(
		show,
		JSON.stringify(
			{
				customerType: 'regular',
				firstName: 'John',
				lastName: 'Doe',
				phones: [
					{ number: '123-456-7890', label: 'Work', type: 'mobile', primary: true, active: true },
				],
				emails: [
					{ emailAddress: 'john.doe@example.com', label: 'Personal', primary: true, active: true },
				],
			},
			null,
			2,
		),
	),
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. John',
		displayOptions: fieldsMode,
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Doe',
		displayOptions: fieldsMode,
	},
	fieldsCollection('additionalFields', fieldsMode, customerFieldOptions(false)),
	bulkOptions(show),
];

export async function createCustomers(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'POST',
		path: PATHS.customers,
		bodyKey: BULK_KEYS.customer,
		idFields: [],
		buildRecord(itemIndex) {
			const names =
				this.getNodeParameter('inputMode', itemIndex, 'fields') === 'fields'
					? {
							firstName: this.getNodeParameter('firstName', itemIndex, '') as string,
							lastName: this.getNodeParameter('lastName', itemIndex, '') as string,
						}
					: {};
			return documentedCustomer(
				recordFromParameters.call(this, itemIndex, 'additionalFields', names),
			);
		},
		problems: (record) => customerProblems(record, ['firstName', 'lastName']),
	});
}
