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

const show = { resource: ['vehicle'], operation: ['create'] };

export const vehicleCreateDescription: INodeProperties[] = [
	companySelect(show),
	recordLocator('customer', show, { description: 'The customer who owns the vehicle' }),
	inputMode(show),
	recordJson(
		show,
		JSON.stringify(
			{ year: 2021, make: 'Honda', model: 'Accord', vin: '1HGCV1F14MA123456' },
			null,
			2,
		),
	),
	fieldsCollection('additionalFields', { show: { ...show, inputMode: ['fields'] } }, [
		...fieldOptions(VEHICLE_FIELDS),
		entryCollection(TAGS_GROUP),
	]),
	bulkOptions(show),
];

export async function createVehicles(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'POST',
		path: PATHS.vehicles,
		bodyKey: BULK_KEYS.vehicle,
		idFields: [],
		buildRecord(itemIndex) {
			const customerId = this.getNodeParameter('customerId', itemIndex, '', {
				extractValue: true,
			}) as string;
			return inDocumentedCase(
				recordFromParameters.call(this, itemIndex, 'additionalFields', {
					[ID_FIELDS.customer]: customerId,
				}),
				VEHICLE_FIELDS,
			);
		},
		problems: (record) => recordProblems(record, VEHICLE_FIELDS, [ID_FIELDS.customer]),
	});
}
