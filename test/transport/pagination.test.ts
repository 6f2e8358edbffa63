import { PAGE_SIZE } from '../../nodes/shared/autoleap/endpoints';
import {
	collectPages,
	isLastPage,
	MAX_PAGES,
	readPages,
} from '../../nodes/shared/autoleap/transport/pagination';

const records = (from: number, count: number) =>
	Array.from({ length: count }, (_v, i) => ({ n: from + i }));

/** A server with `total` records that answers in the given envelope; records each page asked for. */
function server(
	total: number,
	envelope: (content: object[], page: number, size: number) => object,
) {
	const asked: Array<[number, number]> = [];
	const fetchPage = async (page: number, size: number) => {
		asked.push([page, size]);
		const content = records(
			(page - 1) * size,
			Math.max(0, Math.min(size, total - (page - 1) * size)),
		);
		return envelope(content, page, size);
	};
	return { asked, fetchPage };
}

const pageObject = (total: number) => (content: object[], page: number, size: number) => ({
	content,
	last: page * size >= total,
	totalPages: Math.ceil(total / size),
	number: page,
});

describe('collectPages', () => {
	it('reads 1-based pages until the server says last', async () => {
		const { asked, fetchPage } = server(250, pageObject(250));
		const all = await collectPages(fetchPage);
		expect(all).toEqual(records(0, 250));
		expect(asked).toEqual([
			[1, 100],
			[2, 100],
			[3, 100],
		]);
	});

	it('stops on last: true even when the page is full', async () => {
		const { asked, fetchPage } = server(200, pageObject(200));
		await collectPages(fetchPage);
		expect(asked).toHaveLength(2);
	});

	it('keeps going on last: false even after a short page', async () => {
		const bodies = [
			{ content: records(0, 3), last: false },
			{ content: records(3, 2), last: true },
		];
		const fetchPage = jest.fn(async (page: number) => bodies[page - 1]);
		expect(await collectPages(fetchPage)).toEqual(records(0, 5));
		expect(fetchPage).toHaveBeenCalledTimes(2);
	});

	it('uses totalPages when the answer has no last flag (results envelope)', async () => {
		const { asked, fetchPage } = server(150, (content, _page, size) => ({
			results: { content, pagination: { totalPages: Math.ceil(150 / size) } },
		}));
		expect(await collectPages(fetchPage)).toHaveLength(150);
		expect(asked.map(([page]) => page)).toEqual([1, 2]);
	});

	it('stops after a short page when the server gives no page facts', async () => {
		const { asked, fetchPage } = server(230, (content) => ({ results: { content } }));
		expect(await collectPages(fetchPage)).toHaveLength(230);
		expect(asked).toHaveLength(3);
	});

	it('reads an endpoint that ignores paging once, not until the page cap', async () => {
		const everything = Array.from({ length: 250 }, (_v, i) => ({ itemId: String(i) }));
		const fetchPage = jest.fn(async () => ({ results: { content: everything } }));
		expect(await collectPages(fetchPage)).toHaveLength(250);
		expect(fetchPage).toHaveBeenCalledTimes(1);
	});

	it('asks one page more when the total is a multiple of the size and nothing says last, and stops on the empty page', async () => {
		const { asked, fetchPage } = server(200, (content) => ({ content }));
		expect(await collectPages(fetchPage)).toHaveLength(200);
		expect(asked).toHaveLength(3);
	});

	it('refuses an empty page while the server promises more pages', async () => {
		const bodies = [
			{ content: records(0, 100), last: false, totalPages: 9 },
			{ content: [], last: false, totalPages: 9 },
		];
		const fetchPage = jest.fn(async (page: number) => bodies[page - 1]);
		await expect(collectPages(fetchPage)).rejects.toThrow(
			'page 2 is empty although AutoLeap says more pages follow',
		);
		expect(fetchPage).toHaveBeenCalledTimes(2);
	});

	it('returns an empty list when the server counts no records', async () => {
		const fetchPage = jest.fn(async () => ({
			content: [],
			last: false,
			totalPages: 0,
			totalCount: 0,
		}));
		expect(await collectPages(fetchPage)).toEqual([]);
	});

	it('asks for exactly the limit when it fits one page, and returns that many', async () => {
		const { asked, fetchPage } = server(250, pageObject(250));
		expect(await collectPages(fetchPage, { limit: 7 })).toEqual(records(0, 7));
		expect(asked).toEqual([[1, 7]]);
	});

	it('keeps one page size across pages when the limit spans pages, and trims to the limit', async () => {
		const { asked, fetchPage } = server(500, pageObject(500));
		expect(await collectPages(fetchPage, { limit: 150 })).toEqual(records(0, 150));
		expect(asked).toEqual([
			[1, 100],
			[2, 100],
		]);
	});

	it('returns fewer than the limit when the server has fewer', async () => {
		const { asked, fetchPage } = server(5, pageObject(5));
		expect(await collectPages(fetchPage, { limit: 50 })).toHaveLength(5);
		expect(asked).toEqual([[1, 50]]);
	});

	it('sends nothing for a limit of 0', async () => {
		const fetchPage = jest.fn();
		expect(await collectPages(fetchPage, { limit: 0 })).toEqual([]);
		expect(fetchPage).not.toHaveBeenCalled();
	});

	it('refuses a list longer than the page cap instead of cutting it short', async () => {
		const fetchPage = jest.fn(async (page: number) => ({
			content: records(page * 2, 2),
			last: false,
		}));
		await expect(collectPages(fetchPage, { pageSize: 2, maxPages: 4 })).rejects.toThrow(
			'more than 4 pages',
		);
		expect(fetchPage).toHaveBeenCalledTimes(4);
		expect(MAX_PAGES).toBeGreaterThanOrEqual(100);
	});

	it('stops at the page cap, and says so, when asked to', async () => {
		const fetchPage = jest.fn(async (page: number) => ({
			content: records(page * 2, 2),
			last: false,
		}));
		const read = await readPages(fetchPage, { pageSize: 2, maxPages: 3, atMaxPages: 'stop' });
		expect(read.stopped).toBe('maxPages');
		expect(read.records).toEqual(records(2, 6));
		expect(fetchPage).toHaveBeenCalledTimes(3);
	});

	it('stops after a page that stopWhen picks, and says so', async () => {
		const { asked, fetchPage } = server(500, pageObject(500));
		const read = await readPages(fetchPage, { stopWhen: (page) => page.some((r) => r.n === 150) });
		expect(read.stopped).toBe('stopWhen');
		expect(read.records).toEqual(records(0, 200));
		expect(asked).toHaveLength(2);
	});

	it('detects an endpoint that ignores page within two requests, whatever its page facts say', async () => {
		for (const facts of [{ last: false }, { totalPages: 1000 }, {}]) {
			const fetchPage = jest.fn(async () => ({ content: records(0, 100), ...facts }));
			await expect(collectPages(fetchPage)).rejects.toThrow(
				'page 2 holds the same records as page 1, so the list ignores paging',
			);
			expect(fetchPage).toHaveBeenCalledTimes(2);
		}
	});

	it('refuses a last page that comes before totalPages', async () => {
		const fetchPage = jest.fn(async (page: number) => ({
			content: records((page - 1) * 100, 100),
			last: page === 2,
			totalPages: 3,
		}));
		await expect(collectPages(fetchPage)).rejects.toThrow(
			'page 2 was marked the last although AutoLeap counts 3 pages',
		);
	});

	it.each([
		['more', 260],
		['fewer', 240],
	])('refuses pages that hold %s records than totalCount says', async (_case, totalCount) => {
		const fetchPage = jest.fn(async (page: number) => ({
			content: records((page - 1) * 100, page < 3 ? 100 : 50),
			last: page === 3,
			totalCount,
		}));
		await expect(collectPages(fetchPage)).rejects.toThrow(
			`AutoLeap counts ${totalCount} records, but its pages held 250`,
		);
	});

	it('outputs a record that a shifting list shows twice only once, and then the count adds up', async () => {
		// A record was inserted before page 2 was read: record 99 moves to page 2.
		const pages = [records(0, 100), [...records(99, 1), ...records(100, 99)], records(199, 1)];
		const fetchPage = jest.fn(async (page: number) => ({
			content: pages[page - 1],
			last: page === 3,
			totalCount: 200,
		}));
		const all = await collectPages(fetchPage, { keyOf: (r) => String(r.n) });
		expect(all).toEqual(records(0, 200));
	});

	it('fails a newest-first list that a new record shifted while it was read, instead of outputting it short', async () => {
		// Page 1 read 0–99; then a record was created at the front: every later page starts one earlier.
		const created = { n: -1 };
		const after = [created, ...records(0, 200)];
		const fetchPage = jest.fn(async (page: number) => ({
			content: page === 1 ? records(0, 100) : after.slice((page - 1) * 100, page * 100),
			last: page === 3,
			totalCount: page === 1 ? 200 : 201,
		}));
		await expect(collectPages(fetchPage, { keyOf: (r) => String(r.n) })).rejects.toThrow(
			'AutoLeap counts 201 records, but its pages held 200',
		);
		expect(fetchPage).toHaveBeenCalledTimes(3);
	});

	it('uses a fixed page size of 100 (AutoLeap caps size at 100)', async () => {
		expect(PAGE_SIZE).toBe(100);
		const { asked, fetchPage } = server(30, pageObject(30));
		await collectPages(fetchPage, { pageSize: 10 });
		expect(asked).toEqual([
			[1, 10],
			[2, 10],
			[3, 10],
		]);
	});
});

describe('isLastPage', () => {
	it.each([
		['last: true', { last: true }, 1, 10, 10, true],
		['last: false with records', { last: false }, 1, 10, 10, false],
		['last: false but empty', { last: false }, 1, 0, 10, true],
		['page reaches totalPages', { totalPages: 3 }, 3, 10, 10, true],
		['page below totalPages', { totalPages: 3 }, 2, 10, 10, false],
		['short page, no facts', {}, 1, 9, 10, true],
		['full page, no facts', {}, 1, 10, 10, false],
		['more than a page, no facts (the endpoint does not page)', {}, 1, 250, 10, true],
	])('%s', (_name, body, page, received, size, expected) => {
		expect(isLastPage(body, page, received, size)).toBe(expected);
	});
});
