import type { INodeProperties } from 'n8n-workflow';

import { APP_PAGES, appRecordUrl } from '../../shared/autoleap/endpoints';
import { optionName } from '../../shared/autoleap/enums';
import type { EntryGroup } from '../../shared/autoleap/fields/contact';
import type { FieldSpec } from '../../shared/autoleap/fields/spec';
import { enumOptions } from '../../shared/parameters';
import type { ShownFor } from '../../shared/parameters';
import { DEFAULT_BATCH_SIZE } from './bulkWrite';

/** Inputs several operations share. */

/** A customer or vehicle chosen from a searchable list, by ID, or by its AutoLeap URL. */
export function recordLocator(
	kind: 'customer' | 'vehicle',
	shownFor: ShownFor,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	const page = APP_PAGES[kind];
	const locator: INodeProperties = {
		displayName: optionName(kind),
		name: `${kind}Id`,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `The ${kind} to use`,
		displayOptions: { show: shownFor },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: {
					searchListMethod: kind === 'customer' ? 'searchCustomers' : 'searchVehicles',
					searchable: true,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 4958393',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[A-Za-z0-9_-]+$', errorMessage: `Not a valid ${kind} ID` },
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${appRecordUrl(kind, 4958393)}`,
				extractValue: { type: 'regex', regex: `/${page}/([A-Za-z0-9_-]+)` },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `.*/${page}/[A-Za-z0-9_-]+.*`,
							errorMessage: `Not an AutoLeap ${kind} URL`,
						},
					},
				],
			},
		],
		...extra,
	};
	// An optional locator (a filter) leaves `required` out, as n8n's lint asks.
	if (!locator.required) delete locator.required;
	return locator;
}

/** An item's AutoLeap ID (AutoLeap offers no item search to pick from beyond the list itself). */
export function itemIdInput(
	shownFor: ShownFor,
	description = 'The ID of the item',
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Item ID',
		name: 'itemId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 771203',
		description,
		displayOptions: { show: shownFor },
		...extra,
	};
}

/** Options of the bulk writes. */
export function bulkOptions(shownFor: ShownFor): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: shownFor },
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

/** The optional fields of a Create (Additional Fields) or of an Update (Update Fields), alphabetised. */
export function fieldsCollection(
	name: 'additionalFields' | 'updateFields',
	displayOptions: INodeProperties['displayOptions'],
	unsorted: INodeProperties[],
): INodeProperties {
	const options = [...unsorted].sort((a, b) => a.displayName.localeCompare(b.displayName));
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
		: {
				displayName: 'Additional Fields',
				name,
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				displayOptions,
				options,
			};
}

/** Fields as inputs, or the whole record as JSON for power users. */
export function inputMode(shownFor: ShownFor): INodeProperties {
	return {
		displayName: 'Input Mode',
		name: 'inputMode',
		type: 'options',
		noDataExpression: true,
		default: 'fields',
		displayOptions: { show: shownFor },
		options: [
			{ name: 'Fields', value: 'fields', description: 'Fill in the fields below' },
			{ name: 'JSON', value: 'json', description: 'Give the whole AutoLeap record as JSON' },
		],
	};
}

export function recordJson(shownFor: ShownFor, example: string): INodeProperties {
	return {
		displayName: 'Record (JSON)',
		name: 'recordJson',
		type: 'json',
		default: example,
		required: true,
		description: 'The AutoLeap record, as the API documents it',
		displayOptions: { show: { ...shownFor, inputMode: ['json'] } },
	};
}

/** One input per field spec, alphabetised as n8n lists a collection's fields. */
export function fieldOptions(specs: readonly FieldSpec[]): INodeProperties[] {
	return [...specs]
		.sort((a, b) => a.label.localeCompare(b.label))
		.map((spec) => {
			const base = {
				displayName: spec.label,
				name: spec.name,
				description: spec.description,
				placeholder: spec.placeholder,
			};
			switch (spec.kind) {
				case 'boolean':
					return { ...base, type: 'boolean', default: spec.default ?? false };
				case 'number':
				case 'integer':
					return {
						...base,
						type: 'number',
						default: spec.default ?? 0,
						typeOptions: spec.kind === 'integer' ? { numberPrecision: 0 } : undefined,
					};
				case 'options':
					return {
						...base,
						type: 'options',
						default: spec.default ?? spec.values?.[0] ?? '',
						options: enumOptions(spec.values ?? []),
					};
				case 'dateTime':
				case 'color':
					return { ...base, type: spec.kind, default: spec.default ?? '' };
				default:
					return { ...base, type: 'string', default: spec.default ?? '' };
			}
		}) as INodeProperties[];
}

/** A nested collection (phones, emails, an address, tags) built from the specs that check it. */
export function entryCollection(group: EntryGroup): INodeProperties {
	const entry = optionName(group.entry);
	return {
		displayName: group.label,
		name: group.field,
		type: 'fixedCollection',
		...(group.many ? { typeOptions: { multipleValues: true } } : {}),
		placeholder: `Add ${entry}`,
		default: {},
		options: [{ displayName: entry, name: group.entry, values: fieldOptions(group.specs) }],
	};
}
