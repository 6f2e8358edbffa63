import type { INodeProperties } from 'n8n-workflow';

import { filtersCollection, getManyBasics, query } from '../../shared/listDescriptions';

const show = { resource: ['inventoryLevel'], operation: ['getAll'] };

/** Restock filter values (reference: GET /inventoryLevels `restockLevel`). */
export const RESTOCK_FILTERS = ['above', 'below'] as const;

export const inventoryLevelGetManyDescription: INodeProperties[] = [
	...getManyBasics(show, { location: true }),
	filtersCollection(show, [
		{
			displayName: 'Restock Level',
			name: 'restockLevel',
			type: 'options',
			default: 'below',
			description: 'Only items whose quantity on hand is above, or below, their restock level',
			options: RESTOCK_FILTERS.map((value) => ({ name: value === 'above' ? 'Above Restock Level' : 'Below Restock Level', value })),
			routing: query('restockLevel'),
		},
	]),
];
