import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/autoleap/endpoints';
import { listRouting, recordRouting } from '../../shared/routing';
import { archiveCustomers, customerArchiveDescription } from './archive';
import { createCustomers, customerCreateDescription } from './create';
import { customerGetDescription } from './get';
import { customerGetManyDescription } from './getAll';
import { customerUpdateDescription, updateCustomers } from './update';

const show = { resource: ['customer'] };

export const customerDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'Archive',
				value: 'archive',
				action: 'Archive customers',
				description: 'Set customers inactive (many per request)',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create customers',
				description: 'Add customers to a shop (many per request)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a customer',
				description: 'Retrieve one customer by ID',
				routing: recordRouting(PATHS.customers, 'customer', {
					parameter: 'customerId',
					label: 'Customer',
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many customers',
				description: 'List customers, filtered by text or update time',
				routing: listRouting(PATHS.customers, 'customer'),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update customers',
				description: 'Change fields of customers (many per request)',
			},
		],
		default: 'getAll',
	},
	...customerArchiveDescription,
	...customerCreateDescription,
	...customerGetDescription,
	...customerGetManyDescription,
	...customerUpdateDescription,
];

export const customerOperations = {
	archive: archiveCustomers,
	create: createCustomers,
	update: updateCustomers,
};
