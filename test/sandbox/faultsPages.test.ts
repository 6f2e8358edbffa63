import { DEMO_COMPANY_ID } from '../../sandbox';
import { admin, call, useLoggedInSandbox } from './helpers';

/** Paging faults: a server or proxy that ignores `page`, and page metadata that contradicts the pages. */
describe('sandbox faults: ignorePage and totalsLie', () => {
	const { sb, token } = useLoggedInSandbox({ clock: 'manual' });
	const list = (path: string, query: Record<string, string | number>) =>
		call(sb(), 'GET', path, { token: token(), query: { companyId: DEMO_COMPANY_ID, ...query } });
	const ids = (r: { body: any }) => r.body.results.content.map((v: any) => v.vehicleId);

	it('ignorePage: page 1 with page 1 metadata whatever page is asked, only on list answers', async () => {
		const page1 = await list('/vehicles', { page: 1, size: 10 });
		const page3 = await list('/vehicles', { page: 3, size: 10 });
		expect(ids(page3)).not.toEqual(ids(page1));
		sb().injectFaults({ kind: 'ignorePage', count: 2, path: '/vehicles' });
		const v = sb().store.list('vehicles', DEMO_COMPANY_ID)[0];
		expect((await call(sb(), 'GET', `/vehicles/${v.vehicleId}`, { token: token() })).status).toBe(
			200,
		); // not a list: not consumed
		for (const page of [3, 7]) {
			const r = await list('/vehicles', { page, size: 10 });
			expect(r.body).toEqual(page1.body);
		}
		expect((await list('/vehicles', { page: 3, size: 10 })).body).toEqual(page3.body);
		expect(sb().requestLog.map((e) => [e.query.page, e.fault?.kind])).toEqual([
			['1', undefined],
			['3', undefined],
			[undefined, undefined],
			['3', 'ignorePage'],
			['7', 'ignorePage'],
			['3', undefined],
		]);
	});

	it('ignorePage neverLast: every page says it is not the last, totalPages large', async () => {
		sb().injectFaults({
			kind: 'ignorePage',
			variant: 'neverLast',
			persistent: true,
			path: '/items',
		});
		const first = await list('/items', { page: 1, size: 5 });
		const far = await list('/items', { page: 999, size: 5 });
		for (const r of [first, far]) {
			expect(r.body).toMatchObject({
				number: 1,
				last: false,
				totalPages: 1000,
				totalCount: 5000,
				size: 5,
			});
			expect(r.body.content).toEqual(first.body.content);
		}
		sb().clearFaults();
		expect((await list('/items', { page: 999, size: 5 })).body).toMatchObject({
			number: 999,
			last: true,
			content: [],
		});
	});

	it('totalsLie inflate: more records claimed than exist; the extra pages are empty', async () => {
		const real = (await list('/vehicles', { size: 100 })).body.results.pagination;
		sb().injectFaults({ kind: 'totalsLie', persistent: true, path: '/vehicles', extra: 250 });
		const lastReal = await list('/vehicles', { page: real.totalPages, size: 100 });
		expect(lastReal.body.results.pagination).toMatchObject({
			totalCount: real.totalCount + 250,
			totalPages: Math.ceil((real.totalCount + 250) / 100),
			last: false,
		});
		const beyond = await list('/vehicles', { page: real.totalPages + 1, size: 100 });
		expect(beyond.body.results.content).toEqual([]);
		expect(beyond.body.results.pagination.last).toBe(false);
	});

	it('totalsLie lastEarly: last:true on a full page while more exist; not spent on a real last page', async () => {
		sb().injectFaults({ kind: 'totalsLie', variant: 'lastEarly', path: '/items' });
		const lastPage = await list('/items', { size: 500 });
		expect(lastPage.body.last).toBe(true);
		expect(sb().pendingFaults).toHaveLength(1);
		const r = await list('/items', { size: 5 });
		expect(r.body).toMatchObject({ last: true, numberOfElements: 5 });
		expect(r.body.totalPages).toBeGreaterThan(1);
		expect(sb().pendingFaults).toHaveLength(0);
		expect(sb().requestLog.map((e) => e.fault?.variant)).toEqual([undefined, 'lastEarly']);
	});

	it('totalsLie deflate: totalCount below the records already delivered (over /__admin/)', async () => {
		await admin(sb(), 'POST', 'faults', {
			kind: 'totalsLie',
			variant: 'deflate',
			method: 'GET',
			path: '/vehicles',
			query: { page: 2 },
		});
		expect(
			(await list('/vehicles', { page: 1, size: 10 })).body.results.pagination.totalCount,
		).toBeGreaterThan(20);
		const r = await list('/vehicles', { page: 2, size: 10 });
		expect(r.body.results.pagination).toMatchObject({ totalCount: 19, totalPages: 2, last: false });
		expect(r.body.results.content).toHaveLength(10);
	});
});
