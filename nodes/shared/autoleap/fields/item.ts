import type { IDataObject } from 'n8n-workflow';

import { ITEM_STATUSES, ITEM_TYPES } from '../enums';
import { entryProblems, recordProblems } from './spec';
import type { FieldSpec } from './spec';

/** The required fields, typed inputs on Create. */
export const ITEM_REQUIRED_FIELDS: readonly FieldSpec[] = [
	{ name: 'itemType', label: 'Item Type', kind: 'options', values: ITEM_TYPES },
	{ name: 'itemName', label: 'Item Name', kind: 'string' },
	{ name: 'itemNumber', label: 'Item Number', kind: 'string' },
	{ name: 'status', label: 'Status', kind: 'options', values: ITEM_STATUSES },
	{ name: 'taxable', label: 'Taxable', kind: 'boolean' },
];

export const ITEM_FIELDS: readonly FieldSpec[] = [
	{ name: 'itemNameFR', label: 'Item Name (French)', kind: 'string' },
	{ name: 'category', label: 'Category', kind: 'string', placeholder: 'e.g. Brakes' },
	{ name: 'subCategory', label: 'Sub-Category', kind: 'string' },
	{ name: 'subSubCategory', label: 'Sub-Sub-Category', kind: 'string' },
	{ name: 'description', label: 'Description', kind: 'string' },
	{ name: 'descriptionFR', label: 'Description (French)', kind: 'string' },
	{
		name: 'displayQuantityOnRO',
		label: 'Display Quantity on RO',
		kind: 'boolean',
		description: 'Whether repair orders show the quantity',
	},
	{
		name: 'displayDescriptionOnRO',
		label: 'Display Description on RO',
		kind: 'boolean',
		description: 'Whether repair orders show the description',
	},
	{
		name: 'commissionable',
		label: 'Commissionable',
		kind: 'boolean',
		description: 'Whether technicians earn commission on the item',
	},
	{ name: 'internalNotes', label: 'Internal Notes', kind: 'string' },
	{ name: 'salesCodeName', label: 'Sales Code Name', kind: 'string' },
	{ name: 'salesCode', label: 'Sales Code', kind: 'string' },
];

/** Documented up to pricePerUnit; the rest appears only in the portal example. */
export const PART_DETAIL_FIELDS: readonly FieldSpec[] = [
	{ name: 'defaultQuantity', label: 'Default Quantity', kind: 'integer' },
	{ name: 'costPerUnit', label: 'Cost per Unit', kind: 'number' },
	{ name: 'pricePerUnit', label: 'Price per Unit', kind: 'number' },
	{
		name: 'hasCore',
		label: 'Has Core',
		kind: 'boolean',
		description: 'Whether the part carries a core charge',
	},
	{ name: 'coreCost', label: 'Core Cost', kind: 'number' },
	{ name: 'totalCost', label: 'Total Cost', kind: 'number' },
	{
		name: 'isStockItem',
		label: 'Is Stock Item',
		kind: 'boolean',
		description: 'Whether the shop keeps the part in stock',
	},
	{ name: 'supplier', label: 'Supplier', kind: 'string', placeholder: 'e.g. NAPA' },
	{ name: 'brand', label: 'Brand', kind: 'string', placeholder: 'e.g. NAPA Pro' },
];

/** Known only from the portal example. */
export const TIRE_DETAIL_FIELDS: readonly FieldSpec[] = [
	{
		name: 'tireDisplayName',
		label: 'Tire Display Name',
		kind: 'string',
		placeholder: 'e.g. Goodyear Eagle F1',
	},
	{ name: 'brand', label: 'Brand', kind: 'string', placeholder: 'e.g. Goodyear' },
	{ name: 'model', label: 'Model', kind: 'string', placeholder: 'e.g. Eagle F1' },
	{ name: 'tireWidth', label: 'Tire Width', kind: 'integer', placeholder: 'e.g. 245' },
	{ name: 'tireProfile', label: 'Tire Profile', kind: 'integer', placeholder: 'e.g. 40' },
	{
		name: 'tireSize',
		label: 'Tire Size',
		kind: 'string',
		description: 'Rim size',
		placeholder: 'e.g. 18',
	},
	{ name: 'defaultQuantity', label: 'Default Quantity', kind: 'integer' },
	{ name: 'costPerUnit', label: 'Cost per Unit', kind: 'number' },
	{ name: 'pricePerUnit', label: 'Price per Unit', kind: 'number' },
	{
		name: 'seasonality',
		label: 'Seasonality',
		kind: 'integer',
		description: 'AutoLeap season code (undocumented meaning)',
	},
];

/** The details object each creatable item type must carry. */
export const ITEM_DETAILS = { part: 'partDetails', tire: 'tireDetails' } as const;

/** A part must carry partDetails and a tire tireDetails (reference: POST /items). */
export function itemProblems(record: IDataObject): string[] {
	const problems = [
		...recordProblems(
			record,
			[...ITEM_REQUIRED_FIELDS, ...ITEM_FIELDS],
			ITEM_REQUIRED_FIELDS.map((spec) => spec.name),
		),
		...entryProblems(record, ITEM_DETAILS.part, PART_DETAIL_FIELDS),
		...entryProblems(record, ITEM_DETAILS.tire, TIRE_DETAIL_FIELDS),
	];
	const details = ITEM_DETAILS[record.itemType as keyof typeof ITEM_DETAILS] as string | undefined;
	const value = details ? record[details] : undefined;
	if (details && (typeof value !== 'object' || value === null || Object.keys(value).length === 0)) {
		problems.push(
			`"${details}" is required for a ${record.itemType as string} (give at least one of its fields)`,
		);
	}
	return problems;
}
