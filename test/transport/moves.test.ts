import type { IDataObject } from 'n8n-workflow';

import {
	changesSince,
	CLOCK_SKEW_MS,
	COMMIT_LAG_MS,
	filtersBeyond,
	matchingWindow,
	MovedError,
	movesOf,
	orderOf,
} from '../../nodes/shared/autoleap/transport/moves';
import type { Order, ReadFacts } from '../../nodes/shared/autoleap/transport/moves';
import { readPages } from '../../nodes/shared/autoleap/transport/pagination';
import { RateBudget } from '../../nodes/shared/autoleap/transport/rateBudget';

const ids = (from: number, to: number) =>
	Array.from({ length: Math.abs(to - from) + 1 }, (_v, i) => String(from + (to >= from ? i : -i)));

describe('orderOf', () => {
	/** Pages of records `{id}`, or `{id, make}` from `[id, make]`. */
	const pagesOf = (pages: Array<Array<string | [string, unknown]>>): IDataObject[][] =>
		pages.map((page) =>
			page.map((r) => (Array.isArray(r) ? { id: r[0], make: r[1] as string } : { id: r })),
		);

	it.each([
		['ascending ids over pages', [ids(1, 3), ids(4, 6), ids(7, 7)], true],
		['descending ids (newest first)', [ids(9, 7), ids(6, 4)], 'descending'],
		[
			'numeric ids of different lengths',
			[
				['98', '99'],
				['100', '101'],
			],
			true,
		],
		['hex-like ids of one length', [['24f6c001', '24f6c00a'], ['24f6c00b']], true],
		[
			'a page starting with the last ids of the page before',
			[ids(9, 6), ['7', '6', '5', '4']],
			'descending',
		],
		['one page pushed twice', [ids(1, 3), ['3', '4', '5'], ['5', '6']], true],
		['an order by something else', [['1', '3', '2'], ids(4, 5)], false],
		['a direction change across pages', [ids(1, 3), ids(2, 1)], false],
		['a record met again later, not at a page start', [ids(1, 3), ['4', '2', '5']], false],
		['a repeated start that is not the page before’s end', [ids(1, 3), ['1', '4', '5']], false],
		['a record met again at the end (it moved forward)', [ids(1, 3), ['4', '5', '2']], false],
		['a single record', [['1']], false],
	])('by id, %s: %s', (_name, pages, order) => {
		expect(orderOf(pagesOf(pages as string[][]), 'id')).toEqual(
			order === 'descending' ? { known: true, descending: true } : { known: order },
		);
	});

	it.each([
		[
			'by the key, ties by id',
			[
				[
					['1', 'Audi'],
					['7', 'Audi'],
				],
				[
					['2', 'Kia'],
					['3', 'Seat'],
				],
			],
			true,
		],
		[
			'by the key descending, ties by id descending',
			[
				[
					['2', 'Kia'],
					['1', 'Kia'],
				],
				[['9', 'Audi']],
			],
			true,
		],
		[
			'numbers by value',
			[
				[
					['5', 9],
					['1', 10],
				],
				[['2', 100]],
			],
			true,
		],
		[
			'ties in no order',
			[
				[
					['1', 'Audi'],
					['7', 'Audi'],
					['3', 'Audi'],
				],
			],
			false,
		],
		[
			'the key out of order',
			[
				[
					['1', 'Kia'],
					['2', 'Audi'],
					['3', 'Seat'],
				],
			],
			false,
		],
		[
			'a record without the key',
			[
				[
					['1', 'Audi'],
					['2', undefined],
				],
			],
			false,
		],
	])('by a Sort By field, %s: %s', (_name, pages, known) => {
		const order = orderOf(pagesOf(pages as Array<Array<[string, unknown]>>), 'id', 'make');
		expect(order).toEqual(known ? { known, key: 'make' } : { known });
	});
});

describe('changesSince', () => {
	const second = Date.parse('2026-03-02T10:00:07Z');

	it('starts when AutoLeap took page 1: its Date minus the time the request took, to the second, minus the commit lag', () => {
		expect(changesSince({ serverTime: second, sentAt: 1_000, receivedAt: 1_300 })).toBe(
			second - 1_000 - COMMIT_LAG_MS,
		);
		// A slow page 1 (1.5 s): AutoLeap may have taken it 1.5 s before its Date.
		expect(changesSince({ serverTime: second, sentAt: 1_000, receivedAt: 2_500 })).toBe(
			second - 2_000 - COMMIT_LAG_MS,
		);
	});

	it('without a Date header, uses n8n’s clock at sending minus a wider margin', () => {
		expect(changesSince({ sentAt: second + 400, receivedAt: second + 500 })).toBe(
			second - CLOCK_SKEW_MS,
		);
		expect(CLOCK_SKEW_MS).toBeGreaterThan(COMMIT_LAG_MS);
	});
});

