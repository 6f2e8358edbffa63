import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { isObject } from './envelope';
import type { RequestKind } from './rateBudget';

/** The HTTP status of a failed request, wherever n8n's request helpers put it. */
export function statusOf(error: unknown): number | undefined {
	if (!isObject(error)) return undefined;
	const cause = isObject(error.cause) ? error.cause : {};
	const response = isObject(error.response) ? error.response : isObject(cause.response) ? cause.response : {};
	for (const candidate of [error.httpCode, response.status, error.statusCode, cause.status, error.status]) {
		const status = Number(candidate);
		if (Number.isInteger(status) && status >= 100) return status;
	}
	return undefined;
}

/** A non-2xx answer, as a port that reads full responses reports it (no request options inside). */
export class HttpStatusError extends Error {
	constructor(
		readonly httpCode: number,
		readonly body: unknown,
	) {
		super(`HTTP ${httpCode}`);
	}
}

/** AutoLeap's own error text (`{"success": false, "error": "…"}`), if the answer carried one. */
export function autoLeapMessageOf(error: unknown): string | undefined {
	if (!isObject(error)) return undefined;
	const cause = isObject(error.cause) ? error.cause : {};
	const bodies = [
		isObject(error.context) ? error.context.data : undefined,
		isObject(cause.response) ? cause.response.data : undefined,
		isObject(error.response) ? error.response.data : undefined,
		cause.error,
		error.error,
		error.body,
	];
	for (const body of bodies) {
		if (isObject(body) && typeof body.error === 'string') return redact(body.error);
		if (isObject(body) && typeof body.message === 'string') return redact(body.message);
	}
	return undefined;
}

/** Tokens never reach output, errors or logs, even if a server echoes them. */
export function redact(text: string): string {
	return text.replace(/(Bearer\s+)[^\s"',]+/gi, '$1[redacted]');
}

const GUIDANCE: Record<number, [string, string]> = {
	400: [
		'AutoLeap rejected the request',
		'Check the field named in the message: its value is missing, of the wrong type or not one of the allowed values.',
	],
	401: [
		'AutoLeap did not accept the credentials',
		'Check the Partner ID, Auth Key and environment in the AutoLeap API credential.',
	],
	403: [
		'This partner account may not access that company',
		'Choose a company from the list: it shows the companies your partner profile may use.',
	],
	404: [
		'AutoLeap could not find the record',
		'Check the ID and that the record belongs to the selected company.',
	],
	429: [
		'AutoLeap kept refusing requests: the rate limit of this partner account was exceeded',
		'Other integrations share this partner account’s budget. Run the workflow again later, or lower the requests per minute in the credential.',
	],
};

export interface ErrorContext {
	kind: RequestKind;
	itemIndex?: number;
}

/**
 * One plain message per failure, with AutoLeap's own text and what to do about it. A new error is
 * built from the facts alone, so the original request (with its Authorization header) is dropped.
 */
export function toAutoLeapError(node: INode, error: unknown, { kind, itemIndex }: ErrorContext): NodeApiError {
	const status = statusOf(error);
	const detail = autoLeapMessageOf(error);
	let [message, description] = (status !== undefined && GUIDANCE[status]) || [
		status === undefined ? 'Could not reach AutoLeap' : `AutoLeap failed to process the request (HTTP ${status})`,
		kind === 'write'
			? 'The change may or may not have been applied: check in AutoLeap before running it again.'
			: 'AutoLeap may be down for a moment. Try again later.',
	];
	if (detail) message = `${message}: ${detail}`;
	if (status === undefined && isObject(error) && typeof error.message === 'string') {
		description = `${redact(error.message)}. ${description}`;
	}
	const httpCode = status === undefined ? undefined : String(status);
	return new NodeApiError(node, { message, description, httpCode } as JsonObject, {
		message,
		description,
		httpCode,
		itemIndex,
	});
}
