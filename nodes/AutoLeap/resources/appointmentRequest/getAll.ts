import type { INodeProperties } from 'n8n-workflow';

import { TIME_WINDOWS } from '../../../shared/autoleap/endpoints';
import { appointmentRequestStatusOptions } from '../../../shared/parameters';
import { dateFilter, filtersCollection, getManyBasics, sortByFilter, sortDirectionFilter, updatedWindow } from '../../shared/getMany';
import { sendQuery } from '../../shared/routing';

const show = { resource: ['appointmentRequest'], operation: ['getAll'] };

export const appointmentRequestGetManyDescription: INodeProperties[] = [
	...getManyBasics(show, { location: true }),
	filtersCollection(show, [
		dateFilter(TIME_WINDOWS.appointmentTime.start, 'Appointment After', 'Only appointments starting at or after this time'),
		dateFilter(TIME_WINDOWS.appointmentTime.end, 'Appointment Before', 'Only appointments up to this time (inclusive)'),
		dateFilter(TIME_WINDOWS.appointmentRequestCreated.start, 'Created After', 'Only requests made at or after this time'),
		dateFilter(TIME_WINDOWS.appointmentRequestCreated.end, 'Created Before', 'Only requests made at or before this time'),
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
			options: appointmentRequestStatusOptions(),
			routing: sendQuery('status'),
		},
		...updatedWindow('requests'),
	]),
];
