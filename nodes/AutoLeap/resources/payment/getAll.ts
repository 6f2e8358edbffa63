import type { INodeProperties } from 'n8n-workflow';

import { TIME_WINDOWS } from '../../../shared/autoleap/endpoints';
import {
	dateWindow,
	filtersCollection,
	getManyBasics,
	sortByFilter,
	sortDirectionFilter,
	updatedWindow,
} from '../../shared/getMany';

const show = { resource: ['payment'], operation: ['getAll'] };

export const paymentGetManyDescription: INodeProperties[] = [
	...getManyBasics(show, { location: true }),
	filtersCollection(show, [
		...dateWindow(
			TIME_WINDOWS.paymentDate,
			['Paid After', 'Only payments made at or after this time'],
			['Paid Before', 'Only payments made at or before this time'],
		),
		sortByFilter([{ name: 'Created Date', value: 'createdDate' }]),
		sortDirectionFilter,
		...updatedWindow('payments'),
	]),
];
