import type { PendingFault } from './types';

/** Page metadata of both list envelopes: {results:{content,pagination}} and the top-level page object. */
interface Meta {
	page: number;
	size: number;
	totalCount: number;
	totalPages: number;
	last: boolean;
	/** records on this page */
	count: number;
}

function readMeta(body: any): Meta | undefined {
	const p = body?.results?.pagination;
	if (p && Array.isArray(body.results.content)) return { ...p, count: body.results.content.length };
	if (body && typeof body.totalPages === 'number' && Array.isArray(body.content)) {
		return {
			page: body.number,
			size: body.size,
			totalCount: body.totalCount,
			totalPages: body.totalPages,
			last: body.last,
			count: body.content.length,
		};
	}
	return undefined;
}

function writeMeta(body: any, m: Pick<Meta, 'totalCount' | 'totalPages' | 'last'>): void {
	Object.assign(body.results?.pagination ?? body, {
		totalCount: m.totalCount,
		totalPages: m.totalPages,
		last: m.last,
	});
}

/** Whether an ignorePage/totalsLie fault can alter this 200 list answer (a lie must contradict something). */
export function canLie(f: PendingFault, body: unknown): boolean {
	const m = readMeta(body);
	if (!m) return false;
	if (f.kind === 'totalsLie' && f.variant === 'lastEarly') return !m.last;
	if (f.kind === 'totalsLie' && f.variant === 'deflate') return m.count > 0;
	return true;
}

/**
 * ignorePage neverLast: last:false and totalPages `extra` (default 1000) on every page.
 * totalsLie inflate: `extra` (default 1000) more records claimed than exist, last follows the claim.
 * totalsLie lastEarly: last:true on a page that is not the last (totals stay true).
 * totalsLie deflate: totalCount one less than the records delivered so far (last unchanged).
 */
export function lie(f: PendingFault, body: unknown): void {
	const m = readMeta(body) as Meta;
	if (f.kind === 'ignorePage' && f.variant === 'page1') return;
	if (f.kind === 'ignorePage') {
		const totalPages = Math.max(f.extra ?? 1000, m.totalPages);
		writeMeta(body, { totalPages, totalCount: totalPages * m.size, last: false });
	} else if (f.variant === 'inflate') {
		const totalCount = m.totalCount + (f.extra ?? 1000);
		const totalPages = Math.ceil(totalCount / m.size);
		writeMeta(body, { totalCount, totalPages, last: m.page >= totalPages });
	} else if (f.variant === 'lastEarly') {
		writeMeta(body, { ...m, last: true });
	} else {
		const totalCount = (m.page - 1) * m.size + m.count - 1;
		writeMeta(body, { totalCount, totalPages: Math.ceil(totalCount / m.size), last: m.last });
	}
}