describe('the query of the records that match the filters now', () => {
	const since = Date.parse('2026-03-02T10:00:00Z');

	it('narrows the user’s updated window to start no earlier than the read', () => {
		expect(matchingWindow({ repairOrderStatusId: 1 }, since)).toEqual({
			repairOrderStatusId: 1,
			updatedDateStart: '2026-03-02T10:00:00Z',
		});
		const later = { updatedDateStart: '2026-03-02T11:00:00Z', updatedDateEnd: '2026-03-03' };
		expect(matchingWindow(later, since)).toEqual(later);
	});

	it('is none when Updated Before ends before the read began (an end may cover its whole second)', () => {
		expect(matchingWindow({ updatedDateEnd: '2026-03-02T09:59:59Z' }, since)).toBeUndefined();
		expect(matchingWindow({ updatedDateEnd: '2026-03-02T10:00:00Z' }, since)).toBeDefined();
		expect(matchingWindow({ updatedDateEnd: '2026-03-01' }, since)).toBeDefined();
	});

	it('is not needed when the query only orders the list or starts before the read', () => {
		expect(filtersBeyond({ sort: 'make', sortDirection: 'DESC' }, since)).toBe(false);
		expect(filtersBeyond({ updatedDateStart: '2026-03-01T00:00:00Z' }, since)).toBe(false);
		expect(filtersBeyond({ updatedDateStart: '2026-03-02T10:00:01Z' }, since)).toBe(true);
		expect(filtersBeyond({ search: 'kia' }, since)).toBe(true);
		expect(filtersBeyond({ locationId: 'x', sort: 'make' }, since)).toBe(true);
	});
});

describe('movesOf', () => {
	const names = { label: 'vehicle', updatedAt: 'updatedDate', createdAt: 'createdDate' };
	const since = Date.parse('2026-03-02T10:00:00Z');
	const at = (seconds: number) => new Date(since + seconds * 1000).toISOString();
	const vehicle = (id: string, updated: number, created = -3600): IDataObject => ({
		vehicleId: id,
		updatedDate: at(updated),
		createdDate: at(created),
	});
	/** A read of vehicles 1–300 (stamped an hour before it), then the given changes. */
	function facts(changed: IDataObject[], matching: string[], more: Partial<ReadFacts> = {}) {
		const output = new Map(ids(1, 300).map((id) => [id, vehicle(id, -3600)]));
		return {
			output,
			order: { known: true } as Order,
			counts: { first: 300, last: 300 },
			since,
			begun: since + 3_000,
			lastTaken: since + 10_000,
			changed: new Map(changed.map((v) => [String(v.vehicleId), v])),
			matching: new Set(matching),
			...more,
		};
	}

	it('nothing changed: whole', () => {
		expect(movesOf(facts([], []), names)).toEqual([]);
	});

	it('a record output that no longer matches left after its page: moved, named with its time', () => {
		expect(
			movesOf(facts([vehicle('6', 3)], [], { counts: { first: 300, last: 299 } }), names),
		).toEqual([`vehicle 6 changed at ${at(3)} and no longer matches the filters`]);
	});

	it('in ID order a change that keeps a record in the list moves nothing; a joiner is no loss', () => {
		const joiner = vehicle('301', 4, 4);
		const read = facts([vehicle('6', 3), vehicle('200', 5), joiner], ['6', '200', '301'], {
			counts: { first: 300, last: 301 },
		});
		expect(movesOf(read, names)).toEqual([]);
	});

	it('a record that left before its page was read (not output) is no loss', () => {
		const read = facts([vehicle('999', 3)], [], { counts: { first: 301, last: 300 } });
		expect(movesOf(read, names)).toEqual([]);
	});

	it('a record output as it is now changed before its page: no loss even in an unknown order', () => {
		const read = facts([vehicle('6', -3600)], ['6'], { order: { known: false } });
		expect(movesOf(read, names)).toEqual([]);
	});

	it('in an unknown order a changed record may have moved, either way', () => {
		const read = facts([vehicle('6', 3), vehicle('999', 4)], ['6', '999'], {
			order: { known: false },
			counts: { first: 300, last: 301 },
		});
		expect(movesOf(read, names)).toEqual([
			`vehicle 6 changed at ${at(3)}, and the list is not in ID order, so it may have moved between pages`,
			`vehicle 999 changed at ${at(4)} and may have moved into the pages already read`,
		]);
		// A record created during the read joined: it did not match throughout.
		const created = facts([vehicle('999', 4, 4)], ['999'], {
			order: { known: false },
			counts: { first: 300, last: 301 },
		});
		expect(movesOf(created, names)).toHaveLength(0);
	});

	it('sorted by a field, a change moves a record only if it changes that field', () => {
		const byMake = { known: true, key: 'make' };
		const output = new Map(ids(1, 300).map((id) => [id, { ...vehicle(id, -3600), make: 'Kia' }]));
		const edited = { ...vehicle('6', 3), make: 'Kia' };
		expect(movesOf(facts([edited], ['6'], { order: byMake, output }), names)).toEqual([]);
		const renamed = { ...vehicle('7', 3), make: 'Audi' };
		expect(movesOf(facts([renamed], ['7'], { order: byMake, output }), names)).toEqual([
			`vehicle 7 changed at ${at(3)}, its make too, by which the list is sorted: it may have moved`,
		]);
		// Not output: its make before is not known, so it may have moved into pages already read.
		const unread = { ...vehicle('999', 3), make: 'Audi' };
		const read = facts([unread], ['999'], {
			order: byMake,
			output,
			counts: { first: 300, last: 301 },
		});
		expect(movesOf(read, names)).toEqual([
			`vehicle 999 changed at ${at(3)} and may have moved into the pages already read`,
		]);
	});

	it('a record gone without a trace is what the counts say left beyond the changed records', () => {
		expect(movesOf(facts([], [], { counts: { first: 300, last: 299 } }), names)).toEqual([
			'AutoLeap counted 300 records when the read began and 299 at its end: 1 left without a change its lists show (archived or deleted?)',
		]);
		// The same while a record joined before the last page (newest first, not output).
		const joined = facts([vehicle('301', 4, 4)], ['301'], { order: { known: true } });
		expect(movesOf(joined, names)).toHaveLength(1);
		// A record that joined after the last page was taken is not in its count: no alarm.
		const late = facts([vehicle('301', 20, 20)], ['301'], { counts: { first: 300, last: 300 } });
		expect(movesOf(late, names)).toEqual([]);
		// A record that left (visibly) explains the drop.
		const left = facts([vehicle('999', 4)], [], { counts: { first: 300, last: 299 } });
		expect(movesOf(left, names)).toEqual([]);
	});
});

