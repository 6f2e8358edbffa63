import type { INodeProperties } from 'n8n-workflow';

import {
	filtersCollection,
	getManyBasics,
	sortDirectionFilter,
	textFilter,
	updatedWindow,
} from '../../shared/getMany';
import { recordLocator } from '../../shared/inputs';
import { sendQuery } from '../../shared/routing';

const show = { resource: ['vehicle'], operation: ['getAll'] };

export const vehicleGetManyDescription: INodeProperties[] = [
	...getManyBasics(show),
	filtersCollection(show, [
		recordLocator(
			'customer',
			{},
			{
				required: false,
				description: 'Only the vehicles of this customer',
				displayOptions: undefined,
				routing: sendQuery('customerId'),
			},
		),
		textFilter('search', 'Search', 'Free text, e.g. a VIN, plate or make'),
		{
			...textFilter(
				'sort',
				'Sort By',
				'Field to sort by (AutoLeap does not list the allowed fields)',
			),
			placeholder: 'e.g. year',
		},
		sortDirectionFilter,
		...updatedWindow('vehicles'),
	]),
];
