import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../shared/endpoints';
import { bulkOptions, companySelect, fieldsCollection, inputMode, recordJson, recordLocator, tagsCollection } from '../../shared/descriptions';
import { collectionOptions, recordProblems } from '../../shared/fields';
import { runBulkWrite } from '../../shared/bulkWrite';
import { recordFromParameters } from '../../shared/records';
import { VEHICLE_FIELDS } from './fields';

const show = { resource: ['vehicle'], operation: ['update'] };

export const vehicleUpdateDescription: INodeProperties[] = [
	companySelect(show, 'none'),
	recordLocator('vehicle', show),
	inputMode(show),
	recordJson(show, JSON.stringify({ mileage: 16000, mileageUnit: 'Miles' }, null, 2)),
	fieldsCollection('updateFields', { show: { ...show, inputMode: ['fields'] } }, [...collectionOptions(VEHICLE_FIELDS), tagsCollection]),
	bulkOptions(show),
];

export async function updateVehicles(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'PUT',
		path: PATHS.vehicles,
		bodyKey: 'vehicles',
		buildRecord(itemIndex) {
			const vehicleId = this.getNodeParameter('vehicleId', itemIndex, '', { extractValue: true }) as string;
			return recordFromParameters.call(this, itemIndex, 'updateFields', { vehicleId });
		},
		problems: (record) => recordProblems(record, VEHICLE_FIELDS, ['vehicleId']),
	});
}
