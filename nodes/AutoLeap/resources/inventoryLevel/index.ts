import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/autoleap/endpoints';
import { listRouting } from '../../shared/routing';
import { inventoryLevelGetManyDescription } from './getAll';
import { inventoryLevelUpdateDescription, updateInventoryLevels } from './update';

const show = { resource: ['inventoryLevel'] };

export const inventoryLevelDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many inventory levels',
				description:
					'List stocked items with their quantity on hand, by location and restock level',
				routing: listRouting(PATHS.inventoryLevels, 'inventoryLevel'),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update inventory levels',
				description:
					'Set quantity on hand or restock level per item and location (many per request; inferred from incomplete docs)',
			},
		],
		default: 'getAll',
	},
	...inventoryLevelGetManyDescription,
	...inventoryLevelUpdateDescription,
];

export const inventoryLevelOperations = { update: updateInventoryLevels };
