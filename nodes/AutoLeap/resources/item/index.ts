import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/autoleap/endpoints';
import { listRouting, recordRouting } from '../../shared/routing';
import { archiveItems, itemArchiveDescription } from './archive';
import { createItems, itemCreateDescription } from './create';
import { itemGetDescription } from './get';
import { itemGetManyDescription } from './getAll';

const show = { resource: ['item'] };

/** Parts, tires, labor, fees and discounts of a shop's catalogue. AutoLeap has no item update. */
export const itemDescription: INodeProperties[] = [
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
				action: 'Archive items',
				description: 'Set items inactive (many per request)',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create items',
				description: 'Add parts or tires (many per request)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an item',
				description: 'Retrieve one item by ID',
				routing: recordRouting(PATHS.items, 'item', { parameter: 'itemId', label: 'Item ID' }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many items',
				description: 'List items, filtered by type, part number or update time',
				routing: listRouting(PATHS.items, 'item'),
			},
		],
		default: 'getAll',
	},
	...itemArchiveDescription,
	...itemCreateDescription,
	...itemGetDescription,
	...itemGetManyDescription,
];

export const itemOperations = { archive: archiveItems, create: createItems };
