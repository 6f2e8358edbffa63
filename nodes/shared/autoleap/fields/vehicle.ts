import { MILEAGE_UNITS, TRANSMISSIONS } from '../enums';
import type { FieldSpec } from './spec';

/** Every field of the Vehicles page of the official docs (create and update share them). */
export const VEHICLE_FIELDS: readonly FieldSpec[] = [
	{ name: 'year', label: 'Year', kind: 'integer', placeholder: 'e.g. 2021' },
	{ name: 'make', label: 'Make', kind: 'string', placeholder: 'e.g. Honda' },
	{ name: 'model', label: 'Model', kind: 'string', placeholder: 'e.g. Accord' },
	{
		name: 'vehicleName',
		label: 'Vehicle Name',
		kind: 'string',
		placeholder: 'e.g. 2021 Honda Accord LX',
	},
	{ name: 'engine', label: 'Engine', kind: 'string', placeholder: 'e.g. 1.5L Turbo I4' },
	{ name: 'color', label: 'Color', kind: 'string', placeholder: 'e.g. Blue' },
	{ name: 'licensePlate', label: 'License Plate', kind: 'string', placeholder: 'e.g. XYZ-1234' },
	{
		name: 'state',
		label: 'State',
		kind: 'string',
		description: 'State or province of the licence plate',
		placeholder: 'e.g. CA',
	},
	{ name: 'vin', label: 'VIN', kind: 'string', placeholder: 'e.g. 1HGCV1F14MA123456' },
	{ name: 'notes', label: 'Notes', kind: 'string' },
	{
		name: 'vehicleStatus',
		label: 'Vehicle Status',
		kind: 'string',
		description: 'Active records; archiving sets Inactive',
	},
	{ name: 'imgUrl', label: 'Image URL', kind: 'string' },
	{ name: 'transmission', label: 'Transmission', kind: 'options', values: TRANSMISSIONS },
	{ name: 'driveType', label: 'Drive Type', kind: 'string', placeholder: 'e.g. FWD' },
	{ name: 'mileage', label: 'Mileage', kind: 'number', placeholder: 'e.g. 15000' },
	{ name: 'mileageUnit', label: 'Mileage Unit', kind: 'options', values: MILEAGE_UNITS },
];
