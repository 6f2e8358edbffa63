import type { INodeProperties } from 'n8n-workflow';

import {
	dateFilter,
	filtersCollection,
	getManyBasics,
	query,
	sortByFilter,
	sortDirectionFilter,
	textFilter,
	updatedWindow,
} from '../../shared/listDescriptions';

const show = { resource: ['repairOrder'], operation: ['getAll'] };

/** AutoLeap's repair order status codes (README §16). */
const STATUSES = ['Estimate', 'WIP', 'Complete', 'Saved', 'Posted', 'AR', 'Deleted'];

export const repairOrderGetManyDescription: INodeProperties[] = [
	...getManyBasics(show, { location: true }),
	filtersCollection(show, [
		dateFilter('finalizeStartDate', 'Finalized After', 'Only repair orders finalized at or after this time'),
		dateFilter('finalizeEndDate', 'Finalized Before', 'Only repair orders finalized at or before this time'),
		dateFilter('invoiceStartDate', 'Invoiced After', 'Only repair orders invoiced at or after this time'),
		dateFilter('invoiceEndDate', 'Invoiced Before', 'Only repair orders invoiced at or before this time'),
		{
			displayName: 'Is Finalized',
			name: 'isFinalized',
			type: 'boolean',
			default: true,
			description: 'Whether to return only finalized repair orders (on) or only those not finalized yet, such as estimates (off)',
			routing: { send: { type: 'query', property: 'isFinalized' } },
		},
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
			options: STATUSES.map((name, index) => ({ name: `${index + 1} ${name}`, value: index + 1 })),
			routing: query('repairOrderStatusId'),
		},
		...updatedWindow('repair orders'),
	]),
];
