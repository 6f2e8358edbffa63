import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/autoleap/endpoints';
import { listRouting, writeRouting } from '../../shared/routing';
import { appointmentRequestCreateDescription } from './create';
import { appointmentRequestGetManyDescription } from './getAll';

const show = { resource: ['appointmentRequest'] };

export const appointmentRequestDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an appointment request',
				description:
					'Ask a shop location for an appointment for a customer and vehicle (the shop then confirms or declines it)',
				routing: writeRouting('POST', PATHS.createAppointmentRequest, { echo: true }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many appointment requests',
				description:
					'List appointment requests, filtered by status, location, appointment time, creation or update time',
				routing: listRouting(PATHS.appointmentRequests, 'appointmentRequest'),
			},
		],
		default: 'getAll',
	},
	...appointmentRequestCreateDescription,
	...appointmentRequestGetManyDescription,
];
