import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { fingerprintOf, tokenLifetimesOf, trimmedString } from './account';
import type { TokenPair } from './account';
import { PATHS } from './endpoints';
import {
	AnswerError,
	HttpStatusError,
	ownErrorOf,
	RenewalError,
	statusOf,
	timedOut,
} from './transport/errors';
import { rememberSecret } from './transport/redaction';
import type { Answer, HttpPort } from './transport/send';
import { send, withDeadline } from './transport/send';

/**
 * AutoLeap's login and refresh calls (README §2), each one attempt paced by the account's budget,
 * and the errors they end in: never the request (it holds the Auth Key or a token).
 */

function rejected(): RenewalError {
	return new RenewalError(
		'rejected',
		'AutoLeap rejected the Partner ID or Auth Key',
		'Open the AutoLeap credential and re-enter the Partner ID and Auth Key exactly as AutoLeap issued them, and check that the Environment (or Custom URL) is the one they were issued for.',
	);
}

/** A login or refresh that did not work; never carries the request (it holds the Auth Key). */
function renewalFailed(what: 'log in to' | 'renew the token with', error: unknown): RenewalError {
	const status = statusOf(error);
	if (status === 429) {
		return new RenewalError(
			'rateLimited',
			`Could not ${what} AutoLeap: the partner account is over its rate limit`,
			'Another client is using the budget.',
		);
	}
	const code = trimmedString((error as { code?: unknown })?.code);
	const answer = ownErrorOf(error, AnswerError);
	const detail = answer
		? `AutoLeap's answer was not usable: ${answer.problem}.`
		: status !== undefined
			? `AutoLeap answered with HTTP ${status}.`
			: timedOut(error)
				? "AutoLeap did not answer in time (the credential's Request Timeout)."
				: `AutoLeap could not be reached${code ? ` (${code})` : ''}.`;
	return new RenewalError(
		'unavailable',
		`Could not ${what} AutoLeap`,
		`${detail} Try again later; if it persists, check the credential's Environment or Custom URL.`,
	);
}

/** How long after its refresh token's lifetime a secret may still come back in an answer. */
const ECHO_MARGIN_MS = 3_600_000;

/**
 * Keeps secrets this process sends or is issued out of every text (redaction.ts) for the refresh
 * token's lifetime plus a margin: a request sent with a token may be answered after a renewal
 * replaced it, and the old token stays valid at AutoLeap meanwhile.
 */
export function remember(credentials: ICredentialDataDecryptedObject, ...secrets: string[]): void {
	const until = Date.now() + tokenLifetimesOf(credentials).refreshMs + ECHO_MARGIN_MS;
	for (const secret of secrets) rememberSecret(secret, until);
}

/** The plain request helper as a port: non-2xx answers become HttpStatusError (no request inside). */
function plainPort(helpers: IHttpRequestHelper['helpers']): HttpPort {
	return async (options: IHttpRequestOptions) => {
		const response = (await helpers.httpRequest(
			withDeadline({ ...options, returnFullResponse: true, ignoreHttpStatusErrors: true }),
		)) as {
			statusCode: number;
			body: unknown;
			headers?: object;
		};
		if (response.statusCode >= 200 && response.statusCode < 300) return response;
		throw new HttpStatusError(response.statusCode, response.body);
	};
}

function pairOf({ body }: Answer, issuedAt: number): TokenPair {
	const data = ((body as IDataObject).data ?? {}) as IDataObject;
	return {
		accessToken: String(data.accessToken),
		refreshToken: trimmedString(data.refreshToken),
		issuedAt,
	};
}

/** POST /partners/login: one attempt (the request it serves waits out a 429 and tries again). */
export async function logIn(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
	now: number,
): Promise<TokenPair> {
	const body = {
		partnerId: trimmedString(credentials.partnerId),
		authKey: trimmedString(credentials.authKey),
	};
	remember(credentials, body.authKey);
	try {
		return pairOf(
			await send(
				credentials,
				{ method: 'POST', path: PATHS.login, body },
				{ port: plainPort(helpers), expect: 'tokens', renewal: true },
			),
			now,
		);
	} catch (error) {
		const status = statusOf(error);
		// AutoLeap answers a wrong partner or key with 401 ("Invalid partner credentials"), or success: false.
		if (status === 400 || status === 401 || status === 403 || status === 404) throw rejected();
		if ((error as { refused?: boolean }).refused === true) throw rejected();
		throw renewalFailed('log in to', error);
	}
}

/** POST /partners/generateNewAccessToken: a new pair (the refresh token rotates); undefined if AutoLeap refuses the refresh token. */
export async function refresh(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
	refreshToken: string,
	now: number,
): Promise<TokenPair | undefined> {
	remember(credentials, refreshToken);
	try {
		const answer = await send(
			{ ...credentials, refreshToken },
			{ method: 'POST', path: PATHS.refresh, body: { refreshToken } },
			{ port: plainPort(helpers), expect: 'tokens', renewal: true },
		);
		return pairOf(answer, now);
	} catch (error) {
		const status = statusOf(error);
		// Expired, revoked, or already rotated by another process: log in instead.
		if (
			status === 400 ||
			status === 401 ||
			status === 403 ||
			(error as { refused?: boolean }).refused === true
		)
			return undefined;
		throw renewalFailed('renew the token with', error);
	}
}

/** A refused refresh token, for a request its sender tries again (see tokens.ts, retriedBySender). */
export function superseded(refreshToken: string): RenewalError {
	return new RenewalError(
		'superseded',
		'Could not renew the token with AutoLeap',
		'AutoLeap refused the refresh token: another n8n process sharing this credential may have renewed it at the same moment. Run it again.',
		fingerprintOf(refreshToken),
	);
}
