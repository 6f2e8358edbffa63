import type { INodeProperties } from 'n8n-workflow';

import { companySelect, locationSelect, query, returnAllAndLimit, simplifyToggle } from '../../shared/descriptions';

const show = { resource: ['inventoryLevel'], operation: ['getAll'] };

/** Restock filter values (reference: GET /inventoryLevels `restockLevel`). */
export const RESTOCK_FILTERS = ['above', 'below'] as const;

export const inventoryLevelGetManyDescription: INodeProperties[] = [
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
			{
				displayName: 'Restock Level',
				name: 'restockLevel',
				type: 'options',
				default: 'below',
				description: 'Only items whose quantity on hand is above, or below, their restock level',
				options: RESTOCK_FILTERS.map((value) => ({ name: value === 'above' ? 'Above Restock Level' : 'Below Restock Level', value })),
				routing: query('restockLevel'),
			},
		],
	},
];