describe('MovedError', () => {
	it('names at most three moves, and says how often the list was read', () => {
		const moves = ['a', 'b', 'c', 'd', 'e'];
		const twice = new MovedError(moves, 2);
		expect(twice.message).toBe(
			"Records moved while AutoLeap's list was read; run it again: a; b; c; and 2 more",
		);
		expect(twice.description).toMatch(/^It was read twice/);
		expect(new MovedError(['a'], 1).description).toMatch(/would have waited for the rate limit/);
	});
});

describe('readPages', () => {
	it('reports records that do not add up to the last count instead of failing', async () => {
		const bodies = [
			{ content: [{ n: 1 }, { n: 2 }], last: false, totalCount: 4 },
			{ content: [{ n: 2 }, { n: 3 }], last: true, totalCount: 5 },
		];
		const read = await readPages(async (page) => bodies[page - 1], {
			pageSize: 2,
			keyOf: (r) => String(r.n),
		});
		expect(read.records).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
		expect(read.pages).toEqual([bodies[0].content, bodies[1].content]);
		expect(read.counts).toEqual([4, 5]);
		expect(read.countProblem).toBe('AutoLeap counts 5 records, but its pages held 3');
	});
});

describe('RateBudget.waitFor', () => {
	it('says how long until some requests would all find a slot, taking none', async () => {
		let now = 0;
		const budget = new RateBudget({ read: 10, write: 5, windowMs: 1_000 }, () => now);
		const releases = [];
		for (let i = 0; i < 6; i++) {
			now = i * 10;
			releases.push(await budget.acquire('read'));
		}
		releases.forEach((release) => release());
		expect(budget.waitFor('read', 4)).toBe(0);
		// 6 answered at t=50; one more slot than is free waits for the oldest to leave the window.
		expect(budget.waitFor('read', 5)).toBe(1_000 - 50 + 50 + 1);
		expect(budget.waitFor('read', 11)).toBe(Infinity);
		expect(budget.waitFor('write', 5)).toBe(0);
	});
});
