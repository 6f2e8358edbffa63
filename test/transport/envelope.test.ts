import { pageFactsOf, recordOf, recordsOf } from '../../nodes/shared/autoleap/transport/envelope';

const a = { id: 'a' };
const b = { id: 'b' };

describe('recordsOf reads records from every AutoLeap envelope', () => {
	it.each([
		['a bare array', [a, b]],
		[
			'the results envelope (vehicles)',
			{ message: 'Vehicle fetched successfully', results: { content: [a, b], pagination: {} } },
		],
		['results as an array', { results: [a, b] }],
		[
			'the top-level page object (orders, payments…)',
			{ content: [a, b], last: true, totalPages: 1 },
		],
		['data as an array', { success: true, data: [a, b] }],
		['data holding a page', { success: true, data: { content: [a, b] } }],
	])('%s', (_name, body) => {
		expect(recordsOf(body)).toEqual([a, b]);
	});

	it('reads a single record inside data', () => {
		expect(recordsOf({ success: true, data: a })).toEqual([a]);
	});

	it.each([
		[
			'an empty write acknowledgement',
			{ success: true, message: 'Request completed successfully', data: {} },
		],
		['an empty page', { content: [], last: true }],
		['null', null],
		['a string', 'OK'],
		['an object without records', { message: 'done' }],
	])('finds no records in %s', (_name, body) => {
		expect(recordsOf(body)).toEqual([]);
	});

	it('prefers results.content when both envelopes appear', () => {
		expect(recordsOf({ results: { content: [a] }, content: [b] })).toEqual([a]);
	});
});

describe('recordOf reads the one record of a single-record answer', () => {
	it.each([
		['the results envelope', { results: { content: [a] } }],
		['a repair order ({content:[ro]})', { content: [a] }],
		['data', { success: true, data: a }],
		['a plain object', a],
	])('%s', (_name, body) => {
		expect(recordOf(body)).toEqual(a);
	});

	it.each([
		['an empty results envelope', { results: { content: [] } }],
		['an empty content array', { content: [] }],
		['an empty data object', { data: {} }],
		['null', null],
	])('returns nothing for %s', (_name, body) => {
		expect(recordOf(body)).toBeUndefined();
	});
});

describe('pageFactsOf', () => {
	it('reads the top-level page object', () => {
		expect(pageFactsOf({ content: [], last: false, totalPages: 4, totalCount: 310 })).toEqual({
			last: false,
			totalPages: 4,
			totalCount: 310,
		});
	});

	it('reads results.pagination when the results envelope carries it', () => {
		const body = {
			results: { content: [], pagination: { last: true, totalPages: 2, totalElements: 150 } },
			last: false,
		};
		expect(pageFactsOf(body)).toEqual({ last: true, totalPages: 2, totalCount: 150 });
	});

	it('falls back to the top level when results.pagination is empty', () => {
		expect(pageFactsOf({ results: { content: [], pagination: {} }, totalPages: 3 })).toEqual({
			last: undefined,
			totalPages: 3,
			totalCount: undefined,
		});
	});

	it('ignores facts of the wrong type and non-objects', () => {
		expect(pageFactsOf({ last: 'yes', totalPages: '3', totalCount: Number.NaN })).toEqual({});
		expect(pageFactsOf([1, 2])).toEqual({});
		expect(pageFactsOf(undefined)).toEqual({});
	});
});
