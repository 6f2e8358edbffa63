import type { IDataObject } from 'n8n-workflow';

import { AnswerError } from './errors';
import { isObject, recordOf } from './envelope';

/**
 * What a 2xx must hold to count as AutoLeap's answer (README §4): a page of records in a
 * documented envelope (`list`), one record, a write's `success: true` (`ack`), or the login's or
 * refresh's `data.accessToken` (`tokens`).
 */
export type Expectation = 'list' | 'record' | 'ack' | 'tokens';

/** What a body that is not JSON looks like, in words a user can act on. */
function notJson(body: unknown): string | undefined {
	if (body === undefined || body === null || (typeof body === 'string' && body.trim() === ''))
		return 'an empty answer';
	if (typeof body !== 'string') return undefined;
	const text = body.trim();
	if (text.startsWith('<')) return 'an HTML page instead of JSON (a proxy or login page?)';
	if (text.startsWith('{') || text.startsWith('[')) return 'JSON that was cut off';
	return 'text instead of JSON';
}

/** The body if it is the answer `expect` describes; otherwise an AnswerError saying what came. */
export function checkAnswer(body: unknown, expect: Expectation): unknown {
	const broken = notJson(body);
	if (broken) throw new AnswerError(broken);
	if (isObject(body) && body.success === false) {
		throw new AnswerError(
			typeof body.error === 'string' ? body.error : 'it answered success: false',
			true,
		);
	}
	switch (expect) {
		case 'list':
			if (!hasList(body)) throw new AnswerError('the answer holds no list of records');
			break;
		case 'record':
			if (!recordOf(body)) throw new AnswerError('the answer holds no record');
			break;
		case 'ack':
			if (!isObject(body) || body.success !== true)
				throw new AnswerError('the answer does not confirm the write (no success: true)');
			break;
		case 'tokens': {
			const data = isObject(body) ? (body.data as IDataObject | undefined) : undefined;
			if (typeof data?.accessToken !== 'string' || data.accessToken === '')
				throw new AnswerError('the answer holds no access token');
			break;
		}
	}
	return body;
}

/** Whether a body carries its records where an envelope puts them (an empty list counts). */
function hasList(body: unknown): boolean {
	if (Array.isArray(body)) return true;
	if (!isObject(body)) return false;
	const results = body.results;
	const data = body.data;
	return (
		(isObject(results) && Array.isArray(results.content)) ||
		Array.isArray(results) ||
		Array.isArray(body.content) ||
		Array.isArray(data) ||
		(isObject(data) && Array.isArray(data.content))
	);
}
