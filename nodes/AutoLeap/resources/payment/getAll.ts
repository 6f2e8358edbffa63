import type { INodeProperties } from 'n8n-workflow';

import {
	dateFilter,
	filtersCollection,
	getManyBasics,
	sortByFilter,
	sortDirectionFilter,
	updatedWindow,
} from '../../shared/listDescriptions';

const show = { resource: ['payment'], operation: ['getAll'] };

export const paymentGetManyDescription: INodeProperties[] = [
	...getManyBasics(show, { location: true }),
	filtersCollection(show, [
		dateFilter('paymentDateStart', 'Paid After', 'Only payments made at or after this time'),
		dateFilter('paymentDateEnd', 'Paid Before', 'Only payments made at or before this time'),
		sortByFilter([{ name: 'Created Date', value: 'createdDate' }]),
		sortDirectionFilter,
		...updatedWindow('payments'),
	]),
];
