import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/autoleap/endpoints';
import { listRouting, recordRouting } from '../../shared/routing';
import { repairOrderGetDescription } from './get';
import { repairOrderGetManyDescription } from './getAll';

const show = { resource: ['repairOrder'] };

export const repairOrderDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a repair order',
				description:
					'Retrieve one repair order (RO) by its number, with services, totals and payment status',
				routing: recordRouting(PATHS.repairOrders, 'repairOrder', {
					parameter: 'roNumber',
					label: 'RO Number',
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many repair orders',
				description:
					'List repair orders (estimates, work in progress, invoices), filtered by status, update, invoice or finalize time, or text',
				routing: listRouting(PATHS.repairOrders, 'repairOrder'),
			},
		],
		default: 'getAll',
	},
	...repairOrderGetDescription,
	...repairOrderGetManyDescription,
];
