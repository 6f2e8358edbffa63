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

describe('the adaptive share (several processes on one account)', () => {
	/** Takes every slot free now; returns their releases. */
	const takeAll = (window: SlidingWindow) => {
		const taken = [];
		for (let release = window.tryTake(); release; release = window.tryTake()) taken.push(release);
		return taken;
	};

	it('starts at the limit split among the processes the credential names', () => {
		expect(new SlidingWindow(50, 60_000, manualClock().now, 2).currentShare).toBe(25);
		expect(new SlidingWindow(50, 60_000, manualClock().now, 3).currentShare).toBe(16);
		expect(takeAll(new SlidingWindow(50, 60_000, manualClock().now, 2))).toHaveLength(25);
	});

	it('halves on a 429 once per congestion: the other 429s and the answers of requests sent before the cut change nothing', () => {
		const clock = manualClock();
		const window = new SlidingWindow(50, 60_000, clock.now);
		const sent = takeAll(window);
		expect(sent).toHaveLength(50);
		clock.advance(100);
		// 20 of the 50 come back 429 (another process holds the rest of the account's window).
		sent.slice(0, 20).forEach((release) => release('rateLimited'));
		sent.slice(20).forEach((release) => release('answered'));
		expect(window.currentShare).toBe(25);
		// The 30 answered fill this process's new share: nothing more until they age out…
		clock.advance(5_000);
		expect(window.tryTake()).toBeUndefined();
		clock.advance(60_000);
		// …then a 429 for a request sent after the cut, while the process fills its share, halves again.
		const again = takeAll(window);
		expect(again).toHaveLength(25);
		clock.advance(10);
		again[0]('rateLimited');
		expect(window.currentShare).toBe(12);
	});

	it('after a 429 pauses that kind: a second of AutoLeap’s minute, doubling while 429s go on, from a second again after a success; a 429 uses no slot', () => {
		const clock = manualClock();
		const window = new SlidingWindow(2, 60_000, clock.now);
		window.tryTake()!('rateLimited');
		expect(window.waitTime()).toBe(1_000);
		clock.advance(1_000);
		window.tryTake()!('rateLimited');
		expect(window.waitTime()).toBe(2_000);
		clock.advance(2_000);
		// Nothing counted in the window: both slots of the share are free.
		const release = window.tryTake()!;
		expect(window.tryTake()).toBeDefined();
		release('answered');
		window.tryTake();
		clock.advance(60_001);
		window.tryTake()!('rateLimited');
		expect(window.waitTime()).toBe(1_000);
	});

	it('waits as long as a Retry-After asks, however many 429s came before', () => {
		const clock = manualClock();
		const window = new SlidingWindow(10, 60_000, clock.now);
		window.tryTake()!('rateLimited', 7_000);
		expect(window.waitTime()).toBe(7_000);
		clock.advance(7_000);
		window.tryTake()!('rateLimited', 500);
		expect(window.waitTime()).toBe(500);
	});

	it('keeps its share under 429s it did not cause: a process sending 10 a minute is not what fills the account', () => {
		// Finding 9: a trigger polls once a minute with 6–10 GETs; AutoLeap answers every 7th
		// request 429 (the account is full with others' requests). Each 429 halved the share, so
		// after a few minutes it was below what one poll sends, and every 429 cost a minute.
		const clock = manualClock();
		const window = new SlidingWindow(150, 60_000, clock.now);
		let sent = 0;
		const waits: number[] = [];
		for (let minute = 0; minute < 20; minute++) {
			const pollStart = clock.now();
			for (let answered = 0; answered < 10; ) {
				let release = window.tryTake();
				for (; !release; release = window.tryTake()) clock.advance(window.waitTime());
				clock.advance(100);
				if (++sent % 7 === 0) release('rateLimited');
				else {
					release('answered');
					answered++;
				}
			}
			waits.push(clock.now() - pollStart);
			clock.advance(60_000 - (clock.now() - pollStart));
		}
		// Each poll takes its requests and a second's pause per 429, never a minute.
		expect(Math.max(...waits)).toBeLessThan(5_000);
		expect(window.currentShare).toBe(150);
	});

	it('grows by one for each request accepted after the last cut, up to its starting share', () => {
		const clock = manualClock();
		const window = new SlidingWindow(50, 60_000, clock.now, 2);
		const busy = takeAll(window);
		busy[0]('rateLimited');
		busy.slice(1).forEach((release) => release('answered')); // sent before the cut: no growth
		expect(window.currentShare).toBe(12);
		clock.advance(61_000);
		for (let i = 0; i < 20; i++) window.tryTake()!('answered');
		expect(window.currentShare).toBe(25);
	});

	it('two busy processes on a 50-per-minute account: the account’s limit is used, their 429s are few, nobody waits past its patience', () => {
		// Each process has 150 writes to send, as fast as its window allows; a 429 is retried after
		// the sender's backoff (1 s doubling to 30 s, with jitter). AutoLeap accepts 50 per sliding minute.
		const clock = manualClock();
		const server: number[] = [];
		let seed = 7;
		const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const processes = [0, 1].map(() => ({
			window: new SlidingWindow(50, 60_000, clock.now),
			left: 150,
			waiting: [] as Array<{ at: number; tries: number }>,
			done: 0,
		}));
		let accepted = 0;
		let rejected = 0;
		let longestWait = 0;
		while (processes.some((p) => p.done < 150) && clock.now() < 30 * 60_000) {
			for (const p of processes) {
				const due = p.waiting.filter((w) => w.at <= clock.now());
				p.waiting = p.waiting.filter((w) => w.at > clock.now());
				const ready = [
					...due,
					...Array.from({ length: p.left }, () => ({ at: clock.now(), tries: 0 })),
				];
				p.left = 0;
				for (const request of ready) {
					const release = p.window.tryTake();
					if (!release) {
						p.waiting.push({ ...request, at: clock.now() + 100 }); // the budget's wait
						continue;
					}
					while (server.length && server[0] <= clock.now() - 60_000) server.shift();
					if (server.length < 50) {
						server.push(clock.now());
						release('answered');
						accepted++;
						p.done++;
					} else {
						rejected++;
						release('rateLimited');
						const ceiling = Math.min(30_000, 1_000 * 2 ** request.tries);
						const delay = ceiling / 2 + (random() * ceiling) / 2;
						longestWait = Math.max(longestWait, delay);
						p.waiting.push({ at: clock.now() + delay, tries: request.tries + 1 });
					}
				}
			}
			clock.advance(100);
		}
		const minutes = clock.now() / 60_000;
		// 300 writes at 50 a minute: the last can go at 5 minutes at the earliest (one window after the 250th).
		expect(accepted).toBe(300);
		expect(minutes).toBeLessThanOrEqual(5 * 1.3);
		expect(rejected / accepted).toBeLessThan(0.5);
		expect(longestWait).toBeLessThanOrEqual(30_000);
	});
});

describe('budgetFor', () => {
	it('shares one budget per account and applies the current limits', async () => {
		const a = budgetFor('url|a', { read: 1, write: 1, windowMs: 60_000 });
		expect(budgetFor('url|a', { read: 2, write: 1, windowMs: 60_000 })).toBe(a);
		expect(budgetFor('url|b', { read: 1, write: 1, windowMs: 60_000 })).not.toBe(a);
		await a.acquire('read');
		// The second call raised the read limit to 2: a second slot is free now.
		const second = await Promise.race([
			a.acquire('read').then(() => 'taken'),
			new Promise((r) => setTimeout(() => r('waiting'), 50)),
		]);
		expect(second).toBe('taken');
	});
});

describe('requestKind', () => {
	it('counts GET as a read and everything else as a write', () => {
		expect(requestKind('get')).toBe('read');
		expect(['POST', 'PUT', 'PATCH', 'DELETE'].map(requestKind)).toEqual([
			'write',
			'write',
			'write',
			'write',
		]);
	});
});
