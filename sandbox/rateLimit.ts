import { performance } from 'node:perf_hooks';
import type { RateLimits } from './types';

export const DEFAULT_LIMITS: RateLimits = { get: 150, write: 50, windowMs: 60_000 };
export const ANONYMOUS_BUCKET = '(anonymous)';

export type Bucket = 'get' | 'write';

export function bucketOf(method: string): Bucket {
	return method.toUpperCase() === 'GET' ? 'get' : 'write';
}

/**
 * Per-partner sliding windows on real monotonic time (a manual sandbox clock must not freeze or
 * skip the budget). Only accepted requests are recorded, so a 429 never eats into the budget.
 */
export class RateLimiter {
	private hits = new Map<string, number[]>();

	constructor(
		public limits: RateLimits,
		private readonly now: () => number = () => performance.now(),
	) {}

	/** true = allowed (and counted); false = over the limit. */
	take(account: string, bucket: Bucket): boolean {
		const key = `${account}\u0000${bucket}`;
		const now = this.now();
		const list = this.hits.get(key) ?? [];
		const cutoff = now - this.limits.windowMs;
		let drop = 0;
		while (drop < list.length && list[drop] <= cutoff) drop++;
		if (drop) list.splice(0, drop);
		if (list.length >= this.limits[bucket]) {
			this.hits.set(key, list);
			return false;
		}
		list.push(now);
		this.hits.set(key, list);
		return true;
	}

	reset(): void {
		this.hits.clear();
	}
}
