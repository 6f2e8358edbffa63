import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../shared/endpoints';
import { recordLocator } from '../../shared/descriptions';
import { simplifyToggle } from '../../shared/listDescriptions';

const show = { resource: ['vehicle'], operation: ['get'] };

export const vehicleGetDescription: INodeProperties[] = [
	recordLocator('vehicle', show, {
		routing: { request: { method: 'GET', url: `=${PATHS.vehicles}/{{ encodeURIComponent($value) }}` } },
	}),
	simplifyToggle(show),
];
