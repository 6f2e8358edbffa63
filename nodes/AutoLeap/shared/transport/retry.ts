import { sleep } from 'n8n-workflow';

import { statusOf } from './errors';
import type { RequestKind } from './rateBudget';

/**
 * AutoLeap sends no Retry-After (README §3): a 429 caused by another client on the same partner
 * account is retried with exponential backoff and jitter, long enough to outlast its one-minute
 * window. Reads are also retried on 5xx and network failures; writes are not, because a write
 * that failed half-way may have been applied.
 */
export const retryPolicy = {
	rateLimitedRetries: 8,
	serverErrorRetries: 3,
	baseDelayMs: 1_000,
	maxDelayMs: 30_000,
};

/** Delay before retry number `attempt` (0-based): half fixed, half random, doubling each time. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
	const ceiling = Math.min(retryPolicy.maxDelayMs, retryPolicy.baseDelayMs * 2 ** attempt);
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
	wait: (ms: number) => Promise<void> = sleep,
): Promise<T> {
	const used: Record<RetryReason, number> = { rateLimited: 0, serverError: 0 };
	for (let attempt = 0; ; attempt++) {
		try {
			return await send();
		} catch (error) {
			const reason = retryReason(error, kind);
			const allowed = reason === 'rateLimited' ? retryPolicy.rateLimitedRetries : retryPolicy.serverErrorRetries;
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the caller maps it (toAutoLeapError)
			if (reason === undefined || used[reason] >= allowed) throw error;
			await wait(backoffDelay(used[reason]++));
		}
	}
}
