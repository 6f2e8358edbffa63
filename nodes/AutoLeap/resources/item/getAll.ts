import type { INodeProperties } from 'n8n-workflow';

import { companySelect, dateQuery, query, returnAllAndLimit, simplifyToggle } from '../../shared/descriptions';
import { ITEM_TYPE_FILTERS } from './fields';

const show = { resource: ['item'], operation: ['getAll'] };

const TYPE_NAMES: Record<(typeof ITEM_TYPE_FILTERS)[number], string> = {
	discount: 'Discount',
	fee: 'Fee',
	labor: 'Labor',
	part: 'Part',
	tire: 'Tire',
};

export const itemGetManyDescription: INodeProperties[] = [
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
			{ displayName: 'Item Number', name: 'itemNumber', type: 'string', default: '', description: 'Part number (parts and tires only)', routing: query('itemNumber') },
			{
				displayName: 'Item Type',
				name: 'type',
				type: 'options',
				default: 'part',
				options: [...ITEM_TYPE_FILTERS].sort().map((value) => ({ name: TYPE_NAMES[value], value })),
				routing: query('type'),
			},
			{ displayName: 'Updated After', name: 'updatedDateStart', type: 'dateTime', default: '', description: 'Only items changed at or after this time', routing: dateQuery('updatedDateStart') },
			{ displayName: 'Updated Before', name: 'updatedDateEnd', type: 'dateTime', default: '', description: 'Only items changed at or before this time', routing: dateQuery('updatedDateEnd') },
		],
	},
];
