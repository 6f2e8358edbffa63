import type { INodeProperties } from 'n8n-workflow';

import { TIME_WINDOWS } from '../../../shared/autoleap/endpoints';
import { appointmentRequestStatusOptions } from '../../../shared/parameters';
import {
	dateWindow,
	filtersCollection,
	getManyBasics,
	sortByFilter,
	sortDirectionFilter,
	updatedWindow,
} from '../../shared/getMany';
import { sendQuery } from '../../shared/routing';

const show = { resource: ['appointmentRequest'], operation: ['getAll'] };

export const appointmentRequestGetManyDescription: INodeProperties[] = [
	...getManyBasics(show, { location: true }),
	filtersCollection(show, [
		...dateWindow(
			TIME_WINDOWS.appointmentTime,
			['Appointment After', 'Only appointments starting at or after this time'],
			['Appointment Before', 'Only appointments up to this time (inclusive)'],
		),
		...dateWindow(
			TIME_WINDOWS.appointmentRequestCreated,
			['Created After', 'Only requests made at or after this time'],
			['Created Before', 'Only requests made at or before this time'],
		),
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
