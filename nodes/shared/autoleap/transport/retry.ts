import { AnswerError, ownErrorOf, RenewalError, statusOf } from './errors';
import type { RequestKind } from './rateBudget';

/**
 * AutoLeap sends no Retry-After (README §3). A 429 applied nothing: it is waited out with jittered
 * exponential backoff for as long as the account's patience allows. Reads are also retried a few
 * times after 5xx, network failures and unusable answers; writes are not (they may have applied).
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
