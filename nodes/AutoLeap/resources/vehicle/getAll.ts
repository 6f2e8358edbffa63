import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../shared/descriptions';
import {
	filtersCollection,
	getManyBasics,
	query,
	sortDirectionFilter,
	textFilter,
	updatedWindow,
} from '../../shared/listDescriptions';

const show = { resource: ['vehicle'], operation: ['getAll'] };

export const vehicleGetManyDescription: INodeProperties[] = [
	...getManyBasics(show),
	filtersCollection(show, [
		recordLocator('customer', {}, { required: false, description: 'Only the vehicles of this customer', displayOptions: undefined, routing: query('customerId') }),
		textFilter('search', 'Search', 'Free text, e.g. a VIN, plate or make'),
		{ ...textFilter('sort', 'Sort By', 'Field to sort by (AutoLeap does not list the allowed fields)'), placeholder: 'e.g. year' },
		sortDirectionFilter,
		...updatedWindow('vehicles'),
	]),
];
