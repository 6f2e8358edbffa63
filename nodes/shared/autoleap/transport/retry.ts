import { AnswerError, ownErrorOf, RenewalError, statusOf } from './errors';
import type { RequestKind } from './rateBudget';

/**
 * A 429 applied nothing: it is waited out for as long as the account's patience allows, for what
 * its Retry-After asks (AutoLeap documents none, README §3; a proxy may send one), else with
 * jittered exponential backoff. Reads are also retried a few times after 5xx, network failures and
 * unusable answers; writes are not (they may have applied).
 */
export interface RetryPolicy {
	serverErrorRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** How long 429s may be waited out, from the first one (ms). */
	patienceMs: number;
}

/** Delays scale with the account's rate window: 1 s doubling up to 30 s for AutoLeap's minute. */
export function retryPolicyFor(windowMs: number, patienceMs: number): RetryPolicy {
	return {
		serverErrorRetries: 3,
		baseDelayMs: windowMs / 60,
		maxDelayMs: windowMs / 2,
		patienceMs,
	};
}

/** Delay before retry number `attempt` (0-based): half fixed, half random, doubling each time. */
export function backoffDelay(
	policy: RetryPolicy,
	attempt: number,
	random: () => number = Math.random,
): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt, 30));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export type RetryReason = 'rateLimited' | 'serverError';

/** Why a failed request may be sent again, or undefined when it must not be. */
export function retryReason(error: unknown, kind: RequestKind): RetryReason | undefined {
	const status = statusOf(error);
	if (status === 429) return 'rateLimited';
	// A rejected Partner ID or Auth Key stays rejected.
	if (ownErrorOf(error, RenewalError)?.reason === 'rejected') return undefined;
	if (kind !== 'read') return undefined;
	if (ownErrorOf(error, AnswerError)?.refused) return undefined;
	if (status === undefined || status >= 500) return 'serverError';
	return undefined;
}

/**
 * How long (ms) a refused answer's Retry-After asks to wait: seconds, or an HTTP date read against
 * the answer's own Date (the server's clock, not ours). Undefined when there is none.
 */
export function retryAfterOf(error: unknown): number | undefined {
	const headers = headersOf(error);
	const value = headers['retry-after'];
	if (value === undefined) return undefined;
	if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
	const at = Date.parse(value);
	const date = headers.date === undefined ? Date.now() : Date.parse(headers.date);
	return Number.isFinite(at) && Number.isFinite(date) ? Math.max(0, at - date) : undefined;
}

/** The response headers an error carries (n8n keeps the HTTP client's error as `cause`), lower-cased. */
function headersOf(error: unknown): Record<string, string> {
	const holders = [error, (error as { cause?: unknown } | undefined)?.cause];
	for (const holder of holders) {
		const headers = (holder as { response?: { headers?: unknown } } | undefined)?.response?.headers;
		if (typeof headers !== 'object' || headers === null) continue;
		const found: Record<string, string> = {};
		for (const [name, value] of Object.entries(headers)) {
			if (typeof value === 'string') found[name.toLowerCase()] = value;
		}
		return found;
	}
	return {};
}
