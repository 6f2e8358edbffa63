import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../shared/endpoints';
import { bulkOptions, companySelect, recordLocator } from '../../shared/descriptions';
import { recordProblems } from '../../shared/fields';
import { runBulkWrite } from '../../shared/bulkWrite';

const show = { resource: ['vehicle'], operation: ['archive'] };

export const vehicleArchiveDescription: INodeProperties[] = [
	companySelect(show, 'none'),
	recordLocator('vehicle', show, { description: 'The vehicle to archive (its status becomes Inactive)' }),
	bulkOptions(show),
];

export async function archiveVehicles(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'PATCH',
		path: PATHS.vehicles,
		bodyKey: 'vehicles',
		buildRecord(itemIndex) {
			return { vehicleId: this.getNodeParameter('vehicleId', itemIndex, '', { extractValue: true }) as string };
		},
		problems: (record) => recordProblems(record, [], ['vehicleId']),
	});
}
