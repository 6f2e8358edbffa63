import { DEMO_COMPANY_ID, DEMO_PARTNER, startSandbox } from '../../sandbox';
import { attempt, call, login, until, useLoggedInSandbox } from './helpers';

/** Faults on the wire: cut answers, no answers, late answers; and whether the write was applied. */
describe('sandbox faults: truncated, hang, reset, delay', () => {
	const { sb, token } = useLoggedInSandbox({ clock: 'manual' });
	const vehicle = () => sb().store.list('vehicles', DEMO_COMPANY_ID)[0];
	const update = (notes: string, extra: { timeoutMs?: number } = {}) =>
		attempt(sb(), 'PUT', '/vehicles', {
			token: token(),
			body: { companyId: DEMO_COMPANY_ID, vehicles: [{ vehicleId: vehicle().vehicleId, notes }] },
			...extra,
		});
	const errorOf = (r: Awaited<ReturnType<typeof attempt>>) => ('error' in r ? r.error : undefined);
	/** fetch's own failure (no usable answer), not an HTTP status. */
	const failed = (r: Awaited<ReturnType<typeof attempt>>) => errorOf(r)?.message;

	it('truncated GET: the real JSON cut in the middle, status 200, JSON content type', async () => {
		const whole = await call(sb(), 'GET', '/vehicles', {
			token: token(),
			query: { companyId: DEMO_COMPANY_ID, size: 20 },
		});
		sb().injectFaults({ kind: 'truncated', method: 'GET' });
		const r = await call(sb(), 'GET', '/vehicles', {
			token: token(),
			query: { companyId: DEMO_COMPANY_ID, size: 20 },
		});
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toMatch(/^application\/json/);
		expect(r.body).toBeUndefined();
		expect(r.text).toBe(whole.text.slice(0, Math.floor(whole.text.length / 2)));
		expect(sb().requestLog.at(-1)).toMatchObject({
			status: 200,
			fault: { kind: 'truncated', variant: 'body' },
		});
	});

	it('truncated write: applied or not, as chosen', async () => {
		sb().injectFaults({ kind: 'truncated', method: 'WRITE', applied: true });
		const applied = await update('applied');
		expect(applied).toMatchObject({ status: 200, body: undefined });
		expect(vehicle().notes).toBe('applied');
		sb().injectFaults({ kind: 'truncated', method: 'WRITE', cutAt: 10 });
		const notApplied = await update('not applied');
		expect(notApplied).toMatchObject({ status: 200, text: '{"success"' });
		expect(vehicle().notes).toBe('applied');
		expect(sb().requestLog.map((e) => e.fault)).toEqual([
			expect.objectContaining({ kind: 'truncated', applied: true }),
			expect.objectContaining({ kind: 'truncated', applied: false }),
		]);
	});

	it('an applied fault waits for a 200: a 401 answer does not consume it', async () => {
		sb().injectFaults({ kind: 'truncated', method: 'WRITE', applied: true });
		sb().expireAccessTokens();
		expect(await update('x')).toMatchObject({ status: 401 });
		expect(sb().pendingFaults).toHaveLength(1);
		// a login is a write too, and answers 200: it takes the fault (tokens issued, answer cut)
		const l = await call(sb(), 'POST', '/partners/login', { body: DEMO_PARTNER });
		expect(l).toMatchObject({ status: 200, body: undefined });
		expect(sb().counters.logins).toBe(2);
		expect(sb().pendingFaults).toHaveLength(0);
		expect(sb().requestLog.at(-1)).toMatchObject({
			path: '/partners/login',
			fault: { kind: 'truncated', applied: true },
		});
	});

	it('truncated connection: full Content-Length announced, then the connection dies mid-body', async () => {
		sb().injectFaults({ kind: 'truncated', variant: 'connection', method: 'GET' });
		const r = await attempt(sb(), 'GET', '/partners/profile', { token: token() });
		expect(failed(r)).toBe('terminated'); // the body stream broke after the 200 headers
		expect(sb().requestLog.at(-1)).toMatchObject({
			status: 200,
			fault: { kind: 'truncated', variant: 'connection' },
		});
	});

	it('hang: no answer until the client gives up; applied or not', async () => {
		sb().injectFaults({ kind: 'hang', method: 'GET' });
		expect(
			errorOf(await attempt(sb(), 'GET', '/partners/profile', { token: token(), timeoutMs: 200 }))
				?.name,
		).toBe('TimeoutError');
		await until(() => sb().requestLog.at(-1)?.closedAt !== undefined);
		expect(sb().requestLog.at(-1)).toMatchObject({ status: 0, fault: { kind: 'hang' } });

		sb().injectFaults({ kind: 'hang', method: 'WRITE', applied: true });
		expect(errorOf(await update('hung after write', { timeoutMs: 200 }))?.name).toBe(
			'TimeoutError',
		);
		expect(vehicle().notes).toBe('hung after write');
		sb().injectFaults({ kind: 'hang', method: 'WRITE' });
		expect(errorOf(await update('hung before write', { timeoutMs: 200 }))?.name).toBe(
			'TimeoutError',
		);
		expect(vehicle().notes).toBe('hung after write');
		expect(
			sb()
				.requestLog.slice(-2)
				.map((e) => [e.status, e.fault?.applied]),
		).toEqual([
			[0, true],
			[0, false],
		]);
		// the sandbox still answers afterwards
		expect((await call(sb(), 'GET', '/partners/profile', { token: token() })).status).toBe(200);
	});

	it('reset: the socket is destroyed without an answer; applied or not', async () => {
		sb().injectFaults({ kind: 'reset', method: 'WRITE', applied: true });
		expect(failed(await update('reset after write'))).toBe('fetch failed');
		expect(vehicle().notes).toBe('reset after write');
		sb().injectFaults({ kind: 'reset', method: 'WRITE', applied: false });
		expect(failed(await update('reset before write'))).toBe('fetch failed');
		expect(vehicle().notes).toBe('reset after write');
		sb().injectFaults({ kind: 'reset', method: 'GET' });
		expect(failed(await attempt(sb(), 'GET', '/partners/profile', { token: token() }))).toBe(
			'fetch failed',
		);
		expect(sb().requestLog.map((e) => [e.status, e.fault?.kind, e.fault?.applied])).toEqual([
			[0, 'reset', true],
			[0, 'reset', false],
			[0, 'reset', undefined],
		]);
	});

	it('delay: the normal answer, later; a write is applied even when the client gives up first', async () => {
		sb().injectFaults({ kind: 'delay', ms: 150, method: 'GET' });
		const t = Date.now();
		const r = await call(sb(), 'GET', '/partners/profile', { token: token() });
		expect(Date.now() - t).toBeGreaterThanOrEqual(140);
		expect(r.status).toBe(200);
		expect(sb().requestLog.at(-1)).toMatchObject({ status: 200, fault: { kind: 'delay' } });
		sb().injectFaults({ kind: 'delay', ms: 60_000, method: 'WRITE' });
		expect(errorOf(await update('late', { timeoutMs: 200 }))?.name).toBe('TimeoutError');
		expect(vehicle().notes).toBe('late');
	});
});

describe('sandbox close() with requests in flight', () => {
	it('ends hung and delayed requests and returns', async () => {
		const sandbox = await startSandbox({ port: 0, seedData: false });
		let closed = false;
		try {
			const { accessToken } = await login(sandbox);
			sandbox.injectFaults({ kind: 'hang', path: '/partners/profile' });
			sandbox.injectFaults({ kind: 'delay', ms: 600_000, path: '/customers' });
			const hung = attempt(sandbox, 'GET', '/partners/profile', { token: accessToken });
			const late = attempt(sandbox, 'GET', '/customers', {
				token: accessToken,
				query: { companyId: 'x' },
			});
			await until(() => sandbox.requestLog.length === 3);
			await sandbox.close();
			closed = true;
			const results = await Promise.all([hung, late]);
			expect(results.map((r) => 'error' in r)).toEqual([true, true]);
			await until(() => sandbox.requestLog[1].closedAt !== undefined);
		} finally {
			if (!closed) await sandbox.close();
		}
	});
});
