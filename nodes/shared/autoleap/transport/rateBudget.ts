import { sleep } from 'n8n-workflow';

/**
 * AutoLeap counts a partner account's GETs and writes (login included) per sliding minute. One
 * budget per account serves every node, trigger and login of this process; other processes on
 * the account (queue-mode workers, other instances) cannot be seen, so each takes a share of the
 * limit and adapts it to AutoLeap's 429s (see SlidingWindow's `share`).
 */
export type RequestKind = 'read' | 'write';

export interface BudgetLimits {
	read: number;
	write: number;
	windowMs: number;
	/** How many processes are known to share the account (each starts at that share of the limit). */
	processes?: number;
}

/**
 * What a taken slot is released with: an answer's arrival counts; a 429 does not (AutoLeap counted
 * nothing), pauses that kind (for its Retry-After, ms, when it gave one) and may shrink the share;
 * a request never sent (its token renewal failed) leaves no trace.
 */
export type Release = (
	outcome?: 'answered' | 'rateLimited' | 'unsent',
	retryAfterMs?: number,
) => void;

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

	/**
	 * This process's share of the limit now: the limit split among the known processes, halved
	 * on a 429 to a request sent since the last cut while this process used at least half of it,
	 * one more per accepted request. Busy processes' shares settle where they add up to the limit;
	 * a lone one regains it all; one that sends little is not what fills the account, and keeps
	 * its share (else 429s it did not cause would shrink it below what it sends, and each 429
	 * would cost it a minute's wait).
	 */
	private share: number;

	/** When the share last changed: a 429 for a request sent before this says nothing new. */
	private changedAt = -Infinity;

	/**
	 * No request of this kind before this time (after a 429: what its Retry-After asks, or a
	 * second of AutoLeap's minute doubling while 429s go on, up to half a window; a success
	 * starts again from a second), and how many 429s in a row led to it.
	 */
	private pausedUntil = -Infinity;

	private streak = 0;

	/** How often to look again while only requests in flight fill the window. */
	static readonly IN_FLIGHT_POLL_MS = 50;

	constructor(
		public limit: number,
		public windowMs: number,
		private readonly now: () => number = Date.now,
		private processes = 1,
	) {
		this.share = this.startingShare();
	}

	/** The share a process starts from, and never exceeds: the limit split among the known processes. */
	private startingShare(): number {
		return Math.max(1, Math.floor(this.limit / Math.max(1, this.processes)));
	}

	/** The current share (for tests and logs). */
	get currentShare(): number {
		return this.share;
	}

	setLimit(limit: number, windowMs: number, processes = 1) {
		const before = this.startingShare();
		[this.limit, this.windowMs, this.processes] = [limit, windowMs, processes];
		// A share at its cap follows a new cap; one cut by 429s only shrinks with it.
		this.share =
			this.share >= before ? this.startingShare() : Math.min(this.share, this.startingShare());
	}

	/**
	 * AutoLeap answered 429 to a request taken at `sentAt` (asking to wait `retryAfterMs`, if it
	 * said): the account is full.
	 */
	rateLimited(sentAt: number, retryAfterMs?: number) {
		const now = this.now();
		if (retryAfterMs !== undefined) {
			this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
		} else if (sentAt >= this.pausedUntil || this.pausedUntil === -Infinity) {
			const base = this.windowMs / 60;
			this.pausedUntil = now + Math.min(this.windowMs / 2, base * 2 ** Math.min(this.streak++, 30));
		}
		if (sentAt <= this.changedAt) return; // sent before the last change: already cut for this congestion
		this.prune();
		if (2 * (this.answered.length + this.inFlight) < this.share) return; // others filled it
		this.share = Math.max(1, Math.floor(this.share / 2));
		this.changedAt = now;
	}

	/**
	 * How long to wait before a slot is free (0 = now). `urgent` (a token renewal) does not wait for
	 * requests in flight: they may be waiting for that very renewal before they are sent.
	 */
	waitTime(urgent = false): number {
		this.prune();
		const paused = this.pausedUntil - this.now();
		if (paused > 0 && !urgent) return paused;
		const excess = this.answered.length + (urgent ? 0 : this.inFlight) - this.share + 1;
		if (excess <= 0) return 0;
		if (excess > this.answered.length)
			return Math.min(SlidingWindow.IN_FLIGHT_POLL_MS, this.windowMs);
		return this.answered[excess - 1] + this.windowMs - this.now() + 1;
	}

	/** How long until `slots` more requests would all find a slot (for planning; takes nothing). */
	waitForSlots(slots: number): number {
		this.prune();
		const paused = Math.max(0, this.pausedUntil - this.now());
		const excess = this.answered.length + this.inFlight - this.share + slots;
		if (excess <= 0) return paused;
		if (excess > this.answered.length) return Infinity;
		return Math.max(paused, this.answered[excess - 1] + this.windowMs - this.now() + 1);
	}

	/** Takes a slot if one is free; call the returned function once the answer is in. */
	tryTake(urgent = false): Release | undefined {
		if (this.waitTime(urgent) > 0) return undefined;
		this.inFlight++;
		const sentAt = this.now();
		let released = false;
		return (outcome = 'answered', retryAfterMs) => {
			if (released) return;
			released = true;
			this.inFlight--;
			if (outcome === 'unsent') return;
			if (outcome === 'rateLimited') return this.rateLimited(sentAt, retryAfterMs);
			this.streak = 0;
			// Accepted after the last cut: there was room; one more slot for this process.
			if (sentAt > this.changedAt) this.share = Math.min(this.startingShare(), this.share + 1);
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
			read: new SlidingWindow(limits.read, limits.windowMs, now, limits.processes),
			write: new SlidingWindow(limits.write, limits.windowMs, now, limits.processes),
		};
	}

	/** Limits come from the credential and may change between executions. */
	setLimits(limits: BudgetLimits) {
		for (const kind of ['read', 'write'] as const)
			this.windows[kind].setLimit(limits[kind], limits.windowMs, limits.processes);
	}

	/** This process's current share of the limit of each kind. */
	shares(): Record<RequestKind, number> {
		return { read: this.windows.read.currentShare, write: this.windows.write.currentShare };
	}

	/** How long until `slots` more requests of this kind would all find a slot (takes nothing). */
	waitFor(kind: RequestKind, slots: number): number {
		return this.windows[kind].waitForSlots(slots);
	}

	/**
	 * Waits for a free slot of this kind and takes it. Call the returned function when the
	 * response has arrived.
	 */
	async acquire(kind: RequestKind, { urgent = false } = {}): Promise<Release> {
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
