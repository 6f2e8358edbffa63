import type { INodeProperties } from 'n8n-workflow';

import { companySelect, simplifyToggle } from '../../../shared/parameters';
import { itemIdInput } from '../../shared/inputs';

const show = { resource: ['itemPricing'], operation: ['get'] };

export const itemPricingGetDescription: INodeProperties[] = [
	companySelect(show),
	itemIdInput(show, 'The item whose pricing to retrieve'),
	simplifyToggle(show),
];
