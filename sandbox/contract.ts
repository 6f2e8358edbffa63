import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The repo's own copy of the contract; the sandbox never reads anything outside the repo. */
export const CONTRACT_PATH = join(__dirname, '..', 'reference', 'openapi.yaml');

export interface ContractOperation {
	operationId: string;
	method: string; // upper case
	path: string; // template, e.g. /vehicles/{vehicleId}
	segments: string[];
	/** Query parameter names the operation declares (others are ignored, as real APIs do). */
	queryParams: Set<string>;
	needsAuth: boolean;
}

export interface RouteMatch {
	op: ContractOperation;
	params: Record<string, string>;
}

let cached: any;
export function loadContract(): any {
	if (!cached) cached = parse(readFileSync(CONTRACT_PATH, 'utf8'));
	return cached;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function resolveParam(doc: any, p: any): any {
	if (!p.$ref) return p;
	const name = String(p.$ref).split('/').pop() as string;
	return doc.components.parameters[name];
}

export function listOperations(doc: any = loadContract()): ContractOperation[] {
	const ops: ContractOperation[] = [];
	for (const [path, item] of Object.entries<any>(doc.paths)) {
		for (const method of METHODS) {
			const op = item[method];
			if (!op) continue;
			const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) =>
				resolveParam(doc, p),
			);
			ops.push({
				operationId: op.operationId,
				method: method.toUpperCase(),
				path,
				segments: path.split('/').filter(Boolean),
				queryParams: new Set(params.filter((p) => p.in === 'query').map((p) => p.name)),
				needsAuth: !(Array.isArray(op.security) && op.security.length === 0),
			});
		}
	}
	return ops;
}

/** Case-insensitive router: the portal shows lower-cased slugs (README §12), so both spellings work. */
export class ContractRouter {
	constructor(private readonly ops: ContractOperation[]) {}

	/** undefined = no such path; 'method' = path exists but not with this method. */
	match(method: string, path: string): RouteMatch | 'method' | undefined {
		const parts = path.split('/').filter(Boolean);
		let pathExists = false;
		// Literal templates win over parameterised ones (/appointmentRequests/create vs /{id}).
		const candidates = [...this.ops].sort((a, b) => countParams(a) - countParams(b));
		for (const op of candidates) {
			const params = matchSegments(op.segments, parts);
			if (!params) continue;
			if (op.method !== method) {
				pathExists = true;
				continue;
			}
			return { op, params };
		}
		return pathExists ? 'method' : undefined;
	}
}

const isParam = (s: string) => s.startsWith('{') && s.endsWith('}');
const countParams = (op: ContractOperation) => op.segments.filter(isParam).length;

function matchSegments(template: string[], parts: string[]): Record<string, string> | undefined {
	if (template.length !== parts.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < template.length; i++) {
		const t = template[i];
		if (isParam(t)) params[t.slice(1, -1)] = safeDecode(parts[i]);
		else if (t.toLowerCase() !== parts[i].toLowerCase()) return undefined;
	}
	return params;
}

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}
