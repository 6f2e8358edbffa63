import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BULK_KEYS, ID_FIELDS, PATHS } from '../../../shared/autoleap/endpoints';
import { recordProblems } from '../../../shared/autoleap/fields/spec';
import { companySelect } from '../../../shared/parameters';
import { runBulkWrite } from '../../shared/bulkWrite';
import { bulkOptions, recordLocator } from '../../shared/inputs';

const show = { resource: ['vehicle'], operation: ['archive'] };

export const vehicleArchiveDescription: INodeProperties[] = [
	companySelect(show),
	recordLocator('vehicle', show, {
		description: 'The vehicle to archive (its status becomes Inactive)',
	}),
	recordLocator('customer', show, {
		required: false,
		description:
			"The vehicle's owner, sent beside it as the Vehicles page's sample shows; without it only the vehicle ID is sent",
	}),
	bulkOptions(show),
];

export async function archiveVehicles(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'PATCH',
		path: PATHS.vehicles,
		bodyKey: BULK_KEYS.vehicle,
		idFields: [ID_FIELDS.vehicle],
		buildRecord(itemIndex) {
			const vehicleId = this.getNodeParameter('vehicleId', itemIndex, '', {
				extractValue: true,
			}) as string;
			const customerId = String(
				this.getNodeParameter('customerId', itemIndex, '', { extractValue: true }) ?? '',
			).trim();
			return {
				[ID_FIELDS.vehicle]: vehicleId,
				...(customerId ? { [ID_FIELDS.customer]: customerId } : {}),
			};
		},
		problems: (record) => recordProblems(record, [], [ID_FIELDS.vehicle]),
	});
}
