import { NodeOperationError, jsonParse } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CONTACT_GROUPS, TAGS_GROUP } from '../../shared/autoleap/fields/contact';
import type { EntryGroup } from '../../shared/autoleap/fields/contact';
import { isObject } from '../../shared/autoleap/client';

/** The nested collections by name: the AutoLeap field, and whether it holds a list or one object. */
const GROUPS = new Map<string, EntryGroup>(
	[...CONTACT_GROUPS, TAGS_GROUP].map((group) => [group.field, group]),
);

/** Turns n8n's collection shapes into AutoLeap's (lists of tags, phones…; hex colours without '#'). */
export function toAutoLeapFields(fields: IDataObject): IDataObject {
	const record: IDataObject = {};
	for (const [name, value] of Object.entries(fields)) {
		const group = GROUPS.get(name);
		if (group && isObject(value)) {
			// A single-value fixedCollection holds one object, a multiple-value one a list.
			const raw = value[group.entry];
			const entries = (
				Array.isArray(raw) ? (raw as IDataObject[]) : isObject(raw) ? [raw] : []
			).map(withoutHash);
			if (group.many) record[name] = entries;
			else if (entries.length > 0) record[name] = entries[0];
			continue;
		}
		record[name] = value;
	}
	return record;
}

function withoutHash(entry: IDataObject): IDataObject {
	return typeof entry.color === 'string'
		? { ...entry, color: entry.color.replace(/^#/, '').toUpperCase() }
		: entry;
}

/**
 * The record one input item describes: the typed inputs plus a collection of optional fields, or
 * in JSON mode the whole record. `fixed` (e.g. the chosen customer) always wins.
 */
export function recordFromParameters(
	this: IExecuteFunctions,
	itemIndex: number,
	collection: 'additionalFields' | 'updateFields',
	fixed: IDataObject = {},
): IDataObject {
	const mode = this.getNodeParameter('inputMode', itemIndex, 'fields') as string;
	if (mode === 'json') {
		const raw = this.getNodeParameter('recordJson', itemIndex) as unknown;
		const parsed = typeof raw === 'string' ? parseJson.call(this, raw, itemIndex) : raw;
		if (!isObject(parsed)) {
			throw new NodeOperationError(
				this.getNode(),
				`Item ${itemIndex + 1}: "Record (JSON)" must be a JSON object`,
				{ itemIndex },
			);
		}
		return { ...parsed, ...dropEmpty(fixed) };
	}
	const fields = this.getNodeParameter(collection, itemIndex, {}) as IDataObject;
	return { ...toAutoLeapFields(fields), ...dropEmpty(fixed) };
}

function parseJson(this: IExecuteFunctions, raw: string, itemIndex: number): unknown {
	try {
		return jsonParse(raw);
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`Item ${itemIndex + 1}: "Record (JSON)" is not valid JSON`,
			{
				itemIndex,
				description: (error as Error).message,
			},
		);
	}
}

function dropEmpty(values: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(values).filter(([, value]) => value !== undefined && value !== ''),
	);
}
