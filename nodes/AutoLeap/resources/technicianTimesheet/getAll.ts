import type { INodeProperties } from 'n8n-workflow';

import { TIMESHEET_RANGE } from '../../../shared/autoleap/endpoints';
import { companySelect, simplifyToggle } from '../../../shared/parameters';
import { locationFilter, returnAllAndLimit } from '../../shared/getMany';
import { sendDate } from '../../shared/routing';

const show = { resource: ['technicianTimesheet'], operation: ['getAll'] };

export const technicianTimesheetGetManyDescription: INodeProperties[] = [
	companySelect(show),
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Only logs clocked in at or after this time',
		displayOptions: { show },
		routing: sendDate(TIMESHEET_RANGE.start, 'query', 'start'),
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Only logs clocked in at or before this time',
		displayOptions: { show },
		routing: sendDate(TIMESHEET_RANGE.end, 'query', 'end'),
	},
	locationFilter(show),
	...returnAllAndLimit(show),
	simplifyToggle(show),
];
