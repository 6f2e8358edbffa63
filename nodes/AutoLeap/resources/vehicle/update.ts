import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BULK_KEYS, ID_FIELDS, PATHS } from '../../../shared/autoleap/endpoints';
import { TAGS_GROUP } from '../../../shared/autoleap/fields/contact';
import { inDocumentedCase, recordProblems } from '../../../shared/autoleap/fields/spec';
import { VEHICLE_FIELDS } from '../../../shared/autoleap/fields/vehicle';
import { companySelect } from '../../../shared/parameters';
import { runBulkWrite } from '../../shared/bulkWrite';
import {
	bulkOptions,
	entryCollection,
	fieldOptions,
	fieldsCollection,
	inputMode,
	recordJson,
	recordLocator,
} from '../../shared/inputs';
import { recordFromParameters } from '../../shared/recordInput';

const show = { resource: ['vehicle'], operation: ['update'] };

export const vehicleUpdateDescription: INodeProperties[] = [
	companySelect(show),
	recordLocator('vehicle', show),
	inputMode(show),
	recordJson(show, JSON.stringify({ mileage: 16000, mileageUnit: 'Miles' }, null, 2)),
	fieldsCollection('updateFields', { show: { ...show, inputMode: ['fields'] } }, [
		...fieldOptions(VEHICLE_FIELDS),
		entryCollection(TAGS_GROUP),
	]),
	bulkOptions(show),
];

export async function updateVehicles(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'PUT',
		path: PATHS.vehicles,
		bodyKey: BULK_KEYS.vehicle,
		idFields: [ID_FIELDS.vehicle],
		buildRecord(itemIndex) {
			const vehicleId = this.getNodeParameter('vehicleId', itemIndex, '', {
				extractValue: true,
			}) as string;
			return inDocumentedCase(
				recordFromParameters.call(this, itemIndex, 'updateFields', {
					[ID_FIELDS.vehicle]: vehicleId,
				}),
				VEHICLE_FIELDS,
			);
		},
		problems: (record) => recordProblems(record, VEHICLE_FIELDS, [ID_FIELDS.vehicle]),
	});
}
