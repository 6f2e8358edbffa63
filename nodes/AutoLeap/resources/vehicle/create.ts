import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../shared/endpoints';
import { bulkOptions, companySelect, fieldsCollection, inputMode, recordJson, recordLocator, tagsCollection } from '../../shared/descriptions';
import { collectionOptions, recordProblems } from '../../shared/fields';
import { runBulkWrite } from '../../shared/bulkWrite';
import { recordFromParameters } from '../../shared/records';
import { VEHICLE_FIELDS } from './fields';

const show = { resource: ['vehicle'], operation: ['create'] };

export const vehicleCreateDescription: INodeProperties[] = [
	companySelect(show, 'none'),
	recordLocator('customer', show, { description: 'The customer who owns the vehicle' }),
	inputMode(show),
	recordJson(show, JSON.stringify({ year: 2021, make: 'Honda', model: 'Accord', vin: '1HGCV1F14MA123456' }, null, 2)),
	fieldsCollection('additionalFields', { show: { ...show, inputMode: ['fields'] } }, [...collectionOptions(VEHICLE_FIELDS), tagsCollection]),
	bulkOptions(show),
];

export async function createVehicles(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'POST',
		path: PATHS.vehicles,
		bodyKey: 'vehicles',
		buildRecord(itemIndex) {
			const customerId = this.getNodeParameter('customerId', itemIndex, '', { extractValue: true }) as string;
			return recordFromParameters.call(this, itemIndex, 'additionalFields', { customerId });
		},
		problems: (record) => recordProblems(record, VEHICLE_FIELDS, ['customerId']),
	});
}
