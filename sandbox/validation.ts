import { OpenAPIBackend } from 'openapi-backend';
import { loadContract } from './contract';

/**
 * Request validation against reference/openapi.yaml, done by openapi-backend (Ajv underneath).
 * quick mode skips validating the 3.1 document itself, which openapi-backend's 3.0 meta-schema rejects.
 */
let backend: OpenAPIBackend | undefined;
let ready: Promise<OpenAPIBackend> | undefined;

// Date filters accept a date-only value or an ISO date-time (README §6), also where the
// contract says format: date-time; the routes turn the string into an instant.
const DATE_OR_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

export function getValidator(): Promise<OpenAPIBackend> {
	ready ??= (async () => {
		const api = new OpenAPIBackend({
			definition: structuredClone(loadContract()),
			quick: true,
			validate: true,
			coerceTypes: true,
			customizeAjv: (ajv) => {
				ajv.addFormat('date-time', DATE_OR_DATE_TIME);
				ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
				return ajv;
			},
		});
		await api.init();
		backend = api;
		return api;
	})();
	return ready;
}

export interface ValidationInput {
	operationId: string;
	method: string;
	canonicalPath: string;
	query: Record<string, string>;
	body: unknown;
	hasBody: boolean;
}

export interface ValidationOutput {
	error?: string;
	query: Record<string, any>;
}

export function validateRequest(input: ValidationInput): ValidationOutput {
	if (!backend) throw new Error('validator not initialised');
	const result = backend.validator.validateRequest(
		{
			method: input.method.toLowerCase(),
			path: input.canonicalPath,
			query: { ...input.query },
			headers: input.hasBody ? { 'content-type': 'application/json' } : {},
			body: input.hasBody ? (input.body as any) : undefined,
		},
		input.operationId,
	);
	if (result.errors && result.errors.length) return { error: describeError(result.errors[0]), query: input.query };
	return { query: (result.coerced?.query as Record<string, any>) ?? input.query };
}

interface AjvLikeError {
	instancePath: string;
	keyword: string;
	params: any;
	message?: string;
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
export function describeError(err: AjvLikeError): string {
	const parts = err.instancePath.split('/').slice(1);
	const area = parts.shift(); // query | path | requestBody | undefined (root)
	if (!area && err.keyword === 'required' && err.params?.missingProperty === 'requestBody') {
		return 'request body is required';
	}
	if (area === 'query' || area === 'path') {
		const label = area === 'query' ? 'query parameter' : 'path parameter';
		if (err.keyword === 'required') return `${label} "${err.params.missingProperty}" is required`;
		return `${fieldName(parts)} ${describeProblem(err)}`;
	}
	if (area === 'requestBody') {
		if (err.keyword === 'required') {
			return `${fieldName([...parts, err.params.missingProperty])} is required`;
		}
		return `${parts.length ? fieldName(parts) : 'request body'} ${describeProblem(err)}`;
	}
	return err.message ?? 'invalid request';
}

function describeProblem(err: AjvLikeError): string {
	const p = err.params ?? {};
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
