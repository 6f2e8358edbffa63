import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BULK_KEYS, ID_FIELDS, PATHS } from '../../../shared/autoleap/endpoints';
import { recordProblems } from '../../../shared/autoleap/fields/spec';
import { companySelect } from '../../../shared/parameters';
import { runBulkWrite } from '../../shared/bulkWrite';
import { bulkOptions, recordLocator } from '../../shared/inputs';

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
		bodyKey: BULK_KEYS.vehicle,
		buildRecord(itemIndex) {
			return { [ID_FIELDS.vehicle]: this.getNodeParameter('vehicleId', itemIndex, '', { extractValue: true }) as string };
		},
		problems: (record) => recordProblems(record, [], [ID_FIELDS.vehicle]),
	});
}
