import type { INodeProperties } from 'n8n-workflow';

import { companySelect, simplifyToggle } from '../../../shared/parameters';

const show = { resource: ['repairOrder'], operation: ['get'] };

export const repairOrderGetDescription: INodeProperties[] = [
	companySelect(show),
	{
		displayName: 'RO Number',
		name: 'roNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 43',
		description: 'The repair order number shown in AutoLeap',
		displayOptions: { show },
	},
	simplifyToggle(show),
];
