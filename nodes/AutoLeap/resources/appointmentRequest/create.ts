import type { INodeProperties } from 'n8n-workflow';

import { APPOINTMENT_EXTRA_FIELDS } from '../../../shared/autoleap/endpoints';
import { companySelect, locationSelect } from '../../../shared/parameters';
import { sendBody, sendDate } from '../../shared/routing';

const show = { resource: ['appointmentRequest'], operation: ['create'] };

const { customer, vehicle } = APPOINTMENT_EXTRA_FIELDS;

export const appointmentRequestCreateDescription: INodeProperties[] = [
	{ ...companySelect(show, 'none'), routing: sendBody('companyId') },
	{
		...locationSelect(show, 'none'),
		description:
			'The location (shop branch) the customer will visit. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: sendBody('locationId'),
	},
	{
		displayName: 'Start',
		name: 'startDateTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the requested appointment begins (sent as UTC)',
		displayOptions: { show },
		routing: sendDate('startDateTime', 'body', 'start'),
	},
	{
		displayName: 'End',
		name: 'endDateTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the requested appointment ends (sent as UTC)',
		displayOptions: { show },
		routing: sendDate('endDateTime', 'body', 'start'),
	},
	{
		displayName: 'Drop-Off Option',
		name: 'dropOffOption',
		type: 'options',
		default: 'dropOff',
		description: 'Whether the customer leaves the vehicle at the shop or waits for it',
		options: [
			{ name: 'Drop Off', value: 'dropOff', description: 'The customer leaves the vehicle' },
			{ name: 'Wait for It', value: 'waitForIt', description: 'The customer waits at the shop' },
		],
		displayOptions: { show },
		routing: sendBody('dropOffOption'),
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: 'EN',
		placeholder: 'e.g. EN',
		description: 'Language code of the customer',
		displayOptions: { show },
		routing: sendBody('language'),
	},
	{
		displayName: 'Customer First Name',
		name: 'customerFirstName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Jane',
		displayOptions: { show },
		routing: sendBody('customer.firstName'),
	},
	{
		displayName: 'Customer Last Name',
		name: 'customerLastName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Smith',
		displayOptions: { show },
		routing: sendBody('customer.lastName'),
	},
	{
		displayName: 'Additional Customer Fields',
		name: 'customerFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', routing: sendBody(`customer.${customer.email}`) },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: 'e.g. 5125550123', routing: sendBody(`customer.${customer.phone}`) },
		],
	},
	{
		displayName: 'Vehicle Make',
		name: 'vehicleMake',
		type: 'string',
		default: '',
		placeholder: 'e.g. Toyota',
		displayOptions: { show },
		routing: sendBody('vehicle.make'),
	},
	{
		displayName: 'Vehicle Model',
		name: 'vehicleModel',
		type: 'string',
		default: '',
		placeholder: 'e.g. Corolla',
		displayOptions: { show },
		routing: sendBody('vehicle.model'),
	},
	{
		displayName: 'Vehicle Year',
		name: 'vehicleYear',
		type: 'number',
		typeOptions: { numberPrecision: 0 },
		default: 0,
		placeholder: 'e.g. 2019',
		description: 'Model year; 0 leaves it out',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'vehicle.year', value: '={{ $value || undefined }}' } },
	},
	{
		displayName: 'Additional Vehicle Fields',
		name: 'vehicleFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{ displayName: 'License Plate', name: 'licensePlate', type: 'string', default: '', placeholder: 'e.g. XYZ-1234', routing: sendBody(`vehicle.${vehicle.licensePlate}`) },
			{ displayName: 'Mileage', name: 'mileage', type: 'number', default: 0, routing: sendBody(`vehicle.${vehicle.mileage}`) },
			{ displayName: 'VIN', name: 'vin', type: 'string', default: '', placeholder: 'e.g. 1HGCV1F14MA123456', routing: sendBody(`vehicle.${vehicle.vin}`) },
		],
	},
	{
		displayName: 'Services',
		name: 'services',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Service',
		default: {},
		description: 'The services the customer asks for',
		displayOptions: { show },
		options: [
			{
				displayName: 'Service',
				name: 'service',
				values: [
					{
						displayName: 'Service ID',
						name: 'serviceId',
						type: 'string',
						default: '',
						placeholder: 'e.g. SVC123',
						description: "The shop's service ID, if known",
						routing: sendBody('=services[{{ $index }}].serviceId'),
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						placeholder: 'e.g. Oil change',
						routing: sendBody('=services[{{ $index }}].title'),
					},
				],
			},
		],
	},
];
