import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAdmin } from './admin';
import { ContractRouter, listOperations } from './contract';
import { ApiError } from './errors';
import { accepts, cut, insteadWire, jsonWire, type Wire } from './faultReplies';
import { normalise, type FaultRequest } from './faults';
import { canLie, lie } from './pageLies';
import { ANONYMOUS_BUCKET, bucketOf } from './rateLimit';
import { HANDLERS } from './routes';
import { normaliseCustomerType } from './routes/customers';
import type { SandboxState } from './state';
import type { PendingFault, RecordChange, RequestLogEntry } from './types';
import { validateRequest } from './validation';

export const BASE_PATH = '/v2';
const MAX_BODY_BYTES = 20 * 1024 * 1024;
const SECRET_KEYS = new Set(['authKey', 'refreshToken', 'accessToken']);

interface ApiAnswer {
	status: number;
	body: unknown;
	partnerId?: string;
	/** The operation is a paged list (it takes `page`). */
	paged?: boolean;
}

const fail = (status: number, error: string, partnerId?: string): ApiAnswer => ({
	status,
	body: { success: false, error },
	partnerId,
});

let router: ContractRouter | undefined;
function getRouter(): ContractRouter {
	router ??= new ContractRouter(listOperations());
	return router;
}

export function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (c: Buffer) => {
			size += c.length;
			if (size > MAX_BODY_BYTES) {
				reject(new ApiError(413, 'Request body too large'));
				req.destroy();
			} else chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
	});
	res.end(text);
}

/** Secrets never reach the request log. */
function redact(body: unknown): unknown {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(body)) out[k] = SECRET_KEYS.has(k) ? '[redacted]' : v;
	return out;
}

export function createRequestHandler(state: SandboxState) {
	return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const method = (req.method ?? 'GET').toUpperCase();
		let text = '';
		try {
			text = await readBody(req);
		} catch (e) {
			sendJson(res, e instanceof ApiError ? e.status : 400, {
				success: false,
				error: e instanceof ApiError ? e.message : 'Unreadable request body',
			});
			return;
		}
		if (/^(\/v2)?\/__admin(\/|$)/i.test(url.pathname)) {
			await handleAdmin(state, method, url, text, res);
			return;
		}
		const query: Record<string, string> = {};
		url.searchParams.forEach((v, k) => (query[k] = v));
		const path = normalise(url.pathname);
		let parsed: unknown;
		let malformed = false;
		if (text.trim() !== '') {
			try {
				parsed = JSON.parse(text);
			} catch {
				malformed = true;
			}
		}
		const entry: RequestLogEntry = {
			method,
			path,
			query,
			body: redact(parsed),
			status: 0,
			time: state.clock.now(),
			at: Date.now(),
			remotePort: req.socket.remotePort,
		};
		state.log.push(entry);
		const onBase =
			url.pathname === BASE_PATH || url.pathname.toLowerCase().startsWith(`${BASE_PATH}/`);
		const fr: FaultRequest = {
			method,
			path,
			query,
			body: parsed,
			authorization: req.headers.authorization,
		};

		// 1. A fault that answers instead of the API (before auth and limits).
		const instead = onBase ? state.faults.first(fr, true, (f) => accepts(f, fr)) : undefined;
		let delayMs = 0;
		if (instead) {
			entry.fault = state.faults.use(instead, method);
			if (instead.kind === 'hang' || instead.kind === 'reset')
				return noAnswer(instead.kind, req, entry);
			if (instead.kind !== 'delay') return send(state, res, entry, insteadWire(instead, fr));
			delayMs = instead.ms ?? 0;
		}

		// 2. The API's own answer; page=1 whatever was asked under an ignorePage fault.
		const ignore =
			onBase && !instead
				? state.faults.first(fr, false, (f) => f.kind === 'ignorePage')
				: undefined;
		const apiQuery = ignore && query.page !== undefined ? { ...query, page: '1' } : query;
		const answer = onBase
			? answerApi(state, {
					method,
					path,
					query: apiQuery,
					body: parsed,
					hasBody: text.trim() !== '',
					malformed,
					authorization: req.headers.authorization,
				})
			: fail(404, `Route not found: ${method} ${url.pathname} (the API lives under ${BASE_PATH})`);
		entry.status = answer.status;
		entry.partnerId = answer.partnerId;

		// 3. A fault that alters a 200 answer (after the write was applied).
		const lies = (f: PendingFault) => !!answer.paged && canLie(f, answer.body);
		const alter =
			instead || answer.status !== 200
				? undefined
				: ignore && lies(ignore)
					? ignore
					: state.faults.first(
							fr,
							false,
							(f) => f.kind !== 'ignorePage' && (f.kind !== 'totalsLie' || lies(f)),
						);
		if (!alter) return send(state, res, entry, jsonWire(answer.status, answer.body), delayMs);
		entry.fault = state.faults.use(alter, method);
		if (alter.kind === 'change') {
			// The answer is already taken: the shop changes after it, before it reaches the client.
			applyChanges(state, alter.changes ?? []);
			return send(state, res, entry, jsonWire(answer.status, answer.body), alter.ms ?? 0);
		}
		if (alter.kind === 'hang' || alter.kind === 'reset') return noAnswer(alter.kind, req, entry);
		if (alter.kind === 'ignorePage' || alter.kind === 'totalsLie') lie(alter, answer.body);
		const wire = jsonWire(answer.status, answer.body);
		if (alter.kind !== 'truncated') return send(state, res, entry, wire);
		if (alter.variant === 'body') return send(state, res, entry, cut(alter, wire));
		// 'connection': the full Content-Length is announced, then the connection dies mid-body.
		await state.sleep(state.latencyMs);
		res.writeHead(wire.status, {
			...dateHeader(state),
			...wire.headers,
			'Content-Length': Buffer.byteLength(wire.text),
		});
		res.write(cut(alter, wire).text, () => res.destroy());
	};
}

