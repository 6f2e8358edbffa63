import type { INodeProperties } from 'n8n-workflow';

import { companySelect, dateFilter, locationSelect, query, returnAllAndLimit, simplifyToggle } from '../../shared/descriptions';

const show = { resource: ['repairOrder'], operation: ['getAll'] };

/** AutoLeap's repair order status codes (README §16). */
const STATUSES = ['Estimate', 'WIP', 'Complete', 'Saved', 'Posted', 'AR', 'Deleted'];

export const repairOrderGetManyDescription: INodeProperties[] = [
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
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Free text over RO number, customer name or vehicle',
				routing: query('search'),
			},
			{
				displayName: 'Sort By',
				name: 'sort',
				type: 'options',
				default: 'createdDate',
				options: [
					{ name: 'Created Date', value: 'createdDate' },
					{ name: 'RO Number', value: 'repairOrderNumber' },
				],
				routing: query('sort'),
			},
			{
				displayName: 'Sort Direction',
				name: 'sortDirection',
				type: 'options',
				default: 'ASC',
				options: [
					{ name: 'Ascending', value: 'ASC' },
					{ name: 'Descending', value: 'DESC' },
				],
				routing: query('sortDirection'),
			},
			{
				displayName: 'Status',
				name: 'repairOrderStatusId',
				type: 'options',
				default: 1,
				options: STATUSES.map((name, index) => ({ name: `${index + 1} ${name}`, value: index + 1 })),
				routing: query('repairOrderStatusId'),
			},
			dateFilter('updatedDateStart', 'Updated After', 'Only repair orders changed at or after this time'),
			dateFilter('updatedDateEnd', 'Updated Before', 'Only repair orders changed at or before this time'),
		],
	},
];
