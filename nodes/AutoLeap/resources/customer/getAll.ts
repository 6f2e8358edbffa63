import type { INodeProperties } from 'n8n-workflow';

import { filtersCollection, getManyBasics, textFilter, updatedWindow } from '../../shared/getMany';

const show = { resource: ['customer'], operation: ['getAll'] };

/** The filters are INFERRED (reference: GET /customers documents no parameters). */
export const customerGetManyDescription: INodeProperties[] = [
	...getManyBasics(show),
	filtersCollection(show, [
		textFilter('search', 'Search', 'Free text, e.g. a name, phone or email'),
		...updatedWindow('customers'),
	]),
];
