import type { INodeProperties } from 'n8n-workflow';

import { filtersCollection, getManyBasics, query, textFilter, updatedWindow } from '../../shared/listDescriptions';
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
	...getManyBasics(show),
	filtersCollection(show, [
		textFilter('itemNumber', 'Item Number', 'Part number (parts and tires only)'),
		{
			displayName: 'Item Type',
			name: 'type',
			type: 'options',
			default: 'part',
			options: [...ITEM_TYPE_FILTERS].sort().map((value) => ({ name: TYPE_NAMES[value], value })),
			routing: query('type'),
		},
		...updatedWindow('items'),
	]),
];
