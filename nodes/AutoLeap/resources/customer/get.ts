import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../shared/endpoints';
import { companySelect, recordLocator } from '../../shared/descriptions';
import { simplifyToggle } from '../../shared/listDescriptions';

const show = { resource: ['customer'], operation: ['get'] };

export const customerGetDescription: INodeProperties[] = [
	companySelect(show),
	recordLocator('customer', show, {
		routing: { request: { method: 'GET', url: `=${PATHS.customers}/{{ encodeURIComponent($value) }}` } },
	}),
	simplifyToggle(show),
];
