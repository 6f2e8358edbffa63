import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	autoLeapMessageOf,
	statusOf,
	toAutoLeapError,
} from '../../nodes/shared/autoleap/transport/errors';
import { redact } from '../../nodes/shared/autoleap/transport/redaction';

const node: INode = {
	id: '1',
	name: 'AutoLeap',
	type: 'autoLeap',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('statusOf', () => {
	it.each([
		['NodeApiError.httpCode', { httpCode: '404' }, 404],
		['response.status (axios)', { response: { status: 429 } }, 429],
		['cause.response.status', { cause: { response: { status: 502 } } }, 502],
		['statusCode (request)', { statusCode: 500 }, 500],
		['cause.status', { cause: { status: 503 } }, 503],
		['status', { status: 400 }, 400],
	])('reads %s', (_name, error, status) => {
		expect(statusOf(error)).toBe(status);
	});

	it.each([
		['no status', new Error('ECONNREFUSED')],
		['a non-number', { httpCode: 'ECONNRESET' }],
		['null', null],
	])('is undefined for %s', (_name, error) => {
		expect(statusOf(error)).toBeUndefined();
	});
});

describe('autoLeapMessageOf', () => {
	it.each([
		['NodeApiError context', { context: { data: { success: false, error: 'Vehicle not found' } } }],
		[
			'cause.response.data',
			{ cause: { response: { data: { success: false, error: 'Vehicle not found' } } } },
		],
		['response.data.message', { response: { data: { message: 'Vehicle not found' } } }],
		['cause.error', { cause: { error: { error: 'Vehicle not found' } } }],
		['error.error', { error: { error: 'Vehicle not found' } }],
	])('reads AutoLeap’s text from %s', (_name, error) => {
		expect(autoLeapMessageOf(error)).toBe('Vehicle not found');
	});

	it('is undefined without a body', () => {
		expect(autoLeapMessageOf(new Error('boom'))).toBeUndefined();
	});
});

describe('redact', () => {
	it('hides Bearer tokens wherever they appear', () => {
		expect(
			redact('header Authorization: Bearer abc.def-123 rejected; {"authorization":"bearer xyz"}'),
		).toBe(
			'header Authorization: Bearer [redacted] rejected; {"authorization":"bearer [redacted]"}',
		);
	});
});

describe('toAutoLeapError', () => {
	it('builds a plain NodeApiError with AutoLeap’s message, guidance, status and item index', () => {
		const error = toAutoLeapError(
			node,
			{ response: { status: 404, data: { success: false, error: 'Vehicle "9" not found' } } },
			{ kind: 'read', itemIndex: 4 },
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('AutoLeap could not find the record: Vehicle "9" not found');
		expect(error.description).toMatch(/Check the ID/);
		expect(error.httpCode).toBe('404');
		expect(error.context.itemIndex).toBe(4);
	});

	it('never carries a token: not from the server’s text, not from the original request', () => {
		const original = Object.assign(
			new Error('Request failed: Authorization: Bearer SECRET-TOKEN'),
			{
				config: { headers: { Authorization: 'Bearer SECRET-TOKEN' } },
				response: { status: 401, data: { error: 'token Bearer SECRET-TOKEN expired' } },
			},
		);
		const error = toAutoLeapError(node, original, { kind: 'read', itemIndex: 0 });
		expect(
			JSON.stringify({ ...error, message: error.message, description: error.description }),
		).not.toContain('SECRET-TOKEN');
		expect(error.message).toContain('Bearer [redacted]');
	});

	it('redacts the transport message of a network failure and says whether a write may have been applied', () => {
		const read = toAutoLeapError(node, new Error('connect ECONNREFUSED with Bearer abc'), {
			kind: 'read',
		});
		expect(read.message).toBe('Could not reach AutoLeap');
		expect(read.description).toContain('ECONNREFUSED with Bearer [redacted]');
		expect(read.description).toContain('Try again later');
		const write = toAutoLeapError(
			node,
			{ response: { status: 500 } },
			{ kind: 'write', itemIndex: 2 },
		);
		expect(write.message).toBe('AutoLeap failed to process the request (HTTP 500)');
		expect(write.description).toMatch(/may or may not have been applied/);
		expect(write.context.itemIndex).toBe(2);
	});

	it.each([400, 401, 403, 429])('gives guidance for HTTP %s', (status) => {
		const error = toAutoLeapError(node, { httpCode: String(status) }, { kind: 'read' });
		expect(error.message).not.toMatch(/HTTP/);
		expect(error.description?.length).toBeGreaterThan(20);
	});
});
