import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/autoleap/endpoints';
import { listRouting, recordRouting } from '../../shared/routing';
import { archiveVehicles, vehicleArchiveDescription } from './archive';
import { createVehicles, vehicleCreateDescription } from './create';
import { vehicleGetDescription } from './get';
import { vehicleGetManyDescription } from './getAll';
import { updateVehicles, vehicleUpdateDescription } from './update';

const show = { resource: ['vehicle'] };

export const vehicleDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'Archive',
				value: 'archive',
				action: 'Archive vehicles',
				description: 'Set vehicles inactive (many per request)',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create vehicles',
				description: 'Add vehicles to customers (many per request)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a vehicle',
				description: 'Retrieve one vehicle by ID',
				routing: recordRouting(PATHS.vehicles, 'vehicle', {
					parameter: 'vehicleId',
					label: 'Vehicle',
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many vehicles',
				description: 'List vehicles, filtered by customer, text or update time',
				routing: listRouting(PATHS.vehicles, 'vehicle'),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update vehicles',
				description: 'Change fields of vehicles (many per request)',
			},
		],
		default: 'getAll',
	},
	...vehicleArchiveDescription,
	...vehicleCreateDescription,
	...vehicleGetDescription,
	...vehicleGetManyDescription,
	...vehicleUpdateDescription,
];

export const vehicleOperations = {
	archive: archiveVehicles,
	create: createVehicles,
	update: updateVehicles,
};
