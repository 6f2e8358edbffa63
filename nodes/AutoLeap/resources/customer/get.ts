import type { INodeProperties } from 'n8n-workflow';

import { companySelect, simplifyToggle } from '../../../shared/parameters';
import { recordLocator } from '../../shared/inputs';

const show = { resource: ['customer'], operation: ['get'] };

export const customerGetDescription: INodeProperties[] = [
	companySelect(show),
	recordLocator('customer', show),
	simplifyToggle(show),
];
