import type { INodeProperties } from 'n8n-workflow';

import { companySelect, dateFilter, locationSelect, query, returnAllAndLimit, simplifyToggle } from '../../shared/descriptions';

const show = { resource: ['appointmentRequest'], operation: ['getAll'] };

export const appointmentRequestGetManyDescription: INodeProperties[] = [
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
			dateFilter('appointmentStartDate', 'Appointment After', 'Only appointments starting at or after this time'),
			dateFilter('appointmentEndDate', 'Appointment Before', 'Only appointments up to this time (inclusive)'),
			dateFilter('createdDateStart', 'Created After', 'Only requests made at or after this time'),
			dateFilter('createdDateEnd', 'Created Before', 'Only requests made at or before this time'),
			{
				displayName: 'Sort By',
				name: 'sort',
				type: 'options',
				default: 'startDate',
				options: [
					{ name: 'End Date', value: 'endDate' },
					{ name: 'Start Date', value: 'startDate' },
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
				name: 'status',
				type: 'options',
				default: 'requested',
				options: [
					{ name: 'Confirmed', value: 'confirmed' },
					{ name: 'Declined', value: 'declined' },
					{ name: 'Requested', value: 'requested', description: 'Waiting for the shop to answer' },
				],
				routing: query('status'),
			},
			dateFilter('updatedDateStart', 'Updated After', 'Only requests changed at or after this time'),
			dateFilter('updatedDateEnd', 'Updated Before', 'Only requests changed at or before this time'),
		],
	},
];
