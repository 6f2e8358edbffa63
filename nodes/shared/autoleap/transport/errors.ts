import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import { isObject } from './envelope';
import type { RequestKind } from './rateBudget';
import { excerpt, redact, TEXT_LIMITS } from './redaction';

/** A non-2xx answer, as a port that reads full responses reports it (no request options inside). */
export class HttpStatusError extends Error {
	constructor(
		readonly httpCode: number,
		readonly body: unknown,
	) {
		super(`HTTP ${httpCode}`);
	}
}

/**
 * A 2xx that is not the JSON AutoLeap documents for the call (an HTML page from a proxy, an empty
 * or cut-off body, `success: false`, a missing envelope). `refused` when AutoLeap said it did not
 * do it (`success: false`); otherwise nobody knows whether a write was applied.
 */
export class AnswerError extends Error {
	constructor(
		readonly problem: string,
		readonly refused = false,
	) {
		super(problem);
	}
}

/** A list whose pages do not add up (repeated or empty pages, totals that contradict them). */
export class ListError extends Error {}

/**
 * The login or token refresh failed: the request it was for was never sent (or was answered 401).
 * `superseded`: AutoLeap refused the refresh token, which another process may have rotated first;
 * `refusedPair` names that refresh token by its fingerprint, for the sender's next attempt.
 */
export class RenewalError extends Error {
	constructor(
		readonly reason: 'rejected' | 'rateLimited' | 'unavailable' | 'superseded',
		message: string,
		readonly description: string,
		readonly refusedPair?: string,
	) {
		super(message);
	}
}

/** The request's deadline (send.ts) ran out before its last byte. */
export class DeadlineError extends Error {
	constructor() {
		super('The request ran past its deadline');
	}
}

/** Our own errors, also when n8n wrapped them (its request helper keeps the original as `cause`). */
export function ownErrorOf<T extends Error>(
	error: unknown,
	type: new (...args: never[]) => T,
): T | undefined {
	for (
		let e = error, depth = 0;
		isObject(e) && depth < 5;
		e = (e as { cause?: unknown }).cause, depth++
	) {
		if (e instanceof type) return e;
	}
	return error instanceof type ? error : undefined;
}

/** The HTTP status of a failed request, wherever n8n's request helpers put it. */
export function statusOf(error: unknown): number | undefined {
	if (ownErrorOf(error, RenewalError)?.reason === 'rateLimited') return 429;
	if (!isObject(error)) return undefined;
	const cause = isObject(error.cause) ? error.cause : {};
	const response = isObject(error.response)
		? error.response
		: isObject(cause.response)
			? cause.response
			: {};
	for (const candidate of [
		error.httpCode,
		response.status,
		error.statusCode,
		cause.status,
		error.status,
	]) {
		const status = Number(candidate);
		if (Number.isInteger(status) && status >= 100) return status;
	}
	return undefined;
}

/** AutoLeap's own error text (`{"success": false, "error": "…"}`), if the answer carried one. */
export function autoLeapMessageOf(error: unknown): string | undefined {
	if (!isObject(error)) return undefined;
	const cause = isObject(error.cause) ? error.cause : {};
	const bodies = [
		isObject(error.context) ? error.context.data : undefined,
		isObject(cause.response) ? cause.response.data : undefined,
		isObject(error.response) ? error.response.data : undefined,
		cause.error,
		error.error,
		error.body,
	];
	for (const body of bodies) {
		if (isObject(body) && typeof body.error === 'string') return body.error;
		if (isObject(body) && typeof body.message === 'string') return body.message;
	}
	return undefined;
}

const GUIDANCE: Record<number, [string, string]> = {
	400: [
		'AutoLeap rejected the request',
		'Check the field named in the message: its value is missing, of the wrong type or not one of the allowed values.',
	],
	401: [
		'AutoLeap did not accept the credentials',
		'Check the Partner ID, Auth Key and environment in the AutoLeap API credential.',
	],
	403: [
		'This partner account may not access that company',
		'Choose a company from the list: it shows the companies your partner profile may use.',
	],
	404: [
		'AutoLeap could not find the record',
		'Check the ID and that the record belongs to the selected company.',
	],
	429: [
		'AutoLeap kept refusing requests: the rate limit of this partner account was exceeded',
		'Other integrations share this partner account’s budget. Nothing was applied. Run the workflow again later, raise the credential’s Rate Limit Patience, or lower its requests per minute.',
	],
};

/** Failures before anything left this machine: nothing can have been applied. */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

/** The first error in the chain (n8n keeps the original as `cause`) that carries a code. */
function codedOf(error: unknown): IDataObject | undefined {
	for (
		let e = error, depth = 0;
		isObject(e) && depth < 5;
		e = (e as { cause?: unknown }).cause, depth++
	) {
		if (typeof e.code === 'string') return e;
	}
	return undefined;
}

function codeOf(error: unknown): string | undefined {
	return codedOf(error)?.code as string | undefined;
}

/**
 * Whether the request ran out of time: the HTTP client's own timeout, or the request's deadline
 * (send.ts) aborting it — a `TimeoutError`, not the execution being cancelled.
 */
