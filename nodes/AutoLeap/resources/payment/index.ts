import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/autoleap/endpoints';
import { listRouting } from '../../shared/routing';
import { paymentGetManyDescription } from './getAll';

const show = { resource: ['payment'] };

export const paymentDescription: INodeProperties[] = [
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
				action: 'Get many payments',
				description:
					'List payments on repair orders (amounts, method, refunds), filtered by payment or update time and location',
				routing: listRouting(PATHS.payments, 'payment'),
			},
		],
		default: 'getAll',
	},
	...paymentGetManyDescription,
];