async function send(
	state: SandboxState,
	res: ServerResponse,
	entry: RequestLogEntry,
	w: Wire,
	extraMs = 0,
): Promise<void> {
	entry.status = w.status;
	await state.sleep(state.latencyMs + extraMs);
	res.writeHead(w.status, {
		...dateHeader(state),
		...w.headers,
		'Content-Length': Buffer.byteLength(w.text),
	});
	res.end(w.text);
}

/** AutoLeap's clock is the sandbox's (which tests may set), so its answers carry that `Date`. */
function dateHeader(state: SandboxState): Record<string, string> {
	return { Date: new Date(state.clock.now()).toUTCString() };
}

/** What a `change` fault does to the shop: updates stamp their time, new records get an id. */
function applyChanges(state: SandboxState, changes: RecordChange[]): void {
	for (const c of changes) {
		if (c.create) state.store.stampNew(c.resource, structuredClone(c.create));
		else state.store.patch(c.resource, c.id as string | number, structuredClone(c.patch ?? {}));
	}
}

/** hang: keep the socket open until the client or close() ends it; reset: TCP RST, no answer. */
function noAnswer(kind: 'hang' | 'reset', req: IncomingMessage, entry: RequestLogEntry): void {
	entry.status = 0;
	if (kind === 'reset') {
		req.socket.resetAndDestroy();
		return;
	}
	req.socket.once('close', () => {
		entry.closedAt = Date.now();
	});
}

interface ApiRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
	hasBody: boolean;
	malformed: boolean;
	authorization?: string;
}

/** Order: route, auth, rate limit, JSON/contract validation, handler (faults are the caller's). */
export function answerApi(state: SandboxState, r: ApiRequest): ApiAnswer {
	const match = getRouter().match(r.method, r.path);
	if (match === 'method') return fail(405, `Method ${r.method} not allowed on ${r.path}`);
	if (!match) return fail(404, `Route not found: ${r.method} ${r.path}`);
	const { op } = match;

	let partnerId: string | undefined;
	let accessToken: string | undefined;
	if (op.needsAuth) {
		const auth = state.tokens.authenticate(r.authorization);
		if (!auth.ok) return fail(401, auth.error);
		partnerId = auth.partnerId;
		accessToken = auth.token;
	}
	// Login counts against the partner named in its body; refresh against the token's owner.
	const body = (r.body ?? {}) as Record<string, unknown>;
	let rateAccount = partnerId;
	if (op.operationId === 'partnerLogin')
		rateAccount = state.partner(String(body.partnerId))?.partnerId;
	if (op.operationId === 'refreshTokens')
		rateAccount = state.tokens.refreshOwner(String(body.refreshToken));
	rateAccount ??= ANONYMOUS_BUCKET;
	if (!state.limiter.take(rateAccount, bucketOf(r.method)))
		return fail(429, 'Rate limit exceeded', partnerId);

	if (r.malformed) return fail(400, 'Malformed JSON in request body', partnerId);
	if (op.operationId === 'createCustomers' || op.operationId === 'updateCustomers')
		normaliseCustomerType(r.body);
	const allowed: Record<string, string> = {};
	for (const [k, v] of Object.entries(r.query)) if (op.queryParams.has(k)) allowed[k] = v;
	const valid = validateRequest({
		operationId: op.operationId,
		params: match.params,
		query: clampSize(allowed),
		body: r.body,
		hasBody: r.hasBody,
	});
	if (valid.error) return fail(400, valid.error, partnerId);

	const handler = HANDLERS[op.operationId];
	if (!handler)
		return fail(501, `Operation ${op.operationId} is not implemented by the sandbox`, partnerId);
	try {
		const out = handler({
			operationId: op.operationId,
			params: match.params,
			query: valid.query,
			body: r.body,
			partner: state.partner(partnerId),
			accessToken,
			store: state.store,
			clock: state.clock,
			tokens: state.tokens,
			partners: state.partners,
			counters: state.counters,
			dates: state.dates,
			archived: state.archived,
		});
		return {
			status: out.status ?? 200,
			body: out.body,
			partnerId,
			paged: op.queryParams.has('page'),
		};
	} catch (e) {
		if (e instanceof ApiError) return fail(e.status, e.message, partnerId);
		console.error(`[sandbox] ${op.operationId} failed:`, e);
		return fail(500, 'Internal server error', partnerId);
	}
}

/** Oversized pages are silently reduced to 100 (documented for payments), not rejected. */
function clampSize(query: Record<string, string>): Record<string, string> {
	if (query.size !== undefined && /^\d+$/.test(query.size) && Number(query.size) > 100)
		return { ...query, size: '100' };
	return query;
}
