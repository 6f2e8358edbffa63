import { sleep } from 'n8n-workflow';

/**
 * AutoLeap counts requests per partner account in a sliding minute: GETs in one bucket, writes
 * (POST/PUT/PATCH/DELETE, login included) in another. One budget per account is shared by every
 * node, trigger and credential call in this n8n process, so that together they never exceed it.
 */
export type RequestKind = 'read' | 'write';

export interface BudgetLimits {
	read: number;
	write: number;
	windowMs: number;
}

export const DEFAULT_WINDOW_MS = 60_000;

export function requestKind(method: string): RequestKind {
	return method.toUpperCase() === 'GET' ? 'read' : 'write';
}

/** A sliding-window limiter: at most `limit` slots in any `windowMs`. */
export class SlidingWindow {
	private readonly slots: number[] = [];

	constructor(
		public limit: number,
		public windowMs: number,
		private readonly now: () => number = Date.now,
	) {}

	/** How long to wait before a slot is free (0 = now). */
	waitTime(): number {
		this.prune();
		if (this.slots.length < this.limit) return 0;
		return this.slots[this.slots.length - this.limit] + this.windowMs - this.now() + 1;
	}

	/** Takes a slot if one is free; returns whether it did. */
	tryTake(): (() => void) | undefined {
		if (this.waitTime() > 0) return undefined;
		const index = this.slots.push(this.now()) - 1;
		const taken = this.slots[index];
		// The server stamps a request when it arrives, which is later than when we took the slot:
		// moving the slot to the moment the answer came back keeps our window at least as strict.
		return () => {
			const at = this.slots.indexOf(taken);
			if (at !== -1) {
				this.slots.splice(at, 1);
				this.insert(this.now());
			}
		};
	}

	private insert(time: number) {
		let i = this.slots.length;
		while (i > 0 && this.slots[i - 1] > time) i--;
		this.slots.splice(i, 0, time);
	}

	private prune() {
		const horizon = this.now() - this.windowMs;
		while (this.slots.length > 0 && this.slots[0] <= horizon) this.slots.shift();
	}
}

export class RateBudget {
	private readonly windows: Record<RequestKind, SlidingWindow>;

	constructor(
		limits: BudgetLimits,
		now: () => number = Date.now,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {
		this.windows = {
			read: new SlidingWindow(limits.read, limits.windowMs, now),
			write: new SlidingWindow(limits.write, limits.windowMs, now),
		};
	}

	/** Limits come from the credential and may change between executions. */
	setLimits(limits: BudgetLimits) {
		for (const kind of ['read', 'write'] as const) {
			this.windows[kind].limit = limits[kind];
			this.windows[kind].windowMs = limits.windowMs;
		}
	}

	/**
	 * Waits for a free slot of this kind and takes it. Call the returned function when the
	 * response has arrived.
	 */
	async acquire(kind: RequestKind): Promise<() => void> {
		const window = this.windows[kind];
		for (;;) {
			const release = window.tryTake();
			if (release) return release;
			await this.wait(Math.max(window.waitTime(), 1));
		}
	}
}

const budgets = new Map<string, RateBudget>();
let windowMs = DEFAULT_WINDOW_MS;

/** The budget of one partner account (keyed by API URL and partner ID) in this process. */
export function budgetFor(account: string, limits: { read: number; write: number }): RateBudget {
	const full = { ...limits, windowMs };
	let budget = budgets.get(account);
	if (!budget) {
		budget = new RateBudget(full);
		budgets.set(account, budget);
	} else {
		budget.setLimits(full);
	}
	return budget;
}

/** Tests shorten AutoLeap's minute to seconds; n8n never calls this. */
export function setBudgetWindowForTests(ms: number) {
	windowMs = ms;
	budgets.clear();
}
