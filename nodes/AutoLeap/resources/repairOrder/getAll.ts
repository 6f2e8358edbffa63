import type { INodeProperties } from 'n8n-workflow';

import { TIME_WINDOWS } from '../../../shared/autoleap/endpoints';
import { repairOrderStatusOptions } from '../../../shared/parameters';
import {
	dateWindow,
	filtersCollection,
	getManyBasics,
	sortByFilter,
	sortDirectionFilter,
	textFilter,
	updatedWindow,
} from '../../shared/getMany';
import { sendQuery } from '../../shared/routing';

const show = { resource: ['repairOrder'], operation: ['getAll'] };

export const repairOrderGetManyDescription: INodeProperties[] = [
	...getManyBasics(show, { location: true }),
	filtersCollection(show, [
		...dateWindow(
			TIME_WINDOWS.repairOrderFinalized,
			['Finalized After', 'Only repair orders finalized at or after this time'],
			['Finalized Before', 'Only repair orders finalized at or before this time'],
		),
		...dateWindow(
			TIME_WINDOWS.repairOrderInvoiced,
			['Invoiced After', 'Only repair orders invoiced at or after this time'],
			['Invoiced Before', 'Only repair orders invoiced at or before this time'],
		),
		{
			displayName: 'Is Finalized',
			name: 'isFinalized',
			type: 'boolean',
			default: true,
			description:
				'Whether to return only finalized repair orders (on) or only those not finalized yet, such as estimates (off)',
			routing: { send: { type: 'query', property: 'isFinalized' } },
		},
		textFilter('repairOrderNumber', 'RO Number', 'Only the repair order with this number'),
		textFilter('search', 'Search', 'Free text over RO number, customer name or vehicle'),
		sortByFilter([
			{ name: 'Created Date', value: 'createdDate' },
			{ name: 'RO Number', value: 'repairOrderNumber' },
		]),
		sortDirectionFilter,
		{
			displayName: 'Status',
			name: 'repairOrderStatusId',
			type: 'options',
			default: 1,
			options: repairOrderStatusOptions(),
			routing: sendQuery('repairOrderStatusId'),
		},
		...updatedWindow('repair orders'),
	]),
];
