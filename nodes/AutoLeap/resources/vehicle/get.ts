import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../shared/endpoints';
import { recordLocator, simplifyToggle } from '../../shared/descriptions';

const show = { resource: ['vehicle'], operation: ['get'] };

export const vehicleGetDescription: INodeProperties[] = [
	recordLocator('vehicle', show, {
		routing: { request: { method: 'GET', url: `=${PATHS.vehicles}/{{ encodeURIComponent($value) }}` } },
	}),
	simplifyToggle(show),
];
