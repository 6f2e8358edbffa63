import type { INodeProperties } from 'n8n-workflow';

import { simplifyToggle } from '../../../shared/parameters';
import { recordLocator } from '../../shared/inputs';

const show = { resource: ['vehicle'], operation: ['get'] };

export const vehicleGetDescription: INodeProperties[] = [
	recordLocator('vehicle', show),
	simplifyToggle(show),
];
