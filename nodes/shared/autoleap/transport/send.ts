import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { accountKeyOf, baseUrlOf, limitsOf, timingOf } from '../account';
import { checkAnswer } from './answers';
import type { Expectation } from './answers';
import { ownErrorOf, RenewalError, statusOf } from './errors';
import { budgetFor, requestKind } from './rateBudget';
import { backoffDelay, retryAfterOf, retryPolicyFor, retryReason } from './retry';

export interface AutoLeapRequest {
	method: IHttpRequestMethods;
	path: string;
	/** The company (shop) the request is for: AutoLeap takes it in the query of a read, the body of a write. */
	companyId?: string;
	qs?: IDataObject;
	body?: IDataObject;
}

/**
 * How a request leaves n8n, asked for the full response (`returnFullResponse`): resolves with the
 * parsed body and the headers of a 2xx, throws with the status otherwise. A retry is told how the
 * previous attempt failed.
 */
export type HttpPort = (
	options: IHttpRequestOptions,
	previous?: unknown,
) => Promise<{ body: unknown; headers?: object }>;

/** How often a request is tried again after its token renewal lost a rotation race (tokens.ts). */
const SUPERSEDED_RETRIES = 3;

/** AutoLeap's checked answer, and its clock: the HTTP `Date` of the answer (ms since the epoch). */
export interface Answer {
	body: unknown;
	serverTime?: number;
}

export interface SendOptions {
	port: HttpPort;
	/** What the 2xx must hold (see answers.ts). */
	expect: Expectation;
	/**
	 * A login or refresh: one attempt, paced without waiting for requests in flight (they may be
	 * waiting for it). The request it serves does the waiting and retrying.
	 */
	renewal?: boolean;
}

/**
 * The one way a request reaches AutoLeap: at the credential's base URL, within the partner
 * account's rate budget, with a timeout, its answer checked against what AutoLeap documents, and
 * retried where that is safe — 429s (nothing was applied) for up to the account's patience, reads
 * a few times after server errors. Errors are left as they came, for the caller to map.
 */
export async function send(
	credentials: ICredentialDataDecryptedObject,
	{ method, path, companyId, qs, body }: AutoLeapRequest,
	{ port, expect, renewal = false }: SendOptions,
): Promise<Answer> {
	const limits = limitsOf(credentials);
	const { timeoutMs, patienceMs } = timingOf(credentials);
	const budget = budgetFor(accountKeyOf(credentials), limits);
	const policy = retryPolicyFor(limits.windowMs, patienceMs);
	const kind = requestKind(method);
	const company = companyId ? { companyId } : undefined;
	const options: IHttpRequestOptions = {
		method,
		baseURL: baseUrlOf(credentials),
		url: path,
		qs: company && kind === 'read' ? { ...company, ...qs } : qs,
		body: company && kind === 'write' ? { ...company, ...body } : body,
		json: true,
		timeout: timeoutMs,
		returnFullResponse: true,
	};
	let rateLimitedSince: number | undefined;
	let rateLimited = 0;
	let serverErrors = 0;
	let superseded = 0;
	let failure: unknown;
	for (;;) {
		let retryAfterMs: number | undefined;
		const release = await budget.acquire(kind, { urgent: renewal });
		try {
			const response = await port(options, failure);
			const answer = checkAnswer(response.body, expect);
			release('answered');
			return { body: answer, serverTime: serverTimeOf(response.headers) };
		} catch (error) {
			failure = error;
			retryAfterMs = retryAfterOf(error);
			// A 429 used none of AutoLeap's budget and pauses that kind (may shrink this process's
			// share); a request whose token renewal failed was never sent (the renewal paced itself).
			release(
				ownErrorOf(error, RenewalError)
					? 'unsent'
					: statusOf(error) === 429
						? 'rateLimited'
						: 'answered',
				retryAfterMs,
			);
		}
		// A renewal whose refresh token was refused sent nothing (or met a 401): the next attempt
		// reads the stored pair again, which holds the winner's pair once it is saved.
		const lostRace = ownErrorOf(failure, RenewalError)?.reason === 'superseded';
		const reason = renewal || lostRace ? undefined : retryReason(failure, kind);
		let delay: number | undefined;
		if (lostRace && superseded < SUPERSEDED_RETRIES) {
			delay = backoffDelay(policy, superseded++);
		} else if (reason === 'rateLimited') {
			rateLimitedSince ??= Date.now();
			delay = retryAfterMs ?? backoffDelay(policy, rateLimited++);
			if (Date.now() + delay - rateLimitedSince > policy.patienceMs) delay = undefined;
		} else if (reason === 'serverError' && serverErrors < policy.serverErrorRetries) {
			delay = backoffDelay(policy, serverErrors++);
		}
		if (delay === undefined) throw failure;
		await sleep(delay);
	}
}

/** The signal each deadline was combined with, so that a request sent again gets a fresh deadline. */
const underlying = new WeakMap<AbortSignal, AbortSignal | undefined>();

/**
 * The request with a deadline from now to its last byte, set just before it leaves. The `timeout`
 * n8n passes on only limits the wait between two bytes, so an answer that trickles in would never
 * time out. The signal n8n set (the execution's cancellation) still aborts it too.
 */
export function withDeadline(options: IHttpRequestOptions): IHttpRequestOptions {
	if (!options.timeout) return options;
	const signal = options.abortSignal as AbortSignal | undefined;
	const set = signal && underlying.has(signal) ? underlying.get(signal) : signal;
	const deadline = AbortSignal.timeout(options.timeout);
	const abortSignal = set ? AbortSignal.any([set, deadline]) : deadline;
	underlying.set(abortSignal, set);
	return { ...options, abortSignal };
}

/** The `Date` header as ms since the epoch (whole seconds), if there is one. */
function serverTimeOf(headers: object = {}): number | undefined {
	const [, date] = Object.entries(headers).find(([name]) => name.toLowerCase() === 'date') ?? [];
	const time = typeof date === 'string' ? Date.parse(date) : NaN;
	return Number.isFinite(time) ? time : undefined;
}
