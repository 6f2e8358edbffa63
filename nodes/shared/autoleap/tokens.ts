import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { expiring, storedPair, tokenLifetimesOf, tokenOwnerOf, trimmedString } from './account';
import type { TokenPair } from './account';
import { logIn, refresh, remember, superseded } from './renewal';
import { DeadlineError } from './transport/errors';
import { withDeadline } from './transport/send';

/**
 * AutoLeap's token lifecycle (README §2): log in once, renew with the rotating refresh token, log
 * in again only when there is none or AutoLeap rejects it. The pair and its issue time live in the
 * credential's hidden fields, which n8n saves, so later executions and other processes start there.
 */

/**
 * The credentials objects our sender hands n8n for its requests (client.ts): it tries a request
 * again when its renewal lost a rotation race, reading the stored pair afresh. Others ("Test
 * credential") get no second attempt, so they log in at once instead.
 */
const retriedBySender = new WeakSet<ICredentialDataDecryptedObject>();

export function sentBySender<T extends ICredentialDataDecryptedObject>(credentials: T): T {
	retriedBySender.add(credentials);
	return credentials;
}

/**
 * What went wrong on a sender's request, by the credentials object it handed n8n: its renewal's
 * error, or its deadline. n8n 1.x passes neither on (n8n-workflow 1.120's NodeApiError keeps no
 * Error as `cause`), so the sender asks here (ownFailureOf).
 */
const renewalFailures = new WeakMap<ICredentialDataDecryptedObject, unknown>();
const deadlines = new WeakMap<ICredentialDataDecryptedObject, AbortSignal>();

/** The failure a sender's request met in its renewal, or its deadline running out; else undefined. */
export function ownFailureOf(credentials: ICredentialDataDecryptedObject): unknown {
	if (renewalFailures.has(credentials)) return renewalFailures.get(credentials);
	const deadline = deadlines.get(credentials);
	const reason = deadline?.aborted ? (deadline.reason as { name?: unknown }) : undefined;
	return reason?.name === 'TimeoutError' ? new DeadlineError() : undefined;
}

/** A renewal, its failure noted for the request's sender. */
async function noted<T>(credentials: ICredentialDataDecryptedObject, work: Promise<T>): Promise<T> {
	const outcome = await work.then(
		(value) => ({ value }),
		(error: unknown) => ({ error }),
	);
	if ('value' in outcome) return outcome.value;
	renewalFailures.set(credentials, outcome.error);
	throw outcome.error;
}

/** What the credential stores for a pair (n8n saves what preAuthentication returns). */
export function storedFields(
	pair: TokenPair,
	credentials: ICredentialDataDecryptedObject,
): IDataObject {
	return {
		accessToken: pair.accessToken,
		refreshToken: pair.refreshToken,
		pairIssuedAt: pair.issuedAt,
		tokenOwner: tokenOwnerOf(credentials),
	};
}

interface Held extends TokenPair {
	/** Whether n8n has been handed this pair to save (it is saved once per renewal). */
	handedOut: boolean;
}

/**
 * The tokens of one n8n process (n8n creates the credential type once per process): at most one
 * renewal per identity at a time, the newest pair to hand to callers that read the credential
 * before it was saved, and the tokens AutoLeap refused, never sent again.
 */
export class TokenKeeper {
	private readonly renewing = new Map<string, Promise<Held>>();

	private readonly newest = new Map<string, Held>();

	private readonly refused = new Set<string>();

	/** The token each request was sent with ('' for none), by the credentials object n8n authenticated it with. */
	private readonly sentWith = new WeakMap<ICredentialDataDecryptedObject, string>();

	constructor(private readonly now: () => number = Date.now) {}

	/**
	 * n8n's preAuthentication: called when the stored token is empty (a request renews before the
	 * token's lifetime runs out by blanking it) or was just answered 401. Returns the fields to save
	 * to the first caller after a renewal, and nothing to the others (n8n then saves nothing, and
	 * `authenticate` sends the newest token).
	 */
	async preAuthenticate(
		helpers: IHttpRequestHelper['helpers'],
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		const owner = tokenOwnerOf(credentials);
		// n8n asks with a token in hand only after a 401 (or for "Test credential"): the token this
		// very request was sent with is spent — not a newer one another request renewed meanwhile,
		// and none at all when it was sent with none ('').
		const sent =
			trimmedString(credentials.accessToken) === ''
				? undefined
				: this.sentWith.has(credentials)
					? this.sentWith.get(credentials)
					: this.tokenFor(credentials);
		if (sent) this.refused.add(sent);
		const held = this.newest.get(owner);
		const usable =
			held && !this.refused.has(held.accessToken) && !expiring(held, credentials, this.now());
		const pair = usable ? held : await noted(credentials, this.renew(helpers, credentials, owner));
		if (pair.handedOut) return {};
		pair.handedOut = true;
		return storedFields(pair, credentials);
	}

