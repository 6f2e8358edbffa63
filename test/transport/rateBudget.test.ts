import {
	budgetFor,
	RateBudget,
	requestKind,
	SlidingWindow,
} from '../../nodes/shared/autoleap/transport/rateBudget';

/** A clock the test moves by hand. */
function manualClock(start = 0) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('SlidingWindow', () => {
	it('gives at most `limit` slots in any window, freeing each one window after its answer', () => {
		const clock = manualClock();
		const window = new SlidingWindow(3, 1_000, clock.now);
		window.tryTake()!(); // answered at once, at t=0
		clock.advance(100);
		window.tryTake()!();
		clock.advance(100);
		window.tryTake()!();
		expect(window.tryTake()).toBeUndefined();
		// The first slot (answered at t=0) frees at t=1000, strictly after the window.
		expect(window.waitTime()).toBe(1_000 - 200 + 1);
		clock.advance(799);
		expect(window.tryTake()).toBeUndefined();
		clock.advance(1);
		window.tryTake()!();
		expect(window.tryTake()).toBeUndefined();
		clock.advance(100);
		expect(window.tryTake()).toBeDefined();
	});

	it('a request in flight holds its slot however long it takes (the server may stamp it late)', () => {
		const clock = manualClock();
		const window = new SlidingWindow(2, 1_000, clock.now);
		const slow = window.tryTake()!;
		window.tryTake()!();
		clock.advance(5_000); // far longer than the window: the answered slot is gone, the slow one is not
		expect(window.tryTake()).toBeDefined();
		expect(window.tryTake()).toBeUndefined();
		expect(window.waitTime()).toBe(SlidingWindow.IN_FLIGHT_POLL_MS);
		slow(); // answered now: it holds its slot one more window
		expect(window.waitTime()).toBe(1_001);
		clock.advance(1_000);
		expect(window.tryTake()).toBeDefined();
	});

	it('release moves the slot to the moment the answer came back', () => {
		const clock = manualClock();
		const window = new SlidingWindow(1, 1_000, clock.now);
		const release = window.tryTake()!;
		clock.advance(400);
		release();
		clock.advance(700); // 1100 ms after taking, only 700 ms after the answer
		expect(window.tryTake()).toBeUndefined();
		expect(window.waitTime()).toBe(301);
		clock.advance(301);
		expect(window.tryTake()).toBeDefined();
	});

	it('release twice does not add a slot', () => {
		const clock = manualClock();
		const window = new SlidingWindow(2, 1_000, clock.now);
		const release = window.tryTake()!;
		release();
		release();
		expect(window.tryTake()).toBeDefined();
		expect(window.tryTake()).toBeUndefined();
	});
});

describe('RateBudget', () => {
	it('keeps reads and writes in separate buckets', async () => {
		const clock = manualClock();
		const budget = new RateBudget({ read: 2, write: 1, windowMs: 1_000 }, clock.now, async (ms) => {
			clock.advance(ms);
		});
		const t0 = clock.now();
		(await budget.acquire('read'))();
		(await budget.acquire('read'))();
		(await budget.acquire('write'))();
		expect(clock.now()).toBe(t0); // nothing waited
		await budget.acquire('write'); // the write bucket is full: waits a window
		expect(clock.now()).toBeGreaterThanOrEqual(t0 + 1_000);
	});

	it('acquire waits until a slot frees, so no window ever holds more than the limit', async () => {
		const clock = manualClock();
		const taken: number[] = [];
		const budget = new RateBudget({ read: 5, write: 5, windowMs: 1_000 }, clock.now, async (ms) => {
			clock.advance(ms);
		});
		for (let i = 0; i < 23; i++) {
			(await budget.acquire('read'))();
			taken.push(clock.now());
		}
		for (const at of taken) {
			expect(taken.filter((t) => t > at - 1_000 && t <= at).length).toBeLessThanOrEqual(5);
		}
		expect(taken[taken.length - 1]).toBeGreaterThanOrEqual(4_000);
	});

	it('setLimits changes the limit of an existing budget', async () => {
		const clock = manualClock();
		const budget = new RateBudget({ read: 1, write: 1, windowMs: 1_000 }, clock.now, async (ms) => {
			clock.advance(ms);
		});
		(await budget.acquire('read'))();
		budget.setLimits({ read: 2, write: 1, windowMs: 1_000 });
		(await budget.acquire('read'))();
		expect(clock.now()).toBe(0);
	});
});

describe('budgetFor', () => {
	it('shares one budget per account and applies the current limits', async () => {
		const a = budgetFor('url|a', { read: 1, write: 1, windowMs: 60_000 });
		expect(budgetFor('url|a', { read: 2, write: 1, windowMs: 60_000 })).toBe(a);
		expect(budgetFor('url|b', { read: 1, write: 1, windowMs: 60_000 })).not.toBe(a);
		await a.acquire('read');
		// The second call raised the read limit to 2: a second slot is free now.
		const second = await Promise.race([a.acquire('read').then(() => 'taken'), new Promise((r) => setTimeout(() => r('waiting'), 50))]);
		expect(second).toBe('taken');
	});
});

describe('requestKind', () => {
	it('counts GET as a read and everything else as a write', () => {
		expect(requestKind('get')).toBe('read');
		expect(['POST', 'PUT', 'PATCH', 'DELETE'].map(requestKind)).toEqual(['write', 'write', 'write', 'write']);
	});
});
