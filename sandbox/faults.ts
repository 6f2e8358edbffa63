import { RESOURCE_NAMES } from './store';
import type { FaultHit, FaultKind, FaultSpec, PendingFault, ResourceName } from './types';

/** Statuses a `status` fault may answer, with AutoLeap's {success:false,error} body. */
export const FAULT_TEXT: Record<number, string> = {
	400: 'Bad request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not found',
	408: 'Request timeout',
	429: 'Rate limit exceeded',
	500: 'Internal server error',
	502: 'Bad gateway',
	503: 'Service unavailable',
	504: 'Gateway timeout',
};

/** Variants per kind; the first is the default. */
const VARIANTS: Partial<Record<FaultKind, string[]>> = {
	empty: ['plain', 'json'],
	truncated: ['body', 'connection'],
	ignorePage: ['page1', 'neverLast'],
	totalsLie: ['inflate', 'lastEarly', 'deflate'],
	echoSecrets: ['all', 'invalidToken', 'tokenParam', 'body'],
	rejectRecords: ['index', 'id'],
};
const KINDS: FaultKind[] = [
	'status',
	'html',
	'successFalse',
	'empty',
	'truncated',
	'hang',
	'reset',
	'delay',
	'ignorePage',
	'totalsLie',
	'echoSecrets',
	'rejectRecords',
	'change',
];
const KEYS = new Set([
	'kind',
	'count',
	'persistent',
	'method',
	'path',
	'query',
	'label',
	'status',
	'error',
	'headers',
	'applied',
	'ms',
	'variant',
	'body',
	'cutAt',
	'extra',
	'indexes',
	'ids',
	'idField',
	'field',
	'skip',
	'changes',
]);
const METHODS = ['GET', 'WRITE', 'POST', 'PUT', 'PATCH', 'DELETE'];

export interface FaultRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
	authorization?: string;
}

/** Faults that answer instead of the API; the others alter the API's 200 answer. */
export function answersInstead(f: PendingFault, method: string): boolean {
	const write = method !== 'GET';
	if (f.kind === 'ignorePage' || f.kind === 'totalsLie' || f.kind === 'change') return false;
	if (f.kind === 'truncated') return write && !f.applied;
	if (f.kind === 'hang' || f.kind === 'reset') return !(write && f.applied);
	return true;
}

/** Queue of injected faults, matched by method, path (and below) and query. */
export class FaultQueue {
	private faults: PendingFault[] = [];
	private nextId = 1;

	add(spec: FaultSpec): PendingFault {
		const f = checkFault(spec);
		const pending: PendingFault = {
			...f,
			id: this.nextId++,
			kind: f.kind ?? 'status',
			used: 0,
			path: f.path ? normalise(f.path) : undefined,
		};
		pending.count = f.persistent ? undefined : (f.count ?? 1);
		pending.variant ??= VARIANTS[pending.kind]?.[0];
		this.faults.push(pending);
		return { ...pending };
	}

	clear(id?: number): void {
		this.faults = id === undefined ? [] : this.faults.filter((f) => f.id !== id);
	}

	pending(): PendingFault[] {
		return this.faults.map((f) => ({ ...f }));
	}

	/** Oldest fault matching the request, of the given phase, that `accept` agrees to (not consumed). */
	first(
		r: FaultRequest,
		instead: boolean,
		accept: (f: PendingFault) => boolean = () => true,
	): PendingFault | undefined {
		return this.faults.find(
			(f) => matches(f, r) && answersInstead(f, r.method) === instead && accept(f) && !skipped(f),
		);
	}

	/** Consumes one use of the fault; returns what the request log records. */
	use(f: PendingFault, method: string): FaultHit {
		f.used++;
		if (!f.persistent && f.count !== undefined && --f.count <= 0)
			this.faults = this.faults.filter((x) => x !== f);
		const hit: FaultHit = { id: f.id, kind: f.kind };
		if (f.variant) hit.variant = f.variant;
		if (f.label) hit.label = f.label;
		if (method !== 'GET' && (f.kind === 'truncated' || f.kind === 'hang' || f.kind === 'reset'))
			hit.applied = !!f.applied;
		return hit;
	}
}

/** `skip`: the first matching requests pass untouched (e.g. fault only the second batch of a run). */
function skipped(f: PendingFault): boolean {
	if (!f.skip || f.skip <= 0) return false;
	f.skip--;
	return true;
}

