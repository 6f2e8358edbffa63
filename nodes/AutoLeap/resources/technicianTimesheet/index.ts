import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/autoleap/endpoints';
import { listRouting } from '../../shared/routing';
import { technicianTimesheetGetManyDescription } from './getAll';

const show = { resource: ['technicianTimesheet'] };

export const technicianTimesheetDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many technician timesheet logs',
				description:
					"List technicians' clock-in and clock-out logs between two dates, optionally for one location",
				routing: listRouting(PATHS.timesheetLogs, 'timesheetLog'),
			},
		],
		default: 'getAll',
	},
	...technicianTimesheetGetManyDescription,
];
