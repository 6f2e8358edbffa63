import type { INodeProperties } from 'n8n-workflow';

import { companySelect, simplifyToggle } from '../../../shared/parameters';
import { itemIdInput } from '../../shared/inputs';

const show = { resource: ['item'], operation: ['get'] };

export const itemGetDescription: INodeProperties[] = [
	companySelect(show),
	itemIdInput(show, 'The ID of the item to retrieve'),
	simplifyToggle(show),
];
