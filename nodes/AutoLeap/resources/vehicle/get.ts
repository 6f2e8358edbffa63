import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/autoleap/endpoints';
import { simplifyToggle } from '../../../shared/parameters';
import { recordLocator } from '../../shared/inputs';

const show = { resource: ['vehicle'], operation: ['get'] };

export const vehicleGetDescription: INodeProperties[] = [
	recordLocator('vehicle', show, {
		routing: { request: { method: 'GET', url: `=${PATHS.vehicles}/{{ encodeURIComponent($value) }}` } },
	}),
	simplifyToggle(show),
];
