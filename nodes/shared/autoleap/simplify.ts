import type { IDataObject } from 'n8n-workflow';

/**
 * The fields "Simplify" keeps: what a workflow usually needs next (ids, names, status, money,
 * contact and the update time), instead of AutoLeap's full records with dozens of fields.
 */
export const SIMPLE_FIELDS = {
	customer: [
		'customerId',
		'customerType',
		'firstName',
		'lastName',
		'displayName',
		'companyName',
		'phones',
		'emails',
		'status',
		'updatedDate',
	],
	vehicle: [
		'vehicleId',
		'customerId',
		'year',
		'make',
		'model',
		'vin',
		'licensePlate',
		'mileage',
		'mileageUnit',
		'vehicleStatus',
		'updatedDate',
	],
	item: ['itemId', 'itemType', 'itemName', 'itemNumber', 'status', 'taxable', 'updatedDate'],
	inventoryLevel: [
		'itemId',
		'locationId',
		'itemName',
		'itemNumber',
		'quantityOnHand',
		'restockLevel',
	],
	itemPricing: ['itemId', 'itemName', 'itemNumber', 'costPerUnit', 'pricePerUnit'],
	appointmentRequest: [
		'appointmentId',
		'locationId',
		'status',
		'startDateTime',
		'endDateTime',
		'dropOffOption',
		'customer',
		'vehicle',
		'updatedDate',
	],
	repairOrder: [
		'repairOrderNumber',
		'locationId',
		'repairOrderStatus',
		'workflowStatus',
		'paymentStatus',
		'customer',
		'vehicleId',
		'invoiceNumber',
		'invoiceDate',
		'finalizeDate',
		'totalSales',
		'amountPaid',
		'updatedDate',
	],
	payment: [
		'paymentId',
		'locationId',
		'roNumber',
		'paymentDate',
		'paymentType',
		'paymentMethod',
		'totalPaymentAmount',
		'netPaidAmount',
		'lastUpdatedAt',
	],
	// The id's name is undocumented (ID_FIELDS guesses `timesheetLogId`): keep whichever a log carries.
	timesheetLog: [
		'logId',
		'timesheetLogId',
		'locationId',
		'technician',
		'clockIn',
		'clockOut',
		'durationMinutes',
		'repairOrderNumber',
	],
} satisfies Record<string, string[]>;

export type SimplifiedResource = keyof typeof SIMPLE_FIELDS;

export function simplifyRecord(resource: SimplifiedResource, record: IDataObject): IDataObject {
	const simple: IDataObject = {};
	for (const field of SIMPLE_FIELDS[resource]) {
		if (record[field] !== undefined) simple[field] = record[field];
	}
	return simple;
}