function matches(f: PendingFault, r: FaultRequest): boolean {
	if (f.method && !(f.method === r.method || (f.method === 'WRITE' && r.method !== 'GET')))
		return false;
	const p = r.path.toLowerCase();
	if (f.path && !(p === f.path.toLowerCase() || p.startsWith(f.path.toLowerCase() + '/')))
		return false;
	return Object.entries(f.query ?? {}).every(([k, v]) => r.query[k] === String(v));
}

/** Rejects misspelt or impossible specs (admin callers send raw JSON). */
export function checkFault(spec: FaultSpec): FaultSpec {
	if (!spec || typeof spec !== 'object' || Array.isArray(spec))
		throw new Error('A fault must be an object');
	const unknown = Object.keys(spec).filter((k) => !KEYS.has(k));
	if (unknown.length) throw new Error(`Unknown fault field(s): ${unknown.join(', ')}`);
	const kind = spec.kind ?? 'status';
	if (!KINDS.includes(kind))
		throw new Error(`Unknown fault kind "${String(kind)}" (one of: ${KINDS.join(', ')})`);
	const bad = (msg: string) => new Error(`${kind} fault: ${msg}`);
	if (
		!spec.persistent &&
		spec.count !== undefined &&
		!(Number.isInteger(spec.count) && spec.count >= 1)
	)
		throw bad('count must be an integer >= 1 (or persistent: true)');
	if (spec.skip !== undefined && !(Number.isInteger(spec.skip) && spec.skip >= 0))
		throw bad('skip must be an integer >= 0');
	if (spec.method !== undefined && !METHODS.includes(spec.method))
		throw bad(`method must be one of ${METHODS.join(', ')}`);
	if (
		spec.query !== undefined &&
		(typeof spec.query !== 'object' ||
			Object.values(spec.query).some((v) => v === null || typeof v === 'object'))
	)
		throw bad('query must map names to values');
	const variants = VARIANTS[kind];
	if (spec.variant !== undefined && !variants?.includes(spec.variant))
		throw bad(`variant must be one of ${variants?.join(', ') ?? '(none)'}`);
	const s = spec.status;
	if (s !== undefined) {
		const ok =
			kind === 'status' || kind === 'rejectRecords'
				? s in FAULT_TEXT
				: kind === 'echoSecrets'
					? s === 200 || s in FAULT_TEXT
					: kind === 'html' || kind === 'empty'
						? Number.isInteger(s) && s >= 200 && s <= 599
						: false;
		if (!ok) throw bad(`status ${String(s)} is not supported`);
	} else if (kind === 'status') throw bad('status is required');
	if (kind === 'delay' && !(typeof spec.ms === 'number' && spec.ms >= 0))
		throw bad('ms (>= 0) is required');
	if (kind === 'change') checkChanges(spec, bad);
	if (spec.cutAt !== undefined && !(Number.isInteger(spec.cutAt) && spec.cutAt >= 0))
		throw bad('cutAt must be an integer >= 0');
	if (
		spec.indexes !== undefined &&
		!(Array.isArray(spec.indexes) && spec.indexes.every((i) => Number.isInteger(i) && i >= 0))
	)
		throw bad('indexes must be integers >= 0');
	if (
		kind === 'rejectRecords' &&
		spec.variant === 'id' &&
		!(Array.isArray(spec.ids) && spec.ids.length)
	)
		throw bad('variant "id" needs ids');
	return spec;
}

/** A change fault names existing resources, and each change either updates (id, patch) or creates. */
function checkChanges(spec: FaultSpec, bad: (msg: string) => Error): void {
	if (!Array.isArray(spec.changes) || spec.changes.length === 0) throw bad('changes are required');
	if (spec.ms !== undefined && !(typeof spec.ms === 'number' && spec.ms >= 0))
		throw bad('ms must be >= 0');
	for (const c of spec.changes) {
		if (!c || !RESOURCE_NAMES.includes(c.resource as ResourceName))
			throw bad(`each change needs a resource (one of: ${RESOURCE_NAMES.join(', ')})`);
		const update = c.id !== undefined && typeof c.patch === 'object' && c.patch !== null;
		const create = typeof c.create === 'object' && c.create !== null;
		if (update === create) throw bad('each change is either {id, patch} or {create}');
	}
}

/** "/v2/vehicles/" -> "/vehicles" */
export function normalise(path: string): string {
	let p = path.startsWith('/') ? path : `/${path}`;
	if (p.toLowerCase().startsWith('/v2/') || p.toLowerCase() === '/v2') p = p.slice(3) || '/';
	return p.length > 1 ? p.replace(/\/+$/, '') : p;
}
