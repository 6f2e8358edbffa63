import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BULK_KEYS, PATHS } from '../../../shared/autoleap/endpoints';
import { ITEM_STATUSES, ITEM_TYPES } from '../../../shared/autoleap/enums';
import {
	ITEM_DETAILS,
	ITEM_FIELDS,
	ITEM_REQUIRED_FIELDS,
	itemProblems,
	PART_DETAIL_FIELDS,
	TIRE_DETAIL_FIELDS,
} from '../../../shared/autoleap/fields/item';
import { companySelect, enumOptions } from '../../../shared/parameters';
import { runBulkWrite } from '../../shared/bulkWrite';
import {
	bulkOptions,
	fieldOptions,
	fieldsCollection,
	inputMode,
	recordJson,
} from '../../shared/inputs';
import { recordFromParameters } from '../../shared/recordInput';
import { inDocumentedCase } from '../../../shared/autoleap/fields/spec';

const show = { resource: ['item'], operation: ['create'] };
const fieldsMode = { ...show, inputMode: ['fields'] };

export const itemCreateDescription: INodeProperties[] = [
	companySelect(show),
	inputMode(show),
	recordJson(
		show,
		JSON.stringify(
			{
				itemType: 'part',
				itemName: 'Brake Pad Set',
				itemNumber: 'BP12345',
				status: 'Active',
				taxable: true,
				partDetails: { defaultQuantity: 1, costPerUnit: 25.5, pricePerUnit: 45 },
			},
			null,
			2,
		),
	),
	{
		displayName: 'Item Type',
		name: 'itemType',
		type: 'options',
		default: 'part',
		description: 'AutoLeap creates only parts and tires through its API',
		options: enumOptions(ITEM_TYPES),
		displayOptions: { show: fieldsMode },
	},
	{
		displayName: 'Item Name',
		name: 'itemName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Brake Pad Set',
		displayOptions: { show: fieldsMode },
	},
	{
		displayName: 'Item Number',
		name: 'itemNumber',
		type: 'string',
		default: '',
		required: true,
		description: 'Part number or SKU',
		placeholder: 'e.g. BP12345',
		displayOptions: { show: fieldsMode },
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'Active',
		options: enumOptions(ITEM_STATUSES),
		displayOptions: { show: fieldsMode },
	},
	{
		displayName: 'Taxable',
		name: 'taxable',
		type: 'boolean',
		default: true,
		description: 'Whether the item is taxed',
		displayOptions: { show: fieldsMode },
	},
	{
		displayName: 'Part Details',
		name: 'partDetails',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		description: 'A part needs at least one of these',
		displayOptions: { show: { ...fieldsMode, itemType: ['part'] } },
		options: fieldOptions(PART_DETAIL_FIELDS),
	},
	{
		displayName: 'Tire Details',
		name: 'tireDetails',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		description: 'A tire needs at least one of these',
		displayOptions: { show: { ...fieldsMode, itemType: ['tire'] } },
		options: fieldOptions(TIRE_DETAIL_FIELDS),
	},
	fieldsCollection('additionalFields', { show: fieldsMode }, fieldOptions(ITEM_FIELDS)),
	bulkOptions(show),
];

/** The typed inputs of the fields mode, with the details collection of the chosen type. */
function typedInputs(this: IExecuteFunctions, itemIndex: number): IDataObject {
	if (this.getNodeParameter('inputMode', itemIndex, 'fields') !== 'fields') return {};
	const itemType = this.getNodeParameter('itemType', itemIndex) as string;
	const details = ITEM_DETAILS[itemType === 'tire' ? 'tire' : 'part'];
	return {
		itemType,
		itemName: this.getNodeParameter('itemName', itemIndex, '') as string,
		itemNumber: this.getNodeParameter('itemNumber', itemIndex, '') as string,
		status: this.getNodeParameter('status', itemIndex) as string,
		taxable: this.getNodeParameter('taxable', itemIndex) as boolean,
		[details]: this.getNodeParameter(details, itemIndex, {}) as IDataObject,
	};
}

export async function createItems(this: IExecuteFunctions) {
	return await runBulkWrite.call(this, {
		method: 'POST',
		path: PATHS.items,
		bodyKey: BULK_KEYS.item,
		idFields: [],
		buildRecord(itemIndex) {
			return inDocumentedCase(
				recordFromParameters.call(
					this,
					itemIndex,
					'additionalFields',
					typedInputs.call(this, itemIndex),
				),
				[...ITEM_REQUIRED_FIELDS, ...ITEM_FIELDS],
			);
		},
		problems: itemProblems,
	});
}
