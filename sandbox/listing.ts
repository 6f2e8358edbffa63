import { badRequest } from './errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './inferred';
import type { DateRules, SandboxRecord } from './types';

/** Pagination, date windows, search and sorting shared by every list route. */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The one date-time form AutoLeap documents. */
const DOCUMENTED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const FRACTION = /T\d{2}:\d{2}(:\d{2})?[.,]\d/i;

/**
 * One bound of a date filter as an inclusive instant (ms), read by the date rules (see DateMode):
 * date-only = start/end of the UTC day; a date-time given to the second as an end bound covers that
 * whole second when `endBound` is `second`, and is the instant itself when it is `instant`.
 */
export function parseBound(
	name: string,
	value: unknown,
	edge: 'start' | 'end',
	rules: DateRules,
): number | undefined {
	if (value === undefined || value === '') return undefined;
	const s = String(value);
	if (DATE_ONLY.test(s)) {
		const ms = Date.parse(`${s}T00:00:00.000Z`);
		if (Number.isNaN(ms))
			throw badRequest(`${name} must be a date (YYYY-MM-DD) or an ISO 8601 date-time`);
		return edge === 'start' ? ms : ms + 86_400_000 - 1;
	}
	if (rules.mode === 'documented' && !DOCUMENTED.test(s)) {
		throw badRequest(
			FRACTION.test(s)
				? `${name} must not have fractional seconds: AutoLeap documents date-times as YYYY-MM-DDThh:mm:ssZ (got "${s}")`
				: `${name} must be a date (YYYY-MM-DD) or a UTC date-time (YYYY-MM-DDThh:mm:ssZ), as AutoLeap documents (got "${s}")`,
		);
	}
	let ms = /T/i.test(s) ? Date.parse(s) : NaN;
	if (Number.isNaN(ms))
		throw badRequest(`${name} must be a date (YYYY-MM-DD) or an ISO 8601 date-time`);
	if (rules.mode === 'truncate') ms = Math.floor(ms / 1000) * 1000;
	const toTheSecond = rules.mode !== 'lenient' || !FRACTION.test(s);
	if (edge === 'end' && toTheSecond && rules.endBound === 'second') return ms + 999;
	return ms;
}

export function filterWindow(
	rows: SandboxRecord[],
	field: string,
	query: Record<string, any>,
	startName: string,
	endName: string,
	rules: DateRules,
): SandboxRecord[] {
	const from = parseBound(startName, query[startName], 'start', rules);
	const to = parseBound(endName, query[endName], 'end', rules);
	if (from !== undefined && to !== undefined && from > to)
		throw badRequest(`${startName} must not be after ${endName}`);
	if (from === undefined && to === undefined) return rows;
	return rows.filter((r) => {
		if (r[field] === null || r[field] === undefined) return false;
		const t = Date.parse(r[field]);
		return (from === undefined || t >= from) && (to === undefined || t <= to);
	});
}

export function search(
	rows: SandboxRecord[],
	term: unknown,
	fields: Array<(r: SandboxRecord) => unknown>,
): SandboxRecord[] {
	if (term === undefined || term === '') return rows;
	const needle = String(term).toLowerCase();
	return rows.filter((r) =>
		fields.some((f) => {
			const v = f(r);
			return v !== undefined && v !== null && String(v).toLowerCase().includes(needle);
		}),
	);
}

/** Stable sort; ids keep insertion order for ties. Default order is the stored (insertion) order. */
export function sortRows(
	rows: SandboxRecord[],
	field: string | undefined,
	direction: unknown,
): SandboxRecord[] {
	const desc = String(direction ?? 'ASC').toUpperCase() === 'DESC';
	if (!field) return desc ? [...rows].reverse() : rows;
	const indexed = rows.map((r, i) => ({ r, i }));
	indexed.sort((a, b) => {
		const c = compare(a.r[field], b.r[field]);
		return (desc ? -c : c) || a.i - b.i;
	});
	return indexed.map((x) => x.r);
}

function compare(a: unknown, b: unknown): number {
	if (a === b) return 0;
	if (a === undefined || a === null) return 1;
	if (b === undefined || b === null) return -1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return String(a).localeCompare(String(b));
}

export interface Page {
	content: SandboxRecord[];
	page: number;
	size: number;
	totalCount: number;
	totalPages: number;
	first: boolean;
	last: boolean;
}

/** 1-based pages; size defaults to 100 and is clamped to 100; a page past the end is empty and last. */
export function paginate(rows: SandboxRecord[], pageParam: unknown, sizeParam: unknown): Page {
	const page = pageParam === undefined ? 1 : Number(pageParam);
	let size = sizeParam === undefined ? DEFAULT_PAGE_SIZE : Number(sizeParam);
	if (!Number.isInteger(page) || page < 1) throw badRequest('page must be >= 1');
	if (!Number.isInteger(size) || size < 1) throw badRequest('size must be >= 1');
	size = Math.min(size, MAX_PAGE_SIZE);
	const totalCount = rows.length;
	const totalPages = Math.ceil(totalCount / size);
	const content = rows.slice((page - 1) * size, page * size).map((r) => structuredClone(r));
	return {
		content,
		page,
		size,
		totalCount,
		totalPages,
		first: page === 1,
		last: page >= totalPages,
	};
}

/** All rows as one page (endpoints without pagination parameters). */
export function singlePage(rows: SandboxRecord[]): Page {
	return {
		content: rows.map((r) => structuredClone(r)),
		page: 1,
		size: rows.length,
		totalCount: rows.length,
		totalPages: rows.length ? 1 : 0,
		first: true,
		last: true,
	};
}

/** Top-level page object (documented for GET /items; assumed for orders, payments, appointments). */
export function pageEnvelope(p: Page, sorted: boolean) {
	const sort = { unsorted: !sorted, sorted, empty: !sorted };
	return {
		content: p.content,
		pageable: {
			sort,
			offset: (p.page - 1) * p.size,
			pageSize: p.size,
			pageNumber: p.page,
			paged: true,
			unpaged: false,
		},
		totalPages: p.totalPages,
		totalCount: p.totalCount,
		last: p.last,
		size: p.size,
		number: p.page,
		first: p.first,
		sort,
		numberOfElements: p.content.length,
		empty: p.content.length === 0,
	};
}

/** {message, results:{content, pagination}} (documented for vehicles; used wherever docs are silent). */
export function resultsEnvelope(message: string, p: Page) {
	return {
		message,
		results: {
			content: p.content,
			pagination: {
				page: p.page,
				size: p.size,
				totalCount: p.totalCount,
				totalPages: p.totalPages,
				last: p.last,
			},
		},
	};
}

export function oneResult(message: string, record: SandboxRecord) {
	return resultsEnvelope(message, singlePage([record]));
}
