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

export function requestKind(method: string): RequestKind {
	return method.toUpperCase() === 'GET' ? 'read' : 'write';
}

/**
 * A sliding-window limiter: at most `limit` requests in any `windowMs`. A request holds its slot
 * while it is in flight, however long that takes, and then for one window after its answer came
 * back: the server stamps a request when it arrives, which is between the two, so this window is
 * always at least as strict as AutoLeap's.
 */
export class SlidingWindow {
	/** When the answers of finished requests came back, oldest first. */
	private readonly answered: number[] = [];

	private inFlight = 0;

	/** How often to look again while only requests in flight fill the window. */
	static readonly IN_FLIGHT_POLL_MS = 50;

	constructor(
		public limit: number,
		public windowMs: number,
		private readonly now: () => number = Date.now,
	) {}

	/**
	 * How long to wait before a slot is free (0 = now). `urgent` (a token renewal) does not wait for
	 * requests in flight: they may be waiting for that very renewal before they are sent.
	 */
	waitTime(urgent = false): number {
		this.prune();
		const excess = this.answered.length + (urgent ? 0 : this.inFlight) - this.limit + 1;
		if (excess <= 0) return 0;
		if (excess > this.answered.length) return Math.min(SlidingWindow.IN_FLIGHT_POLL_MS, this.windowMs);
		return this.answered[excess - 1] + this.windowMs - this.now() + 1;
	}

	/** Takes a slot if one is free; call the returned function once the answer is in. */
	tryTake(urgent = false): (() => void) | undefined {
		if (this.waitTime(urgent) > 0) return undefined;
		this.inFlight++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.inFlight--;
			this.insert(this.now());
		};
	}

	private insert(time: number) {
		let i = this.answered.length;
		while (i > 0 && this.answered[i - 1] > time) i--;
		this.answered.splice(i, 0, time);
	}

	private prune() {
		const horizon = this.now() - this.windowMs;
		while (this.answered.length > 0 && this.answered[0] <= horizon) this.answered.shift();
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
	async acquire(kind: RequestKind, { urgent = false } = {}): Promise<() => void> {
		const window = this.windows[kind];
		for (;;) {
			const release = window.tryTake(urgent);
			if (release) return release;
			await this.wait(Math.max(window.waitTime(urgent), 1));
		}
	}
}

/** One budget per partner account, shared by every node, trigger and login in this process. */
const budgets = new Map<string, RateBudget>();

/** The budget of one partner account; its limits follow the credential as it is now. */
export function budgetFor(account: string, limits: BudgetLimits): RateBudget {
	let budget = budgets.get(account);
	if (!budget) {
		budget = new RateBudget(limits);
		budgets.set(account, budget);
	} else {
		budget.setLimits(limits);
	}
	return budget;
}
