import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/autoleap/endpoints';
import { recordRouting } from '../../shared/routing';
import { itemPricingGetDescription } from './get';
import { itemPricingUpdateDescription, updateItemPricing } from './update';

const show = { resource: ['itemPricing'] };

/** Both operations are INFERRED: AutoLeap's Item Pricing docs name no endpoint (see shared/endpoints). */
export const itemPricingDescription: INodeProperties[] = [
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
				action: 'Get item pricing',
				description: 'Retrieve the cost and price of one item (inferred from incomplete docs)',
				routing: recordRouting(PATHS.itemPricing, 'itemPricing', {
					parameter: 'itemId',
					label: 'Item ID',
				}),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update item pricing',
				description:
					'Change the cost or price of items (many per request; inferred from incomplete docs)',
			},
		],
		default: 'get',
	},
	...itemPricingGetDescription,
	...itemPricingUpdateDescription,
];

export const itemPricingOperations = { update: updateItemPricing };
