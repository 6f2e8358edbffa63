import type { INodeProperties } from 'n8n-workflow';

import { companySelect, dateQuery, query, recordLocator, returnAllAndLimit, simplifyToggle } from '../../shared/descriptions';

const show = { resource: ['vehicle'], operation: ['getAll'] };

export const vehicleGetManyDescription: INodeProperties[] = [
	companySelect(show),
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
			recordLocator('customer', {}, { required: false, description: 'Only the vehicles of this customer', displayOptions: undefined, routing: query('customerId') }),
			{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Free text, e.g. a VIN, plate or make', routing: query('search') },
			{ displayName: 'Sort By', name: 'sort', type: 'string', default: '', placeholder: 'e.g. year', description: 'Field to sort by', routing: query('sort') },
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
			{ displayName: 'Updated After', name: 'updatedDateStart', type: 'dateTime', default: '', description: 'Only vehicles changed at or after this time', routing: dateQuery('updatedDateStart') },
			{ displayName: 'Updated Before', name: 'updatedDateEnd', type: 'dateTime', default: '', description: 'Only vehicles changed at or before this time', routing: dateQuery('updatedDateEnd') },
		],
	},
];
