import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';
import { OperationalError, UserError } from 'n8n-workflow';

import { text, tokenOwnerOf } from './account';
import { PATHS } from './endpoints';
import { HttpStatusError, statusOf } from './transport/errors';
import { sendToAutoLeap } from './transport/send';

/**
 * AutoLeap's tokens for the credential: the login, and which token a request carries. Nothing
 * here logs, and no error made here carries the Auth Key or a token.
 */

/** How long a fresh token is handed to callers that read the credential before it was saved. */
export const RECENT_TOKEN_REUSE_MS = 60_000;

/** Whether the stored token was issued for the credential as it is now. */
export function hasUsableToken(credentials: ICredentialDataDecryptedObject): boolean {
	const token = credentials.accessToken;
	return typeof token === 'string' && token !== '' && credentials.tokenOwner === tokenOwnerOf(credentials);
}

interface LoginResult {
	accessToken: string;
	tokenOwner: string;
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

/** POST /partners/login through the one sender (paced as a write: AutoLeap counts logins). */
async function login(helpers: IHttpRequestHelper['helpers'], credentials: ICredentialDataDecryptedObject): Promise<string> {
	const port = async (options: IHttpRequestOptions) => {
		const response = (await helpers.httpRequest({ ...options, returnFullResponse: true, ignoreHttpStatusErrors: true })) as {
			statusCode: number;
			body: unknown;
		};
		if (response.statusCode >= 200 && response.statusCode < 300) return response.body;
		throw new HttpStatusError(response.statusCode, response.body);
	};
	let answer: IDataObject | undefined;
	try {
		answer = (await sendToAutoLeap(
			credentials,
			{ method: 'POST', path: PATHS.login, body: { partnerId: text(credentials.partnerId), authKey: text(credentials.authKey) } },
			port,
		)) as IDataObject | undefined;
	} catch (error) {
		// The request error carries the request body (with the Auth Key): keep only its facts.
		const status = statusOf(error);
		if (status === 400 || status === 401 || status === 403 || status === 404) throw rejected();
		if (status === 429) throw unavailable('AutoLeap kept refusing the login because the partner account is over its rate limit.');
		if (status !== undefined) throw unavailable(`AutoLeap answered the login with HTTP ${status}.`);
		const code = text((error as { code?: unknown })?.code);
		throw unavailable(`AutoLeap could not be reached${code ? ` (${code})` : ''}.`);
	}
	const data = answer?.data as IDataObject | undefined;
	const token = data?.accessToken ?? answer?.accessToken;
	if (typeof token === 'string' && token !== '') return token;
	if (answer?.success === false) throw rejected();
	throw unavailable('AutoLeap answered the login without an access token.');
}

/**
 * The tokens of one n8n process (n8n creates the credential type once per process): one login per
 * identity at a time, and a token obtained in the last minute is reused unless it is the very
 * token the caller holds (which just got a 401).
 */
export class TokenKeeper {
	private readonly inFlight = new Map<string, Promise<LoginResult>>();

	private readonly recent = new Map<string, { accessToken: string; at: number }>();

	constructor(private readonly now: () => number = Date.now) {}

	async renew(helpers: IHttpRequestHelper['helpers'], credentials: ICredentialDataDecryptedObject): Promise<LoginResult> {
		const owner = tokenOwnerOf(credentials);
		const running = this.inFlight.get(owner);
		if (running) return { ...(await running) };

		const last = this.recent.get(owner);
		if (
			last &&
			this.now() - last.at < RECENT_TOKEN_REUSE_MS &&
			!(credentials.accessToken === last.accessToken && credentials.tokenOwner === owner)
		) {
			return { accessToken: last.accessToken, tokenOwner: owner };
		}

		const pending = (async () => {
			const accessToken = await login(helpers, credentials);
			this.recent.set(owner, { accessToken, at: this.now() });
			return { accessToken, tokenOwner: owner };
		})();
		this.inFlight.set(owner, pending);
		try {
			return { ...(await pending) };
		} finally {
			this.inFlight.delete(owner);
		}
	}
}

/** The credential's `authenticate`: the token is sent only if it was issued for the current partner, key and URL. */
export async function authenticateRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const headers = { ...(requestOptions.headers ?? {}) };
	for (const name of Object.keys(headers)) {
		if (name.toLowerCase() === 'authorization') delete headers[name];
	}
	if (hasUsableToken(credentials)) headers.Authorization = `Bearer ${credentials.accessToken as string}`;
	return { ...requestOptions, headers };
}
