import type { INodeProperties } from 'n8n-workflow';

import { RESTOCK_LEVELS } from '../../../shared/autoleap/enums';
import { filtersCollection, getManyBasics } from '../../shared/getMany';
import { sendQuery } from '../../shared/routing';

const show = { resource: ['inventoryLevel'], operation: ['getAll'] };

export const inventoryLevelGetManyDescription: INodeProperties[] = [
	...getManyBasics(show, { location: true, chunks: false }),
	filtersCollection(show, [
		{
			displayName: 'Restock Level',
			name: 'restockLevel',
			type: 'options',
			default: 'below',
			description: 'Only items whose quantity on hand is above, or below, their restock level',
			options: RESTOCK_LEVELS.map((value) => ({
				name: value === 'above' ? 'Above Restock Level' : 'Below Restock Level',
				value,
			})),
			routing: sendQuery('restockLevel'),
		},
	]),
];
