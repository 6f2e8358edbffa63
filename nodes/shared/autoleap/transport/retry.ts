import { sleep } from 'n8n-workflow';

import { statusOf } from './errors';
import type { RequestKind } from './rateBudget';

/**
 * AutoLeap sends no Retry-After (README §3): a 429 caused by another client on the same partner
 * account is retried with exponential backoff and jitter, long enough to outlast its window.
 * Reads are also retried on 5xx and network failures; writes are not, because a write that failed
 * half-way may have been applied.
 */
export interface RetryPolicy {
	rateLimitedRetries: number;
	serverErrorRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

/** Delays scale with the account's rate window: 1 s doubling up to 30 s for AutoLeap's minute. */
export function retryPolicyFor(windowMs: number): RetryPolicy {
	return { rateLimitedRetries: 8, serverErrorRetries: 3, baseDelayMs: windowMs / 60, maxDelayMs: windowMs / 2 };
}

/** Delay before retry number `attempt` (0-based): half fixed, half random, doubling each time. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export type RetryReason = 'rateLimited' | 'serverError';

/** Why a failed request may be sent again, or undefined when it must not be. */
export function retryReason(error: unknown, kind: RequestKind): RetryReason | undefined {
	const status = statusOf(error);
	if (status === 429) return 'rateLimited';
	if (kind === 'read' && (status === undefined || status >= 500)) return 'serverError';
	return undefined;
}

export async function withRetries<T>(
	kind: RequestKind,
	send: () => Promise<T>,
	policy: RetryPolicy,
	wait: (ms: number) => Promise<void> = sleep,
): Promise<T> {
	const used: Record<RetryReason, number> = { rateLimited: 0, serverError: 0 };
	for (;;) {
		try {
			return await send();
		} catch (error) {
			const reason = retryReason(error, kind);
			const allowed = reason === 'rateLimited' ? policy.rateLimitedRetries : policy.serverErrorRetries;
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the caller maps it (toAutoLeapError)
			if (reason === undefined || used[reason] >= allowed) throw error;
			await wait(backoffDelay(policy, used[reason]++));
		}
	}
}
