import type { IHttpRequestOptions } from 'n8n-workflow';

import {
	AnswerError,
	HttpStatusError,
	RenewalError,
} from '../../nodes/shared/autoleap/transport/errors';
import {
	backoffDelay,
	retryPolicyFor,
	retryReason,
} from '../../nodes/shared/autoleap/transport/retry';
import { send } from '../../nodes/shared/autoleap/transport/send';

/** AutoLeap's minute: 1 s doubling up to 30 s. */
const policy = retryPolicyFor(60_000, 600_000);

const failure = (status?: number) =>
	Object.assign(new Error(`HTTP ${status}`), status ? { httpCode: String(status) } : {});

describe('retryPolicyFor', () => {
	it("scales the delays with the account's rate window", () => {
		expect(policy).toMatchObject({ baseDelayMs: 1_000, maxDelayMs: 30_000 });
		expect(retryPolicyFor(6_000, 1_000)).toMatchObject({
			baseDelayMs: 100,
			maxDelayMs: 3_000,
			patienceMs: 1_000,
		});
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

describe('send retries', () => {
	// A window of 600 ms: retry delays start at 10 ms. Every test has an account of its own.
	let account = 0;
	const credentials = (extra: object = {}) => ({
		partnerId: `retry-${++account}`,
		environment: 'custom',
		customUrl: 'http://retry.test/v2',
		rateWindowMs: 600,
		...extra,
	});
	const read = { method: 'GET' as const, path: '/vehicles' };
	const write = { method: 'POST' as const, path: '/vehicles', body: { companyId: 'c' } };

	/** A port that fails with the given errors, then answers a list. */
	function port(failures: unknown[]) {
		const calls: number[] = [];
		const http = jest.fn(async () => {
			calls.push(Date.now());
			const failure = failures[calls.length - 1];
			if (calls.length <= failures.length) throw failure;
			return { body: { content: [], success: true } };
		});
		return { http, calls };
	}

	it('waits out 429s on reads and writes, then succeeds, with growing gaps', async () => {
		for (const request of [read, write]) {
			const { http, calls } = port([failure(429), failure(429), failure(429)]);
			await expect(
				send(credentials(), request, {
					port: http,
					expect: request === read ? 'list' : 'ack',
				}),
			).resolves.toBeDefined();
			expect(http).toHaveBeenCalledTimes(4);
			const gaps = calls.slice(1).map((t, i) => t - calls[i]);
			expect(gaps[2]).toBeGreaterThanOrEqual(15); // the third wait is 20–40 ms
		}
	});

	it('gives up on 429s after the patience, however many tries that is', async () => {
		const { http } = port(Array(10_000).fill(failure(429)));
		const started = Date.now();
		await expect(
			send(credentials({ patienceMinutes: 0.005 }), read, { port: http, expect: 'list' }),
		).rejects.toThrow('HTTP 429');
		const took = Date.now() - started;
		expect(took).toBeLessThan(2_000);
		expect(http.mock.calls.length).toBeGreaterThan(2);
	});

	it('retries a read three times after 5xx, network failures and unusable answers, counted apart from 429s', async () => {
		const { http } = port([
			failure(500),
			failure(429),
			new Error('socket hang up'),
			new AnswerError('an HTML page'),
			failure(502),
		]);
		await expect(send(credentials(), read, { port: http, expect: 'list' })).rejects.toThrow(
			'HTTP 502',
		);
		expect(http).toHaveBeenCalledTimes(5);
	});

	it.each([
		['a 5xx', failure(500)],
		['a reset after sending', new Error('socket hang up')],
		['an unusable answer', new AnswerError('an HTML page')],
	])('sends a write once after %s (it may have been applied)', async (_case, error) => {
		const { http } = port([error]);
		await expect(send(credentials(), write, { port: http, expect: 'ack' })).rejects.toBe(error);
		expect(http).toHaveBeenCalledTimes(1);
	});

	it.each([
		['a refused answer (success: false)', new AnswerError('Vehicle not found', true)],
		['a 404', new HttpStatusError(404, { success: false, error: 'not found' })],
		[
			'a rejected Partner ID or Auth Key',
			new RenewalError('rejected', 'AutoLeap rejected the Partner ID or Auth Key', ''),
		],
	])('does not retry %s', async (_case, error) => {
		const { http } = port([error]);
		await expect(send(credentials(), read, { port: http, expect: 'list' })).rejects.toBe(error);
		expect(http).toHaveBeenCalledTimes(1);
	});

	it('checks the answer: a 2xx that is not the documented JSON fails', async () => {
		const html = jest.fn(async () => ({ body: '<html><body>Please log in</body></html>' }));
		await expect(send(credentials(), write, { port: html, expect: 'ack' })).rejects.toThrow(
			'an HTML page instead of JSON',
		);
		const refused = jest.fn(async () => ({ body: { success: false, error: 'Company is locked' } }));
		await expect(
			send(credentials(), write, { port: refused, expect: 'ack' }),
		).rejects.toMatchObject({ refused: true, message: 'Company is locked' });
	});

	it("sends with the credential's timeout and base URL", async () => {
		const http = jest.fn(async (options: object) => ({ body: { content: [], options } }));
		await send(credentials({ timeoutSeconds: 7 }), read, { port: http, expect: 'list' });
		expect(http.mock.calls[0][0]).toMatchObject({
			baseURL: 'http://retry.test/v2',
			url: '/vehicles',
			timeout: 7_000,
			json: true,
		});
	});

	it("asks for the full response and reads AutoLeap's clock from its Date header", async () => {
		const date = 'Mon, 02 Jun 2025 12:00:05 GMT';
		const http = jest.fn(async () => ({ body: { content: [] }, headers: { date } }));
		await expect(send(credentials(), read, { port: http, expect: 'list' })).resolves.toEqual({
			body: { content: [] },
			serverTime: Date.parse('2025-06-02T12:00:05Z'),
		});
		expect(http.mock.calls[0]).toMatchObject([{ returnFullResponse: true }]);
		const undated = jest.fn(async () => ({ body: { content: [] }, headers: { date: 'soon' } }));
		await expect(send(credentials(), read, { port: undated, expect: 'list' })).resolves.toEqual({
			body: { content: [] },
			serverTime: undefined,
		});
	});

	it('puts the company where AutoLeap takes it: the query of a read, the body of a write', async () => {
		const http = jest.fn<Promise<{ body: unknown }>, [IHttpRequestOptions]>(async () => ({
			body: { content: [], success: true },
		}));
		const companyId = 'C1';
		await send(
			credentials(),
			{ ...read, companyId, qs: { page: 1 } },
			{ port: http, expect: 'list' },
		);
		await send(
			credentials(),
			{ ...write, companyId, body: { vehicles: [] } },
			{ port: http, expect: 'ack' },
		);
		await send(credentials(), { ...read, companyId: '' }, { port: http, expect: 'list' });
		expect(http.mock.calls.map(([options]) => [options.qs, options.body])).toEqual([
			[{ companyId, page: 1 }, undefined],
			[undefined, { companyId, vehicles: [] }],
			[undefined, undefined],
		]);
	});

	it('makes a renewal one attempt: the request it serves does the waiting', async () => {
		const { http } = port([failure(429)]);
		await expect(
			send(credentials(), write, { port: http, expect: 'tokens', renewal: true }),
		).rejects.toThrow('HTTP 429');
		expect(http).toHaveBeenCalledTimes(1);
	});
});
