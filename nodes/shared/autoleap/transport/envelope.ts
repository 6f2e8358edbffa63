import type { IDataObject } from 'n8n-workflow';

/**
 * AutoLeap answers in several shapes (README §4): a top-level page (`content`, `last`,
 * `totalPages`), `{message, results: {content, pagination}}`, `{content: [one]}` and
 * `{success, data}`. Every reader goes through these functions, so a wrong guess costs nothing.
 */
export function recordsOf(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (!isObject(body)) return [];
	const results = body.results;
	if (isObject(results) && Array.isArray(results.content)) return results.content as IDataObject[];
	if (Array.isArray(results)) return results as IDataObject[];
	if (Array.isArray(body.content)) return body.content as IDataObject[];
	const data = body.data;
	if (Array.isArray(data)) return data as IDataObject[];
	if (isObject(data)) {
		if (Array.isArray(data.content)) return data.content as IDataObject[];
		return Object.keys(data).length > 0 ? [data] : [];
	}
	return [];
}

/** The one record of a single-record answer (`results.content[0]`, `content[0]`, `data` or the body). */
export function recordOf(body: unknown): IDataObject | undefined {
	const records = recordsOf(body);
	if (records.length > 0) return records[0];
	if (isObject(body) && !('results' in body) && !('content' in body) && !('data' in body)) {
		return body;
	}
	return undefined;
}

export interface PageFacts {
	/** Whether the server says this is the last page; undefined when it does not say. */
	last?: boolean;
	totalPages?: number;
	totalCount?: number;
}

/** Page metadata, from the top-level page object or from `results.pagination`. */
export function pageFactsOf(body: unknown): PageFacts {
	if (!isObject(body)) return {};
	const pagination = isObject(body.results) ? body.results.pagination : undefined;
	const source = isObject(pagination) && Object.keys(pagination).length > 0 ? pagination : body;
	return {
		last: typeof source.last === 'boolean' ? source.last : undefined,
		totalPages: numberOr(source.totalPages),
		totalCount: numberOr(source.totalCount ?? source.totalElements),
	};
}

function numberOr(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