	/** The credential's `authenticate`: the newest usable token for these credentials, or none. */
	tokenFor(credentials: ICredentialDataDecryptedObject): string | undefined {
		const owner = tokenOwnerOf(credentials);
		const stored = storedPair(credentials);
		const held = this.newest.get(owner);
		const candidates = [stored, held].filter(
			(p): p is TokenPair => p !== undefined && !this.refused.has(p.accessToken),
		);
		candidates.sort((a, b) => b.issuedAt - a.issuedAt);
		return candidates[0]?.accessToken;
	}

	/**
	 * The token to send with a request, remembered with the credentials object n8n authenticates
	 * it with (n8n hands the same object to preAuthentication when that request gets a 401). With
	 * no usable token while a renewal runs (its token was refused), the request waits for the
	 * renewal rather than go out with none.
	 */
	async tokenToSend(credentials: ICredentialDataDecryptedObject): Promise<string | undefined> {
		const renewing = this.renewing.get(tokenOwnerOf(credentials));
		if (this.tokenFor(credentials) === undefined && renewing) await renewing.catch(() => undefined);
		const token = this.tokenFor(credentials);
		this.sentWith.set(credentials, token ?? '');
		if (token) remember(credentials, token);
		return token;
	}

	private async renew(
		helpers: IHttpRequestHelper['helpers'],
		credentials: ICredentialDataDecryptedObject,
		owner: string,
	): Promise<Held> {
		const running = this.renewing.get(owner);
		if (running) return await running;
		const pending = (async () => {
			const now = this.now();
			const refreshToken = this.refreshTokenFor(credentials, owner, now);
			const refreshed = refreshToken && (await refresh(helpers, credentials, refreshToken, now));
			if (refreshToken) this.refused.add(refreshToken); // spent, or refused
			// Refused: another process may have rotated it and be saving the winner's pair, which the
			// sender's next attempt reads; it logs in only if the stored pair is still this one.
			if (refreshToken && !refreshed && retriedBySender.has(credentials))
				throw superseded(refreshToken);
			const pair = refreshed || (await logIn(helpers, credentials, now));
			remember(credentials, pair.accessToken, pair.refreshToken);
			const held: Held = { ...pair, handedOut: false };
			this.newest.set(owner, held);
			return held;
		})();
		this.renewing.set(owner, pending);
		try {
			return await pending;
		} finally {
			this.renewing.delete(owner);
		}
	}

	/**
	 * The newest refresh token this process knows for the identity (its own, or the stored one —
	 * also when the caller blanked the access token to renew early), unless spent, refused or past
	 * its lifetime.
	 */
	private refreshTokenFor(
		credentials: ICredentialDataDecryptedObject,
		owner: string,
		now: number,
	): string | undefined {
		const { refreshMs } = tokenLifetimesOf(credentials);
		const stored =
			credentials.tokenOwner === owner
				? {
						refreshToken: trimmedString(credentials.refreshToken),
						issuedAt: Number(credentials.pairIssuedAt) || 0,
					}
				: undefined;
		const pairs = [this.newest.get(owner), stored].filter(
			(p): p is Pick<TokenPair, 'refreshToken' | 'issuedAt'> =>
				p !== undefined && p.refreshToken !== '' && !this.refused.has(p.refreshToken),
		);
		pairs.sort((a, b) => b.issuedAt - a.issuedAt);
		const pair = pairs[0];
		if (!pair || (pair.issuedAt > 0 && now >= pair.issuedAt + refreshMs)) return undefined;
		return pair.refreshToken;
	}
}

/**
 * The credential's `authenticate`: the Authorization header carries the newest usable token, or
 * nothing. It is the last step before the request leaves (after n8n set its own signal, and after
 * any renewal), so the request's deadline starts here.
 */
export function authenticateWith(tokens: TokenKeeper) {
	return async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const headers = { ...(requestOptions.headers ?? {}) };
		for (const name of Object.keys(headers)) {
			if (name.toLowerCase() === 'authorization') delete headers[name];
		}
		const token = await tokens.tokenToSend(credentials);
		if (token) headers.Authorization = `Bearer ${token}`;
		const sent = withDeadline({ ...requestOptions, headers });
		if (sent.abortSignal) deadlines.set(credentials, sent.abortSignal as AbortSignal);
		return sent;
	};
}

/** n8n calls `preAuthentication` with its request helpers as `this`. */
export function preAuthenticateWith(tokens: TokenKeeper) {
	return async function (
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		return await tokens.preAuthenticate(this.helpers, credentials);
	};
}
