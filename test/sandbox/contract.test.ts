import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEMO_COMPANY_ID, DEMO_PARTNER, startSandbox, type Sandbox } from '../../sandbox';
import { call, login } from './helpers';

const doc = parse(readFileSync(join(__dirname, '..', '..', 'reference', 'openapi.yaml'), 'utf8'));
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const operations: Array<[string, string, any]> = [];
for (const [path, item] of Object.entries<any>(doc.paths)) {
	for (const m of METHODS) if (item[m]) operations.push([m.toUpperCase(), path, item[m]]);
}

describe('every operation of reference/openapi.yaml is served', () => {
	let sandbox: Sandbox;
	let token = '';
	let ids: Record<string, string> = {};
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, limits: { get: 1000, write: 1000 } });
		token = (await login(sandbox)).accessToken;
		ids = {
			customerId: sandbox.store.list('customers', DEMO_COMPANY_ID)[0].customerId,
			vehicleId: sandbox.store.list('vehicles', DEMO_COMPANY_ID)[0].vehicleId,
			itemId: sandbox.store.list('items', DEMO_COMPANY_ID)[0].itemId,
			roNumber: String(sandbox.store.list('orders', DEMO_COMPANY_ID)[0].repairOrderNumber),
		};
	});
	afterAll(() => sandbox.close());

	it('covers the inferred operations', () => {
		const inferred = operations
			.filter(([, , op]) => op['x-inferred'] === true)
			.map(([m, p]) => `${m} ${p}`);
		expect(inferred).toEqual(
			expect.arrayContaining(['GET /itemPricing/{itemId}', 'PUT /itemPricing']),
		);
		for (const [, , op] of operations.filter(([, , o]) => o['x-inferred']))
			expect(op['x-inferred-why']).toEqual(expect.any(String));
	});

	it.each(operations.map(([m, p, op]) => [`${m} ${p}`, m, p, op]))(
		'%s',
		async (_label, method, path, op) => {
			const url = (path as string).replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? 'x');
			const body =
				op.operationId === 'partnerLogin'
					? DEMO_PARTNER
					: op.operationId === 'refreshTokens'
						? { refreshToken: 'r' }
						: {};
			const r = await call(sandbox, method as string, url, {
				token: op.operationId === 'partnerLogout' ? undefined : token,
				query: method === 'GET' ? { companyId: DEMO_COMPANY_ID } : undefined,
				body: method === 'GET' ? undefined : body,
			});
			// answered by the operation: not "no such route" and not "method not allowed"
			expect(r.status).not.toBe(405);
			expect(r.status).not.toBe(501);
			if (r.status === 404) expect(r.body.error).not.toMatch(/route not found/i);
			expect(r.body).toBeDefined();
			if (method === 'GET') expect(r.status).toBe(200);
		},
	);

	it('answers the lower-cased portal slugs and 404/405s unknown routes', async () => {
		expect(
			(
				await call(sandbox, 'GET', '/inventorylevels', {
					token,
					query: { companyId: DEMO_COMPANY_ID },
				})
			).status,
		).toBe(200);
		expect(
			(
				await call(sandbox, 'GET', '/technicians/timesheetlogs', {
					token,
					query: { companyId: DEMO_COMPANY_ID },
				})
			).status,
		).toBe(200);
		expect(
			(
				await call(sandbox, 'GET', '/appointmentrequests', {
					token,
					query: { companyId: DEMO_COMPANY_ID },
				})
			).status,
		).toBe(200);
		const t = await login(sandbox);
		expect(
			(
				await call(sandbox, 'POST', '/partners/generatenewaccesstoken', {
					body: { refreshToken: t.refreshToken },
				})
			).status,
		).toBe(200);
		const missing = await call(sandbox, 'GET', '/purchaseOrders', { token });
		expect(missing.status).toBe(404);
		expect(missing.body).toEqual({
			success: false,
			error: expect.stringMatching(/route not found/i),
		});
		expect((await call(sandbox, 'DELETE', '/customers', { token })).status).toBe(405);
	});
});
