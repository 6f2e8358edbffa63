import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';
import { OperationalError, sleep, UserError } from 'n8n-workflow';

import { budgetFor } from '../nodes/AutoLeap/shared/transport/rateBudget';
import { backoffDelay, retryPolicy } from '../nodes/AutoLeap/shared/transport/retry';

/**
 * Pure helpers around the AutoLeap credential, shared by the credential class and the nodes.
 * Nothing here logs, and no error made here carries the Auth Key or a token.
 */

export const PRODUCTION_BASE_URL = 'https://partnerapi.myautoleap.com/v2';
export const DEFAULT_READS_PER_MINUTE = 150;
export const DEFAULT_WRITES_PER_MINUTE = 50;

/** How long a fresh token is handed to callers that read the credential before it was saved. */
export const RECENT_TOKEN_REUSE_MS = 60_000;

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
}

/** The API base URL the credential points at, without a trailing slash. */
export function autoLeapBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'custom') {
		const url = text(credentials.customUrl).replace(/\/+$/, '');
		if (url === '') {
			throw new UserError('The AutoLeap credential has no Custom URL', {
				description: 'Enter the API base URL in the credential, e.g. http://127.0.0.1:4010/v2, or choose Production.',
			});
		}
		return url;
	}
	return PRODUCTION_BASE_URL;
}

/** Identifies one partner account at one API: the key of its shared rate budget. */
export function accountKey(credentials: ICredentialDataDecryptedObject): string {
	return `${autoLeapBaseUrl(credentials)}|${text(credentials.partnerId)}`;
}

/**
 * A fingerprint of everything a token was issued for (URL, partner, key). A stored token whose
 * owner differs from the current fingerprint was issued before the user edited the credential.
 */
export function tokenOwner(credentials: ICredentialDataDecryptedObject): string {
	return createHash('sha256')
		.update(`${autoLeapBaseUrl(credentials)}|${text(credentials.partnerId)}|${text(credentials.authKey)}`)
		.digest('hex')
		.slice(0, 32);
}

function perMinute(value: unknown, fallback: number): number {
	const n = typeof value === 'number' ? value : Number(value);
	return Number.isFinite(n) && n >= 1 ? Math.floor(n) : fallback;
}

/** The partner's request limits per minute, as configured on the credential. */
export function budgetLimits(credentials: ICredentialDataDecryptedObject): { read: number; write: number } {
	return {
		read: perMinute(credentials.readsPerMinute, DEFAULT_READS_PER_MINUTE),
		write: perMinute(credentials.writesPerMinute, DEFAULT_WRITES_PER_MINUTE),
	};
}

/** Whether the stored token was issued for the credential as it is now. */
export function hasUsableToken(credentials: ICredentialDataDecryptedObject): boolean {
	const token = credentials.accessToken;
	return typeof token === 'string' && token !== '' && credentials.tokenOwner === tokenOwner(credentials);
}

interface LoginResult {
	accessToken: string;
	tokenOwner: string;
}

/** Logins in progress, by identity: concurrent callers share one. */
const inFlight = new Map<string, Promise<LoginResult>>();
/** The newest token per identity, with the time it was issued. */
const recent = new Map<string, { accessToken: string; at: number }>();

/** Tests only: forget logins in progress and recent tokens. */
export function resetLoginStateForTests() {
	inFlight.clear();
	recent.clear();
}

function rejected(): UserError {
	return new UserError('AutoLeap rejected the Partner ID or Auth Key', {
		description:
			'Open the AutoLeap credential and re-enter the Partner ID and Auth Key exactly as AutoLeap issued them, and check that the Environment (or Custom URL) is the one they were issued for.',
	});
}

function unavailable(detail: string): OperationalError {
	return new OperationalError('Could not log in to AutoLeap', {
		description: `${detail} Try again later; if it persists, check the credential's Environment or Custom URL.`,
	});
}

function statusOf(response: unknown): number {
	const status = (response as { statusCode?: unknown } | undefined)?.statusCode;
	return typeof status === 'number' ? status : 0;
}

function tokenOf(response: unknown): string {
	const body = (response as { body?: unknown } | undefined)?.body as IDataObject | undefined;
	const data = body?.data as IDataObject | undefined;
	const token = data?.accessToken ?? body?.accessToken;
	return typeof token === 'string' ? token : '';
}

/** One login request, within the partner's write budget (AutoLeap counts logins as writes). */
async function postLogin(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<unknown> {
	const release = await budgetFor(accountKey(credentials), budgetLimits(credentials)).acquire('write');
	try {
		return await helpers.httpRequest({
			method: 'POST',
			url: `${autoLeapBaseUrl(credentials)}/partners/login`,
			body: { partnerId: text(credentials.partnerId), authKey: text(credentials.authKey) },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
	} catch (error) {
		// The request error carries the request body (with the Auth Key): keep only its code.
		const code = text((error as { code?: unknown })?.code);
		throw unavailable(`AutoLeap could not be reached${code ? ` (${code})` : ''}.`);
	} finally {
		release();
	}
}

async function login(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
	owner: string,
): Promise<LoginResult> {
	let response = await postLogin(helpers, credentials);
	// A 429 here is another client's doing (ours are paced): back off like every other request.
	for (let retry = 0; statusOf(response) === 429 && retry < retryPolicy.rateLimitedRetries; retry++) {
		await sleep(backoffDelay(retry));
		response = await postLogin(helpers, credentials);
	}

	const status = statusOf(response);
	if (status === 400 || status === 401 || status === 403 || status === 404) throw rejected();
	if (status === 429) {
		throw unavailable('AutoLeap kept refusing the login because the partner account is over its rate limit.');
	}
	if (status < 200 || status > 299) throw unavailable(`AutoLeap answered the login with HTTP ${status}.`);
	const accessToken = tokenOf(response);
	if (accessToken === '') {
		const success = ((response as { body?: IDataObject }).body ?? {}).success;
		if (success === false) throw rejected();
		throw unavailable('AutoLeap answered the login without an access token.');
	}
	recent.set(owner, { accessToken, at: Date.now() });
	return { accessToken, tokenOwner: owner };
}

/**
 * The credential's preAuthentication: one login per identity at a time, and a token obtained in
 * the last minute is reused unless it is the very token the caller holds (which just got a 401).
 */
export async function autoLeapPreAuthentication(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	const owner = tokenOwner(credentials);
	const running = inFlight.get(owner);
	if (running) return { ...(await running) };

	const last = recent.get(owner);
	if (
		last &&
		Date.now() - last.at < RECENT_TOKEN_REUSE_MS &&
		!(credentials.accessToken === last.accessToken && credentials.tokenOwner === owner)
	) {
		return { accessToken: last.accessToken, tokenOwner: owner };
	}

	const pending = login(this.helpers, credentials, owner);
	inFlight.set(owner, pending);
	try {
		return { ...(await pending) };
	} finally {
		inFlight.delete(owner);
	}
}
