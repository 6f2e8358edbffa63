import { DEMO_COMPANY_ID, DEMO_PARTNER } from '../../sandbox';
import { admin, call, login, useSandbox } from './helpers';

/** Faults that answer instead of the API, their selection, and the admin controls. */
describe('sandbox faults: answers instead of the API', () => {
	const sb = useSandbox({ clock: 'manual' });
	let token = '';
	let refreshToken = '';
	beforeEach(async () => {
		sb().reset();
		({ accessToken: token, refreshToken } = await login(sb()));
		sb().clearLog();
	});
	const vehicles = (query: Record<string, string | number> = {}) =>
		call(sb(), 'GET', '/vehicles', { token, query: { companyId: DEMO_COMPANY_ID, ...query } });
	const firstVehicle = () => sb().store.list('vehicles', DEMO_COMPANY_ID)[0];
	const putVehicles = (list: object[]) =>
		call(sb(), 'PUT', '/vehicles', { token, body: { companyId: DEMO_COMPANY_ID, vehicles: list } });

	it('selects by method, path and query, counts uses, and logs which fault answered', async () => {
		const f = sb().injectFaults({
			kind: 'status',
			status: 504,
			count: 2,
			method: 'GET',
			path: '/v2/vehicles',
			query: { page: 3 },
			label: 'p3',
		});
		expect(f).toMatchObject({
			id: expect.any(Number),
			kind: 'status',
			count: 2,
			used: 0,
			path: '/vehicles',
		});
		expect((await vehicles({ page: 2, size: 10 })).status).toBe(200);
		const hit = await vehicles({ page: 3, size: 10 });
		expect(hit.status).toBe(504);
		expect(hit.body).toEqual({ success: false, error: 'Gateway timeout' });
		expect((await putVehicles([{ vehicleId: firstVehicle().vehicleId, notes: 'w' }])).status).toBe(
			200,
		); // a write on the same path
		expect(sb().pendingFaults).toEqual([expect.objectContaining({ id: f.id, count: 1, used: 1 })]);
		expect((await vehicles({ page: 3, size: 10 })).status).toBe(504);
		expect((await vehicles({ page: 3, size: 10 })).status).toBe(200);
		expect(sb().pendingFaults).toEqual([]);
		expect(sb().requestLog.map((e) => [e.status, e.fault?.id])).toEqual([
			[200, undefined],
			[504, f.id],
			[200, undefined],
			[504, f.id],
			[200, undefined],
		]);
		expect(sb().requestLog[1].fault).toEqual({ id: f.id, kind: 'status', label: 'p3' });
	});

	it('skip lets the first matching requests through', async () => {
		const f = sb().injectFaults({
			kind: 'status',
			status: 503,
			method: 'GET',
			path: '/vehicles',
			skip: 2,
		});
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await vehicles({ page: 1, size: 5 })).status);
		expect(statuses).toEqual([200, 200, 503, 200]);
		expect(sb().requestLog.map((e) => e.fault?.id)).toEqual([
			undefined,
			undefined,
			f.id,
			undefined,
		]);
	});

	it('persistent faults answer until cleared; clearFaults(id) removes one', async () => {
		const a = sb().injectFaults({
			status: 401,
			persistent: true,
			path: '/partners/profile',
			error: 'jwt expired',
		});
		const b = sb().injectFaults({ status: 403, persistent: true, path: '/customers' });
		for (let i = 0; i < 3; i++)
			expect((await call(sb(), 'GET', '/partners/profile', { token })).body).toEqual({
				success: false,
				error: 'jwt expired',
			});
		expect(sb().pendingFaults.find((p) => p.id === a.id)?.used).toBe(3);
		sb().clearFaults(a.id);
		expect((await call(sb(), 'GET', '/partners/profile', { token })).status).toBe(200);
		expect(
			(await call(sb(), 'GET', '/customers', { token, query: { companyId: DEMO_COMPANY_ID } }))
				.status,
		).toBe(403);
		expect(sb().pendingFaults.map((p) => p.id)).toEqual([b.id]);
	});

	it.each([
		[400, 'Bad request'],
		[401, 'Unauthorized'],
		[403, 'Forbidden'],
		[404, 'Not found'],
		[408, 'Request timeout'],
		[429, 'Rate limit exceeded'],
		[500, 'Internal server error'],
		[502, 'Bad gateway'],
		[503, 'Service unavailable'],
		[504, 'Gateway timeout'],
	])('status %i answers {success:false,error} and applies nothing', async (status, error) => {
		sb().injectFaults({ kind: 'status', status });
		const before = firstVehicle().notes;
		const r = await putVehicles([{ vehicleId: firstVehicle().vehicleId, notes: 'changed' }]);
		expect(r.status).toBe(status);
		expect(r.body).toEqual({ success: false, error });
		expect(firstVehicle().notes).toBe(before);
	});

	it('html: a proxy page with Content-Type text/html, 200 or a given status', async () => {
		sb().injectFaults({ kind: 'html' });
		const portal = await vehicles();
		expect(portal.status).toBe(200);
		expect(portal.headers.get('content-type')).toMatch(/^text\/html/);
		expect(portal.text).toMatch(/^<!DOCTYPE html>/);
		expect(portal.body).toBeUndefined(); // not JSON
		sb().injectFaults({ kind: 'html', status: 502, headers: { 'Retry-After': '3' } });
		const gateway = await vehicles();
		expect(gateway.status).toBe(502);
		expect(gateway.text).toContain('<title>502 Bad Gateway</title>');
		expect(gateway.headers.get('retry-after')).toBe('3');
		expect(sb().requestLog.map((e) => [e.status, e.fault?.kind])).toEqual([
			[200, 'html'],
			[502, 'html'],
		]);
	});

	it('successFalse: 200 {success:false} and the write is not applied', async () => {
		sb().injectFaults({ kind: 'successFalse', method: 'WRITE', error: 'Something went wrong' });
		const r = await putVehicles([{ vehicleId: firstVehicle().vehicleId, notes: 'changed' }]);
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ success: false, error: 'Something went wrong' });
		expect(firstVehicle().notes).not.toBe('changed');
	});

	it('empty: 200 with no body, with and without a JSON Content-Type', async () => {
		sb().injectFaults({ kind: 'empty' });
		sb().injectFaults({ kind: 'empty', variant: 'json' });
		const plain = await vehicles();
		const json = await vehicles();
		for (const r of [plain, json]) {
			expect(r.status).toBe(200);
			expect(r.text).toBe('');
			expect(r.headers.get('content-length')).toBe('0');
		}
		expect(plain.headers.get('content-type')).toBeNull();
		expect(json.headers.get('content-type')).toMatch(/^application\/json/);
		expect(sb().requestLog.map((e) => e.fault?.variant)).toEqual(['plain', 'json']);
	});

	it('echoSecrets: error texts that carry the Bearer token in several forms', async () => {
		sb().injectFaults({ kind: 'echoSecrets' });
		const r = await vehicles();
		expect(r.status).toBe(401);
		expect(r.body.success).toBe(false);
		expect(r.body.error).toContain(`Invalid token: ${token}`);
		expect(r.body.error).toContain(`?token=${token}`);
		sb().injectFaults({ kind: 'echoSecrets', variant: 'tokenParam', status: 500 });
		const param = await vehicles();
		expect(param.status).toBe(500);
		expect(param.body.error).toBe(`Request rejected: GET /v2/vehicles?token=${token}`);
		sb().injectFaults({ kind: 'echoSecrets', variant: 'invalidToken', status: 200 });
		const ok = await vehicles();
		expect(ok.status).toBe(200);
		expect(ok.body).toEqual({ success: false, error: `Invalid token: ${token}` });
		sb().injectFaults({ kind: 'echoSecrets', error: 'jwt malformed ({accessToken})', status: 400 });
		expect((await vehicles()).body.error).toBe(`jwt malformed (${token})`);
		expect(JSON.stringify(sb().requestLog)).not.toContain(token);
	});

	it('echoSecrets on login and refresh echoes the authKey / refreshToken; token forms skip requests without a token', async () => {
		sb().injectFaults({ kind: 'echoSecrets', variant: 'invalidToken' }); // login carries no Bearer token: not for it
		sb().injectFaults({ kind: 'echoSecrets', variant: 'body', path: '/partners/login' });
		sb().injectFaults({
			kind: 'echoSecrets',
			variant: 'body',
			status: 400,
			path: '/partners/generateNewAccessToken',
		});
		const l = await call(sb(), 'POST', '/partners/login', { body: DEMO_PARTNER });
		expect(l.status).toBe(401);
		expect(l.body.error).toBe(`Invalid authKey: ${DEMO_PARTNER.authKey}`);
		const r = await call(sb(), 'POST', '/partners/generateNewAccessToken', {
			body: { refreshToken },
		});
		expect(r).toMatchObject({
			status: 400,
			body: { success: false, error: `Invalid refreshToken: ${refreshToken}` },
		});
		expect(sb().pendingFaults.map((f) => f.variant)).toEqual(['invalidToken']);
		expect(sb().counters.logins).toBe(1); // the faults answered before the API
		const log = JSON.stringify(sb().requestLog);
		expect(log).not.toContain(DEMO_PARTNER.authKey);
		expect(log).not.toContain(refreshToken);
	});

	it('rejectRecords: 400 naming elements by index, nothing applied', async () => {
		const ids = sb()
			.store.list('customers', DEMO_COMPANY_ID)
			.slice(0, 5)
			.map((c) => c.customerId);
		sb().injectFaults({ kind: 'rejectRecords', indexes: [3], field: 'firstName' });
		const body = {
			companyId: DEMO_COMPANY_ID,
			customers: ids.map((customerId) => ({ customerId, firstName: 'Renamed' })),
		};
		const r = await call(sb(), 'PUT', '/customers', { token, body });
		expect(r.status).toBe(400);
		expect(r.body).toEqual({ success: false, error: 'customers[3].firstName is required' });
		expect(ids.every((id) => sb().store.get('customers', id)?.firstName !== 'Renamed')).toBe(true);
		// two short of index 3: not for this batch, which is applied
		sb().injectFaults({ kind: 'rejectRecords', indexes: [3] });
		expect(
			(
				await call(sb(), 'PUT', '/customers', {
					token,
					body: { ...body, customers: body.customers.slice(0, 2) },
				})
			).status,
		).toBe(200);
		expect(sb().store.get('customers', ids[0])?.firstName).toBe('Renamed');
		expect(sb().pendingFaults).toHaveLength(1);
	});

	it('rejectRecords by id: only batches holding a stale id, with a configurable text', async () => {
		const [a, b, c] = sb()
			.store.list('vehicles', DEMO_COMPANY_ID)
			.map((v) => v.vehicleId);
		sb().injectFaults({ kind: 'rejectRecords', variant: 'id', ids: [b, c], persistent: true });
		const r = await putVehicles([
			{ vehicleId: a, notes: 'x' },
			{ vehicleId: b, notes: 'x' },
			{ vehicleId: c, notes: 'x' },
		]);
		expect(r.status).toBe(400);
		expect(r.body.error).toBe(`vehicleId ${b} not found; vehicleId ${c} not found`);
		expect(sb().store.get('vehicles', a)?.notes).not.toBe('x');
		expect((await putVehicles([{ vehicleId: a, notes: 'x' }])).status).toBe(200);
		expect(sb().store.get('vehicles', a)?.notes).toBe('x');
		sb().clearFaults();
		sb().injectFaults({
			kind: 'rejectRecords',
			variant: 'id',
			ids: [a],
			status: 404,
			error: 'Record {idField}={id} (#{index}) is stale',
		});
		expect(await putVehicles([{ vehicleId: b }, { vehicleId: a }])).toMatchObject({
			status: 404,
			body: { error: `Record vehicleId=${a} (#1) is stale` },
		});
		// The text may quote any field of the element (a foreign key, say), by {record.<field>}.
		sb().injectFaults({
			kind: 'rejectRecords',
			variant: 'id',
			idField: 'notes',
			ids: ['bad'],
			error: 'Customer {record.customerId} refused a vehicle{record.missing}',
		});
		expect(
			await putVehicles([
				{ vehicleId: a, notes: 'ok' },
				{ vehicleId: b, notes: 'bad', customerId: 'c-7' },
			]),
		).toMatchObject({ status: 400, body: { error: 'Customer c-7 refused a vehicle' } });
	});

	it('without a fault, a bulk update with an unknown id names it and its index and applies nothing', async () => {
		const [a, b] = sb()
			.store.list('vehicles', DEMO_COMPANY_ID)
			.map((v) => v.vehicleId);
		const r = await putVehicles([
			{ vehicleId: a, notes: 'x' },
			{ vehicleId: b, notes: 'x' },
			{ vehicleId: '999999', notes: 'x' },
		]);
		expect(r.status).toBe(404);
		expect(r.body).toEqual({ success: false, error: 'vehicles[2].vehicleId "999999" not found' });
		expect([a, b].map((id) => sb().store.get('vehicles', id)?.notes)).not.toContain('x');
	});

	it('over /__admin/faults: one or several specs, all-or-nothing validation, list and delete', async () => {
		const added = await admin(sb(), 'POST', 'faults', [
			{ kind: 'successFalse', method: 'GET', path: '/vehicles', query: { page: 2 } },
			{ status: 502, persistent: true, path: '/items' },
		]);
		expect(added.status).toBe(200);
		expect(added.body.added.map((f: any) => f.kind)).toEqual(['successFalse', 'status']);
		expect((await vehicles({ page: 2 })).body).toEqual({
			success: false,
			error: 'Request could not be processed',
		});
		const log = (await admin(sb(), 'GET', 'log')).body.log;
		expect(log.at(-1)).toMatchObject({
			status: 200,
			query: { page: '2' },
			fault: { id: added.body.added[0].id, kind: 'successFalse' },
		});
		for (const bad of [
			{ kind: 'nope' },
			{ status: 418 },
			{ kind: 'delay' },
			{ status: 500, times: 2 },
			{ kind: 'html', count: 0 },
			{ kind: 'empty', variant: 'xml' },
		]) {
			const r = await admin(sb(), 'POST', 'faults', [{ kind: 'html' }, bad]);
			expect(r.status).toBe(400);
			expect(r.body.success).toBe(false);
		}
		expect((await admin(sb(), 'GET', 'faults')).body.faults).toEqual([
			expect.objectContaining({ kind: 'status', status: 502, persistent: true }),
		]);
		expect((await admin(sb(), 'DELETE', `faults/${added.body.added[1].id}`)).body.faults).toEqual(
			[],
		);
	});
});
