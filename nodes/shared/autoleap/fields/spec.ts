import type { IDataObject } from 'n8n-workflow';

/**
 * One list of fields per AutoLeap record: it yields both the node's inputs (see the node's
 * `fieldOptions`) and the checks each record passes before it is sent, so a field is described once.
 */
export interface FieldSpec {
	name: string;
	label: string;
	kind: 'string' | 'number' | 'integer' | 'boolean' | 'options' | 'dateTime' | 'color';
	/** Allowed values for `options` fields, as AutoLeap spells them. */
	values?: readonly string[];
	/** The documented values are known to be incomplete: offer them, but let other values through. */
	openList?: boolean;
	/** The input's default when it is not the kind's usual one. */
	default?: string | number | boolean;
	description?: string;
	placeholder?: string;
}

const empty = (value: unknown) => value === undefined || value === null || value === '';

/**
 * The record with every enumerated value spelt as AutoLeap documents it, whatever its case
 * (`Regular` → `regular`: the reference's own customer example sends "Regular"). Nested lists
 * and objects are handled through `nested` (field → its entries' specs).
 */
export function inDocumentedCase(
	record: IDataObject,
	specs: readonly FieldSpec[],
	nested: Record<string, readonly FieldSpec[]> = {},
): IDataObject {
	const out: IDataObject = { ...record };
	for (const spec of specs) {
		const value = out[spec.name];
		if (spec.kind !== 'options' || typeof value !== 'string') continue;
		out[spec.name] =
			spec.values?.find((documented) => documented.toLowerCase() === value.trim().toLowerCase()) ??
			value;
	}
	for (const [field, entrySpecs] of Object.entries(nested)) {
		const value = out[field];
		const fix = (entry: unknown) =>
			entry !== null && typeof entry === 'object' && !Array.isArray(entry)
				? inDocumentedCase(entry as IDataObject, entrySpecs)
				: entry;
		if (Array.isArray(value)) out[field] = value.map(fix) as IDataObject[];
		else if (value !== undefined) out[field] = fix(value) as IDataObject;
	}
	return out;
}

/** What is wrong with a record, each problem naming its field; empty when it may be sent. */
export function recordProblems(
	record: IDataObject,
	specs: readonly FieldSpec[],
	required: readonly string[] = [],
): string[] {
	const problems: string[] = [];
	for (const name of required) {
		if (empty(record[name])) problems.push(`"${name}" is required`);
	}
	for (const spec of specs) {
		const value = record[spec.name];
		if (empty(value)) continue;
		const problem = fieldProblem(spec, value);
		if (problem) problems.push(`"${spec.name}" ${problem}`);
	}
	return problems;
}

function fieldProblem(spec: FieldSpec, value: unknown): string | undefined {
	switch (spec.kind) {
		case 'number':
			return typeof value === 'number' && Number.isFinite(value)
				? undefined
				: `must be a number (got ${quoted(value)})`;
		case 'integer':
			return Number.isInteger(value) ? undefined : `must be a whole number (got ${quoted(value)})`;
		case 'boolean':
			return typeof value === 'boolean'
				? undefined
				: `must be true or false (got ${quoted(value)})`;
		case 'options':
			if (spec.openList)
				return typeof value === 'string' ? undefined : `must be text (got ${quoted(value)})`;
			return spec.values?.includes(value as string)
				? undefined
				: `must be one of ${spec.values?.join(', ')} (got ${quoted(value)})`;
		default:
			return typeof value === 'string' ? undefined : `must be text (got ${quoted(value)})`;
	}
}

/** A value as a problem quotes it: JSON, cut to 40 characters. */
function quoted(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * Problems of nested entries — a list such as `phones` or one object such as `mainAddress` —
 * each named by its path, e.g. `"phones[1].type"`.
 */
export function entryProblems(
	record: IDataObject,
	field: string,
	specs: readonly FieldSpec[],
): string[] {
	const value = record[field];
	if (value === undefined || value === null) return [];
	const many = Array.isArray(value);
	const problems: string[] = [];
	(many ? value : [value]).forEach((entry: unknown, index) => {
		const path = many ? `${field}[${index}]` : field;
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
			problems.push(`"${path}" must be an object (got ${quoted(entry)})`);
			return;
		}
		for (const problem of recordProblems(entry as IDataObject, specs))
			problems.push(problem.replace(/^"/, `"${path}.`));
	});
	return problems;
}
