import { DEMO_COMPANY_ID } from '../../sandbox';
import { admin, call, useLoggedInSandbox } from './helpers';

/** The sandbox controls for lists read while the shop keeps working. */
const { sb, token } = useLoggedInSandbox({
	clock: 'manual',
	startTime: '2026-03-02T10:00:00.000Z',
});

const vehicles = (query: Record<string, string | number> = {}) =>
	call(sb(), 'GET', '/vehicles', {
		token: token(),
		query: { companyId: DEMO_COMPANY_ID, size: 5, ...query },
	});
const idsOf = (reply: { body: any }) =>
	(reply.body.results.content as Array<{ vehicleId: string }>).map((v) => v.vehicleId);

describe('change faults: the shop changes right after a page was answered', () => {
	it('the page holds the records as they were; the next request sees the change', async () => {
		const [first, second] = sb().store.list('vehicles', DEMO_COMPANY_ID);
		const customerId = first.customerId as string;
		sb().clock.advance(60_000);
		const f = sb().injectFaults({
			kind: 'change',
			method: 'GET',
			path: '/vehicles',
			query: { page: 1 },
			label: 'edit',
			changes: [
				{ resource: 'vehicles', id: first.vehicleId, patch: { vehicleStatus: 'Inactive' } },
				{ resource: 'vehicles', create: { companyId: DEMO_COMPANY_ID, customerId, make: 'Kia' } },
			],
		});
		const total = sb().store.list('vehicles', DEMO_COMPANY_ID).length;
		const page1 = await vehicles({ page: 1 });
		expect(page1.body.results.content[0]).toEqual(first);
		expect(page1.body.results.pagination.totalCount).toBe(total);
		// Applied once, stamped with the sandbox clock.
		const changed = sb().store.get('vehicles', first.vehicleId);
		expect(changed).toMatchObject({ vehicleStatus: 'Inactive', updatedDate: sb().clock.iso() });
		const all = sb().store.list('vehicles', DEMO_COMPANY_ID);
		expect(all).toHaveLength(total + 1);
		expect(all[total]).toMatchObject({ make: 'Kia', createdDate: sb().clock.iso() });
		const again = await vehicles({ page: 1 });
		expect(again.body.results.content[0]).toEqual(changed);
		expect(again.body.results.pagination.totalCount).toBe(total + 1);
		expect(idsOf(again)[1]).toBe(second.vehicleId);
		expect(sb().requestLog.map((e) => e.fault)).toEqual([
			{ id: f.id, kind: 'change', label: 'edit' },
			undefined,
		]);
		expect(sb().pendingFaults).toEqual([]);
	});

	it('holds the answer `ms` after the change, and changes nothing on an answer other than 200', async () => {
		const [first] = sb().store.list('vehicles', DEMO_COMPANY_ID);
		const change = {
			kind: 'change' as const,
			method: 'GET' as const,
			path: '/vehicles',
			changes: [{ resource: 'vehicles' as const, id: first.vehicleId, patch: { notes: 'x' } }],
		};
		sb().injectFaults({ ...change, ms: 300 });
		const started = Date.now();
		await vehicles({ companyId: 'not-ours' });
		expect(sb().store.get('vehicles', first.vehicleId)?.notes).not.toBe('x');
		await vehicles();
		expect(Date.now() - started).toBeGreaterThanOrEqual(300);
		expect(sb().store.get('vehicles', first.vehicleId)?.notes).toBe('x');
	});

	it.each([
		[{}, 'changes are required'],
		[{ changes: [{ resource: 'boats', id: 1, patch: {} }] }, 'each change needs a resource'],
		[{ changes: [{ resource: 'vehicles', id: 1 }] }, 'either {id, patch} or {create}'],
		[{ changes: [{ resource: 'vehicles', create: {}, id: 1, patch: {} }] }, 'either'],
		[{ changes: [{ resource: 'vehicles', create: {} }], ms: -1 }, 'ms must be >= 0'],
	])('refuses a malformed change fault %j', async (spec, message) => {
		const reply = await admin(sb(), 'POST', 'faults', { kind: 'change', ...spec });
		expect(reply.status).toBe(400);
		expect(reply.body.error).toContain(message);
	});
});

describe('archived records in lists', () => {
	const archive = () => {
		const [first] = sb().store.list('vehicles', DEMO_COMPANY_ID);
		sb().store.update('vehicles', first.vehicleId, { vehicleStatus: 'Inactive' });
		const [customer] = sb().store.list('customers', DEMO_COMPANY_ID);
		sb().store.update('customers', customer.customerId, { status: 'Inactive' });
		const [item] = sb().store.list('items', DEMO_COMPANY_ID);
		sb().store.update('items', item.itemId, { status: 'Inactive' });
		return [first.vehicleId, customer.customerId, item.itemId] as string[];
	};
	/** Each list's first page of ids and its count. */
	const listed = async () => {
		const get = (path: string) =>
			call(sb(), 'GET', path, { token: token(), query: { companyId: DEMO_COMPANY_ID } });
		const [v, c, i] = [await get('/vehicles'), await get('/customers'), await get('/items')];
		return [v.body.results, c.body.results, i.body].map((page: any) => ({
			ids: page.content.map((r: any) => r.vehicleId ?? r.customerId ?? r.itemId) as string[],
			count: (page.pagination ?? page).totalCount as number,
		}));
	};
	const active = () =>
		[
			['vehicles', 'vehicleStatus'],
			['customers', 'status'],
			['items', 'status'],
		].map(
			([resource, field]) =>
				sb()
					.store.list(resource as 'vehicles', DEMO_COMPANY_ID)
					.filter((r) => r[field] !== 'Inactive').length,
		);

	it('are listed by default, and hidden from the lists (not from a Get) in `hidden` mode', async () => {
		const [vehicle, customer, item] = archive();
		expect(sb().archived).toBe('listed');
		const shown = await listed();
		expect(shown.map((list) => list.ids[0])).toEqual([vehicle, customer, item]);
		expect(sb().setArchived('hidden')).toBe('hidden');
		const hidden = await listed();
		hidden.forEach((list, i) => expect(list.ids).not.toContain([vehicle, customer, item][i]));
		expect(hidden.map((list) => list.count)).toEqual(active());
		expect(active().every((n, i) => n < shown[i].count)).toBe(true);
		const get = await call(sb(), 'GET', `/vehicles/${vehicle}`, { token: token() });
		expect(get.body.results.content[0].vehicleStatus).toBe('Inactive');
		sb().reset();
		expect(sb().archived).toBe('listed');
	});

	it('the mode is also an admin control, which refuses unknown modes', async () => {
		expect((await admin(sb(), 'POST', 'archived', { mode: 'hidden' })).body).toEqual({
			success: true,
			archived: 'hidden',
		});
		expect((await admin(sb(), 'GET', 'archived')).body.archived).toBe('hidden');
		const bad = await admin(sb(), 'POST', 'archived', { mode: 'gone' });
		expect(bad.status).toBe(400);
		expect(bad.body.error).toContain('listed, hidden');
		expect(sb().archived).toBe('hidden');
	});
});

it('answers carry the sandbox clock as their HTTP Date (AutoLeap’s clock)', async () => {
	sb().clock.set('2026-03-02T10:00:07.400Z');
	const reply = await vehicles();
	expect(reply.headers.get('date')).toBe('Mon, 02 Mar 2026 10:00:07 GMT');
});
