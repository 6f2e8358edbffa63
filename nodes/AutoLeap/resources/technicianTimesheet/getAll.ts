import type { INodeProperties } from 'n8n-workflow';

import { TIMESHEET_RANGE } from '../../shared/endpoints';
import { companySelect, locationSelect } from '../../shared/descriptions';
import { dateQuery, returnAllAndLimit, simplifyToggle } from '../../shared/listDescriptions';

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
		routing: dateQuery(TIMESHEET_RANGE.start),
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Only logs clocked in at or before this time',
		displayOptions: { show },
		routing: dateQuery(TIMESHEET_RANGE.end),
	},
	locationSelect(show),
	...returnAllAndLimit(show),
	simplifyToggle(show),
];
