import type { INodeProperties } from 'n8n-workflow';

import { companySelect, dateFilter, locationSelect, query, returnAllAndLimit, simplifyToggle } from '../../shared/descriptions';

const show = { resource: ['payment'], operation: ['getAll'] };

export const paymentGetManyDescription: INodeProperties[] = [
	companySelect(show),
	locationSelect(show),
	...returnAllAndLimit(show),
	simplifyToggle(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			dateFilter('paymentDateStart', 'Paid After', 'Only payments made at or after this time'),
			dateFilter('paymentDateEnd', 'Paid Before', 'Only payments made at or before this time'),
			{
				displayName: 'Sort By',
				name: 'sort',
				type: 'options',
				default: 'createdDate',
				options: [{ name: 'Created Date', value: 'createdDate' }],
				routing: query('sort'),
			},
			{
				displayName: 'Sort Direction',
				name: 'sortDirection',
				type: 'options',
				default: 'ASC',
				options: [
					{ name: 'Ascending', value: 'ASC' },
					{ name: 'Descending', value: 'DESC' },
				],
				routing: query('sortDirection'),
			},
			dateFilter('updatedDateStart', 'Updated After', 'Only payments changed (e.g. refunded) at or after this time'),
			dateFilter('updatedDateEnd', 'Updated Before', 'Only payments changed at or before this time'),
		],
	},
];
