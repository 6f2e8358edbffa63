import type { INodeProperties } from 'n8n-workflow';

import {
	dateFilter,
	filtersCollection,
	getManyBasics,
	query,
	sortByFilter,
	sortDirectionFilter,
	updatedWindow,
} from '../../shared/listDescriptions';

const show = { resource: ['appointmentRequest'], operation: ['getAll'] };

export const appointmentRequestGetManyDescription: INodeProperties[] = [
	...getManyBasics(show, { location: true }),
	filtersCollection(show, [
		dateFilter('appointmentStartDate', 'Appointment After', 'Only appointments starting at or after this time'),
		dateFilter('appointmentEndDate', 'Appointment Before', 'Only appointments up to this time (inclusive)'),
		dateFilter('createdDateStart', 'Created After', 'Only requests made at or after this time'),
		dateFilter('createdDateEnd', 'Created Before', 'Only requests made at or before this time'),
		sortByFilter([
			{ name: 'Start Date', value: 'startDate' },
			{ name: 'End Date', value: 'endDate' },
		]),
		sortDirectionFilter,
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
		...updatedWindow('requests'),
	]),
];
