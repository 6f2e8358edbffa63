import type { INodeProperties } from 'n8n-workflow';

import { APP_URL } from './endpoints';
import { DEFAULT_BATCH_SIZE } from './bulkWrite';
import { PHONE_TYPES } from './contact';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/** Company picker, loaded from the partner profile; sent as the `companyId` query parameter of reads. */
export function companySelect(show: Show, send: 'query' | 'none' = 'query'): INodeProperties {
	return {
		displayName: 'Company Name or ID',
		name: 'companyId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCompanies' },
		required: true,
		default: '',
		description:
			'The shop (AutoLeap company) to work in. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show },
		routing: send === 'query' ? { send: { type: 'query', property: 'companyId' } } : undefined,
	};
}

/** Location picker for the chosen company; empty means every location. */
export function locationSelect(show: Show, send: 'query' | 'none' = 'query'): INodeProperties {
	return {
		displayName: 'Location Name or ID',
		name: 'locationId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLocations', loadOptionsDependsOn: ['companyId'] },
		default: '',
		description:
			'Only this location of the shop; leave empty for all locations. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show },
		routing: send === 'query' ? { send: { type: 'query', property: 'locationId', value: '={{ $value || undefined }}' } } : undefined,
	};
}

/** A customer or vehicle chosen from a searchable list, by ID, or by its AutoLeap URL. */
export function recordLocator(
	kind: 'customer' | 'vehicle',
	show: Show,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	const label = kind === 'customer' ? 'Customer' : 'Vehicle';
	const urlPath = kind === 'customer' ? 'customers' : 'vehicles';
	return {
		displayName: label,
		name: `${kind}Id`,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `The ${kind} to use`,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: kind === 'customer' ? 'searchCustomers' : 'searchVehicles', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 4958393',
				validation: [{ type: 'regex', properties: { regex: '^[A-Za-z0-9_-]+$', errorMessage: `Not a valid ${kind} ID` } }],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${APP_URL}/${urlPath}/4958393`,
				extractValue: { type: 'regex', regex: `/${urlPath}/([A-Za-z0-9_-]+)` },
				validation: [
					{
						type: 'regex',
						properties: { regex: `.*/${urlPath}/[A-Za-z0-9_-]+.*`, errorMessage: `Not an AutoLeap ${kind} URL` },
					},
				],
			},
		],
		...extra,
	};
}

/** Options of the bulk writes. */
export function bulkOptions(show: Show): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: DEFAULT_BATCH_SIZE,
				description: 'How many input items to send to AutoLeap in one request',
			},
		],
	};
}

/** The optional fields of a Create (Additional Fields) or of an Update (Update Fields). */
export function fieldsCollection(
	name: 'additionalFields' | 'updateFields',
	displayOptions: INodeProperties['displayOptions'],
	options: INodeProperties[],
): INodeProperties {
	return name === 'updateFields'
		? {
				displayName: 'Update Fields',
				name,
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				description: 'Only the fields given are changed',
				displayOptions,
				options,
			}
		: { displayName: 'Additional Fields', name, type: 'collection', placeholder: 'Add Field', default: {}, displayOptions, options };
}

/** Fields as inputs, or the whole record as JSON for power users. */
export function inputMode(show: Show): INodeProperties {
	return {
		displayName: 'Input Mode',
		name: 'inputMode',
		type: 'options',
		noDataExpression: true,
		default: 'fields',
		displayOptions: { show },
		options: [
			{ name: 'Fields', value: 'fields', description: 'Fill in the fields below' },
			{ name: 'JSON', value: 'json', description: 'Give the whole AutoLeap record as JSON' },
		],
	};
}

export function recordJson(show: Show, example: string): INodeProperties {
	return {
		displayName: 'Record (JSON)',
		name: 'recordJson',
		type: 'json',
		default: example,
		required: true,
		description: 'The AutoLeap record, as the API documents it',
		displayOptions: { show: { ...show, inputMode: ['json'] } },
	};
}

/** Tags (name and colour), as customers and vehicles carry them. */
export const tagsCollection: INodeProperties = {
	displayName: 'Tags',
	name: 'tags',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Tag',
	default: {},
	options: [
		{
			displayName: 'Tag',
			name: 'tag',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. VIP' },
				{ displayName: 'Color', name: 'color', type: 'color', default: '#FFFF00', description: 'Shown as hex without the leading #' },
			],
		},
	],
};

/** Phone numbers, as customers carry them. */
export const phonesCollection: INodeProperties = {
	displayName: 'Phones',
	name: 'phones',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Phone',
	default: {},
	options: [
		{
			displayName: 'Phone',
			name: 'phone',
			values: [
				{ displayName: 'Active', name: 'active', type: 'boolean', default: true, description: 'Whether the number is in use' },
				{ displayName: 'Label', name: 'label', type: 'string', default: '', placeholder: 'e.g. Work' },
				{ displayName: 'Number', name: 'number', type: 'string', default: '', placeholder: 'e.g. 123-456-7890' },
				{ displayName: 'Primary', name: 'primary', type: 'boolean', default: false, description: 'Whether this is the main number' },
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					default: 'mobile',
					options: PHONE_TYPES.map((value) => ({ name: value === 'mobile' ? 'Mobile' : 'Landline', value })),
				},
			],
		},
	],
};

/** Email addresses, as customers carry them. */
export const emailsCollection: INodeProperties = {
	displayName: 'Emails',
	name: 'emails',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Email',
	default: {},
	options: [
		{
			displayName: 'Email',
			name: 'email',
			values: [
				{ displayName: 'Active', name: 'active', type: 'boolean', default: true, description: 'Whether the address is in use' },
				{ displayName: 'Email Address', name: 'emailAddress', type: 'string', placeholder: 'name@email.com', default: '' },
				{ displayName: 'Label', name: 'label', type: 'string', default: '', placeholder: 'e.g. Personal' },
				{ displayName: 'Primary', name: 'primary', type: 'boolean', default: false, description: 'Whether this is the main address' },
			],
		},
	],
};

/** One postal address (`mainAddress` or `secondaryAddress` of a customer). */
export function addressCollection(name: 'mainAddress' | 'secondaryAddress', displayName: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		placeholder: 'Add Address',
		default: {},
		options: [
			{
				displayName: 'Address',
				name: 'address',
				values: [
					{ displayName: 'City', name: 'city', type: 'string', default: '', placeholder: 'e.g. New York' },
					{ displayName: 'Country', name: 'country', type: 'string', default: '', placeholder: 'e.g. USA' },
					{ displayName: 'State', name: 'state', type: 'string', default: '', placeholder: 'e.g. NY' },
					{ displayName: 'Street', name: 'address', type: 'string', default: '', placeholder: 'e.g. 123 Main St' },
					{ displayName: 'ZIP', name: 'zip', type: 'string', default: '', placeholder: 'e.g. 10001' },
				],
			},
		],
	};
}
