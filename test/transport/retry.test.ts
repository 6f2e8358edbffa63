import { backoffDelay, retryPolicyFor, retryReason, withRetries } from '../../nodes/shared/autoleap/transport/retry';

/** AutoLeap's minute: 1 s doubling up to 30 s. */
const policy = retryPolicyFor(60_000);

const failure = (status?: number) => Object.assign(new Error(`HTTP ${status}`), status ? { httpCode: String(status) } : {});

/** A request that fails with the given statuses, then answers 'ok'; records the waits. */
function flaky(statuses: Array<number | undefined>) {
	let calls = 0;
	const waits: number[] = [];
	const send = jest.fn(async () => {
		const status = statuses[calls++];
		if (calls <= statuses.length) throw failure(status);
		return 'ok';
	});
	const wait = async (ms: number) => {
		waits.push(ms);
	};
	return { send, wait, waits };
}

describe('retryPolicyFor', () => {
	it('scales the delays with the account\'s rate window', () => {
		expect(policy).toMatchObject({ baseDelayMs: 1_000, maxDelayMs: 30_000 });
		expect(retryPolicyFor(6_000)).toMatchObject({ baseDelayMs: 100, maxDelayMs: 3_000 });
	});
});

describe('backoffDelay', () => {
	it('doubles per attempt, between half and all of the ceiling', () => {
		for (let attempt = 0; attempt < 5; attempt++) {
			const ceiling = policy.baseDelayMs * 2 ** attempt;
			expect(backoffDelay(policy, attempt, () => 0)).toBe(ceiling / 2);
			expect(backoffDelay(policy, attempt, () => 1)).toBe(ceiling);
			expect(backoffDelay(policy, attempt, () => 0.5)).toBe((ceiling * 3) / 4);
		}
	});

	it('is jittered: random draws give different delays within the bounds', () => {
		const delays = Array.from({ length: 200 }, () => backoffDelay(policy, 3));
		const ceiling = policy.baseDelayMs * 8;
		expect(Math.min(...delays)).toBeGreaterThanOrEqual(ceiling / 2);
		expect(Math.max(...delays)).toBeLessThanOrEqual(ceiling);
		expect(new Set(delays).size).toBeGreaterThan(50);
	});

	it('never exceeds maxDelayMs', () => {
		const capped = { ...policy, maxDelayMs: 5_000 };
		expect(backoffDelay(capped, 20, () => 1)).toBe(5_000);
		expect(backoffDelay(capped, 20, () => 0)).toBe(2_500);
	});
});

describe('retryReason', () => {
	it.each([
		[429, 'read', 'rateLimited'],
		[429, 'write', 'rateLimited'],
		[500, 'read', 'serverError'],
		[503, 'read', 'serverError'],
		[undefined, 'read', 'serverError'],
		[500, 'write', undefined],
		[undefined, 'write', undefined],
		[400, 'read', undefined],
		[401, 'read', undefined],
		[404, 'read', undefined],
	] as const)('HTTP %s on a %s → %s', (status, kind, reason) => {
		expect(retryReason(failure(status), kind)).toBe(reason);
	});
});

describe('withRetries', () => {
	it('retries 429 on reads and writes with growing waits', async () => {
		for (const kind of ['read', 'write'] as const) {
			const { send, wait, waits } = flaky([429, 429, 429]);
			await expect(withRetries(kind, send, policy, wait)).resolves.toBe('ok');
			expect(send).toHaveBeenCalledTimes(4);
			const bounds = [0, 1, 2].map((attempt) => policy.baseDelayMs * 2 ** attempt);
			waits.forEach((ms, i) => {
				expect(ms).toBeGreaterThanOrEqual(bounds[i] / 2);
				expect(ms).toBeLessThanOrEqual(bounds[i]);
			});
		}
	});

	it('retries 5xx and network failures on reads', async () => {
		const { send, wait } = flaky([500, undefined, 502]);
		await expect(withRetries('read', send, policy, wait)).resolves.toBe('ok');
		expect(send).toHaveBeenCalledTimes(4);
	});

	it('does not retry a 5xx on a write (it may have been applied)', async () => {
		const { send, wait, waits } = flaky([500]);
		await expect(withRetries('write', send, policy, wait)).rejects.toThrow('HTTP 500');
		expect(send).toHaveBeenCalledTimes(1);
		expect(waits).toEqual([]);
	});

	it('does not retry a 404', async () => {
		const { send, wait } = flaky([404]);
		await expect(withRetries('read', send, policy, wait)).rejects.toThrow('HTTP 404');
		expect(send).toHaveBeenCalledTimes(1);
	});

	it('gives up after the 429 bound', async () => {
		const { send, wait, waits } = flaky(Array(10).fill(429));
		await expect(withRetries('write', send, { ...policy, rateLimitedRetries: 3 }, wait)).rejects.toThrow('HTTP 429');
		expect(send).toHaveBeenCalledTimes(4);
		expect(waits).toHaveLength(3);
	});

	it('gives up after the 5xx bound, counted apart from 429s', async () => {
		const { send, wait } = flaky([429, 500, 429, 500, 500]);
		await expect(withRetries('read', send, { ...policy, serverErrorRetries: 2 }, wait)).rejects.toThrow('HTTP 500');
		expect(send).toHaveBeenCalledTimes(5);
	});
});