export function timedOut(error: unknown): boolean {
	if (ownErrorOf(error, DeadlineError)) return true;
	const coded = codedOf(error);
	if (coded?.code === 'ECONNABORTED' || coded?.code === 'ETIMEDOUT') return true;
	if (coded?.code !== 'ERR_CANCELED') return false;
	const config = isObject(coded.config) ? coded.config : {};
	const reason = isObject(config.signal) ? (config.signal.reason as unknown) : undefined;
	return (reason as { name?: unknown } | undefined)?.name === 'TimeoutError';
}

const MAYBE_APPLIED =
	'The change may or may not have been applied: check in AutoLeap before running it again.';
const NOT_APPLIED = 'AutoLeap did not apply it.';

export interface ErrorContext {
	kind: RequestKind;
	itemIndex?: number;
	/** Secret values to keep out of the text (the credential's). */
	secrets?: readonly string[];
	/** The inference the request's path rests on (endpoints.ts), named when AutoLeap answers 404. */
	inference?: string;
}

/**
 * One plain message per failure, with AutoLeap's own text and what to do about it. A new error is
 * built from the facts alone, so the original request (with its Authorization header) is dropped.
 */
export function toAutoLeapError(
	node: INode,
	error: unknown,
	{ kind, itemIndex, secrets = [], inference }: ErrorContext,
): NodeApiError {
	const clean = (text: string) => redact(text, secrets);
	const [message, description, status] = describe(error, kind, clean, inference).map((part) =>
		typeof part === 'string' ? clean(part) : part,
	) as Described;
	const httpCode = status === undefined ? undefined : String(status);
	return new NodeApiError(node, { message, description, httpCode } as JsonObject, {
		message,
		description,
		httpCode,
		itemIndex,
	});
}

type Described = [message: string, description: string, status: number | undefined];

/**
 * AutoLeap's own text, redacted and then bounded: a readable start for the message, and when that
 * cut it, as much as a description holds.
 */
function quoted(text: string, clean: (text: string) => string): [string, string] {
	const whole = clean(text);
	const short = excerpt(whole, TEXT_LIMITS.message);
	return [
		short,
		short === whole ? '' : ` AutoLeap's message: ${excerpt(whole, TEXT_LIMITS.description)}`,
	];
}

function describe(
	error: unknown,
	kind: RequestKind,
	clean: (text: string) => string,
	inference?: string,
): Described {
	const renewal = ownErrorOf(error, RenewalError);
	if (renewal && renewal.reason !== 'rateLimited') {
		return [renewal.message, `${renewal.description} Nothing was sent to AutoLeap.`, undefined];
	}
	const list = ownErrorOf(error, ListError);
	if (list) {
		return [
			`AutoLeap's list did not add up: ${list.message}`,
			'Nothing was output, because a shorter list would look complete. Run it again; if it persists, AutoLeap (or a proxy in front of it) is not paging this list correctly.',
			undefined,
		];
	}
	const answer = ownErrorOf(error, AnswerError);
	if (answer) {
		const [problem, more] = quoted(answer.problem, clean);
		const message = answer.refused
			? `AutoLeap refused the request: ${problem}`
			: `AutoLeap's answer was not usable: ${problem}`;
		const guidance =
			kind === 'read'
				? 'A proxy or AutoLeap itself answered out of the ordinary. Try again later.'
				: answer.refused
					? NOT_APPLIED
					: MAYBE_APPLIED;
		return [message, guidance + more, undefined];
	}
	const status = statusOf(error);
	const detail = autoLeapMessageOf(error);
	let [message, description] = (status !== undefined && GUIDANCE[status]) || [
		status === undefined
			? 'Could not reach AutoLeap'
			: `AutoLeap failed to process the request (HTTP ${status})`,
		kind === 'write' ? MAYBE_APPLIED : 'AutoLeap may be down for a moment. Try again later.',
	];
	if (detail) {
		const [short, more] = quoted(detail, clean);
		message = `${message}: ${short}`;
		description += more;
	}
	if (status === 404 && inference)
		description += ` If it does exist, AutoLeap may not know this path: ${inference}.`;
	const code = codeOf(error);
	if (status === undefined && code && NOT_SENT_CODES.has(code)) {
		description = `Nothing was sent (${code}). Check the credential's Environment or Custom URL, or try again later.`;
	} else if (status === undefined && timedOut(error)) {
		message = 'AutoLeap did not answer in time';
		description = `The request timed out (the credential's Request Timeout). ${description}`;
	} else if (status === undefined && isObject(error) && typeof error.message === 'string') {
		description = `${quoted(error.message, clean)[0]}. ${description}`;
	}
	return [message, description, status];
}

/**
 * A failure as the error n8n shows: one already built for n8n (the sender's NodeApiError, a
 * NodeOperationError naming a field) passes on unchanged; anything else is mapped here.
 */
export function asNodeError(
	node: INode,
	error: unknown,
	context: ErrorContext,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return toAutoLeapError(node, error, context);
}
