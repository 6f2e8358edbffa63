import type { INodeProperties } from 'n8n-workflow';

import { companySelect, dateQuery, query, returnAllAndLimit, simplifyToggle } from '../../shared/descriptions';

const show = { resource: ['customer'], operation: ['getAll'] };

/** The filters are INFERRED (reference: GET /customers documents no parameters). */
export const customerGetManyDescription: INodeProperties[] = [
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
			{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Free text, e.g. a name, phone or email', routing: query('search') },
			{ displayName: 'Updated After', name: 'updatedDateStart', type: 'dateTime', default: '', description: 'Only customers changed at or after this time', routing: dateQuery('updatedDateStart') },
			{ displayName: 'Updated Before', name: 'updatedDateEnd', type: 'dateTime', default: '', description: 'Only customers changed at or before this time', routing: dateQuery('updatedDateEnd') },
		],
	},
];
