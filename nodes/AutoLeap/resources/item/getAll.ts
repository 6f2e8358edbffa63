import type { INodeProperties } from 'n8n-workflow';

import { ITEM_TYPE_FILTERS } from '../../../shared/autoleap/enums';
import { enumOptions } from '../../../shared/parameters';
import { filtersCollection, getManyBasics, textFilter, updatedWindow } from '../../shared/getMany';
import { sendQuery } from '../../shared/routing';

const show = { resource: ['item'], operation: ['getAll'] };

export const itemGetManyDescription: INodeProperties[] = [
	...getManyBasics(show),
	filtersCollection(show, [
		textFilter('itemNumber', 'Item Number', 'Part number (parts and tires only)'),
		{
			displayName: 'Item Type',
			name: 'type',
			type: 'options',
			default: 'part',
			options: enumOptions(ITEM_TYPE_FILTERS),
			routing: sendQuery('type'),
		},
		...updatedWindow('items'),
	]),
];
