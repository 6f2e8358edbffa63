import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { listOperations, loadContract, resolveParam } from './contract';

/**
 * Request validation against reference/openapi.yaml with Ajv (JSON Schema 2020-12, as OpenAPI 3.1
 * uses). Schemas are taken from the document as they are; only OpenAPI-only keys (x-*, example)
 * are dropped and local $refs are pointed at the document's components.
 */
const CONTRACT_ID = 'urn:autoleap:contract';

// Date filters accept a date-only value or an ISO date-time (README §6), also where the
// contract says format: date-time; the routes turn the string into an instant.
const DATE_OR_DATE_TIME =
	/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

interface OperationValidators {
	params: ValidateFunction;
	body?: ValidateFunction;
	bodyRequired: boolean;
}

let ajvs: { params: Ajv2020; body: Ajv2020 } | undefined;
const compiled = new Map<string, OperationValidators>();

/** Copy of a schema without OpenAPI-only keys, with '#/components/...' refs made absolute. */
function clean(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(clean);
	if (!node || typeof node !== 'object') return node;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(node)) {
		if (k.startsWith('x-') || k === 'example') continue;
		if (k === '$ref' && typeof v === 'string' && v.startsWith('#/')) out[k] = `${CONTRACT_ID}${v}`;
		else out[k] = clean(v);
	}
	return out;
}

function newAjv(coerce: boolean): Ajv2020 {
	const ajv = new Ajv2020({
		strict: false,
		allErrors: false,
		coerceTypes: coerce,
		validateFormats: true,
	});
	ajv.addFormat('date-time', DATE_OR_DATE_TIME);
	ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
	ajv.addSchema({ $id: CONTRACT_ID, components: clean(loadContract().components) });
	return ajv;
}

/** Validators of one operation, compiled on first use (compiling all costs ~1 s per test file). */
export function getValidators(operationId: string): OperationValidators | undefined {
	const hit = compiled.get(operationId);
	if (hit) return hit;
	const doc = loadContract();
	const op = listOperations(doc).find((o) => o.operationId === operationId);
	if (!op) return undefined;
	ajvs ??= { params: newAjv(true), body: newAjv(false) };
	const raw = doc.paths[op.path][op.method.toLowerCase()];
	const params = [...(doc.paths[op.path].parameters ?? []), ...(raw.parameters ?? [])].map(
		(p: any) => resolveParam(doc, p),
	);
	const group = (where: string) => ({
		type: 'object',
		properties: Object.fromEntries(
			params.filter((p: any) => p.in === where).map((p: any) => [p.name, clean(p.schema ?? {})]),
		),
		required: params.filter((p: any) => p.in === where && p.required).map((p: any) => p.name),
	});
	const bodySchema = raw.requestBody?.content?.['application/json']?.schema;
	const v: OperationValidators = {
		params: ajvs.params.compile({
			type: 'object',
			properties: { path: group('path'), query: group('query') },
		}),
		body: bodySchema
			? ajvs.body.compile({ type: 'object', properties: { requestBody: clean(bodySchema) } })
			: undefined,
		bodyRequired: raw.requestBody?.required === true,
	};
	compiled.set(operationId, v);
	return v;
}

export interface ValidationInput {
	operationId: string;
	params: Record<string, string>;
	query: Record<string, string>;
	body: unknown;
	hasBody: boolean;
}

export interface ValidationOutput {
	error?: string;
	/** Query with declared types applied (integers, booleans). */
	query: Record<string, any>;
}

export function validateRequest(input: ValidationInput): ValidationOutput {
	const v = getValidators(input.operationId);
	if (!v) throw new Error(`No validator for ${input.operationId}`);
	const data = { path: { ...input.params }, query: { ...input.query } };
	if (!v.params(data)) return { error: describeError(v.params.errors?.[0]), query: input.query };
	if (v.body) {
		if (!input.hasBody) {
			if (v.bodyRequired) return { error: 'request body is required', query: data.query };
		} else if (!v.body({ requestBody: input.body })) {
			return { error: describeError(v.body.errors?.[0]), query: data.query };
		}
	}
	return { query: data.query };
}

/** "/requestBody/vehicles/2/transmission" -> "vehicles[2].transmission" */
function fieldName(segments: string[]): string {
	let out = '';
	for (const s of segments) {
		const seg = s.replace(/~1/g, '/').replace(/~0/g, '~');
		if (/^\d+$/.test(seg)) out += `[${seg}]`;
		else out += out ? `.${seg}` : seg;
	}
	return out;
}

/** One readable sentence naming the offending field (the API documents no error arrays). */
export function describeError(err: ErrorObject | undefined): string {
	if (!err) return 'invalid request';
	const parts = err.instancePath.split('/').slice(1);
	const area = parts.shift(); // query | path | requestBody
	const p = err.params as Record<string, any>;
	if (area === 'query' || area === 'path') {
		const label = area === 'query' ? 'query parameter' : 'path parameter';
		if (err.keyword === 'required') return `${label} "${p.missingProperty}" is required`;
		return `${fieldName(parts)} ${describeProblem(err)}`;
	}
	if (err.keyword === 'required') return `${fieldName([...parts, p.missingProperty])} is required`;
	return `${parts.length ? fieldName(parts) : 'request body'} ${describeProblem(err)}`;
}

function describeProblem(err: ErrorObject): string {
	const p = err.params as Record<string, any>;
	switch (err.keyword) {
		case 'enum':
			return `must be one of: ${(p.allowedValues as unknown[]).join(', ')}`;
		case 'type':
			return `must be ${/^[aeiou]/.test(String(p.type)) ? 'an' : 'a'} ${p.type}`;
		case 'format':
			return p.format === 'date-time'
				? 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time'
				: `must match format "${p.format}"`;
		case 'minItems':
			return `must contain at least ${p.limit} element${p.limit === 1 ? '' : 's'}`;
		case 'minimum':
		case 'maximum':
			return `must be ${p.comparison} ${p.limit}`;
		case 'const':
			return `must be ${JSON.stringify(p.allowedValue)}`;
		default:
			return err.message ?? 'is invalid';
	}
}
