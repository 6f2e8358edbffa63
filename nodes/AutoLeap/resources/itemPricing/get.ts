import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../shared/endpoints';
import { companySelect } from '../../shared/descriptions';
import { simplifyToggle } from '../../shared/listDescriptions';
import { itemIdInput } from '../item/get';

const show = { resource: ['itemPricing'], operation: ['get'] };

export const itemPricingGetDescription: INodeProperties[] = [
	companySelect(show),
	itemIdInput(show, 'The item whose pricing to retrieve', {
		routing: { request: { method: 'GET', url: `=${PATHS.itemPricing}/{{ encodeURIComponent($value) }}` } },
	}),
	simplifyToggle(show),
];
