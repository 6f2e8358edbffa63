import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

/**
 * One AutoLeap partner account as the credential describes it: where its API lives, who it is,
 * and what it may send. Pure functions of the credential's data; nothing here logs.
 */

export const PRODUCTION_BASE_URL = 'https://partnerapi.myautoleap.com/v2';
export const DEFAULT_READS_PER_MINUTE = 150;
export const DEFAULT_WRITES_PER_MINUTE = 50;
/** AutoLeap counts requests per sliding minute (README §3); an emulator may scale it. */
export const DEFAULT_RATE_WINDOW_MS = 60_000;
/** AutoLeap's token lifetimes (README §2): access 1 h, refresh 3 h; an emulator may shorten them. */
export const ACCESS_TOKEN_LIFETIME_MS = 3_600_000;
export const REFRESH_TOKEN_LIFETIME_MS = 10_800_000;
/** How long one request may take before it counts as failed; slow accounts may raise it. */
export const DEFAULT_TIMEOUT_SECONDS = 60;
/** How long a request waits out 429s (AutoLeap applied nothing) before it fails. */
export const DEFAULT_PATIENCE_MINUTES = 10;

/** The credential type's name, which every node and request refers to. */
export const CREDENTIAL_TYPE = 'autoLeapApi';

/** Any value as a string without surrounding spaces ('' for none): how credential fields are read. */
export function trimmedString(value: unknown): string {
	return typeof value === 'string'
		? value.trim()
		: value === undefined || value === null
			? ''
			: String(value).trim();
}

/** The API base URL the credential points at, without a trailing slash. */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'custom') {
		const url = trimmedString(credentials.customUrl).replace(/\/+$/, '');
		if (url === '') {
			throw new UserError('The AutoLeap credential has no Custom URL', {
				description:
					'Enter the API base URL in the credential, e.g. http://127.0.0.1:4010/v2, or choose Production.',
			});
		}
		return url;
	}
	return PRODUCTION_BASE_URL;
}

/** One partner account at one API: the key of its shared rate budget. */
export function accountKeyOf(credentials: ICredentialDataDecryptedObject): string {
	return `${baseUrlOf(credentials)}|${trimmedString(credentials.partnerId)}`;
}

/**
 * A fingerprint of everything a token is issued for (URL, partner, key). A stored token whose
 * owner differs was issued before the user edited the credential.
 */
export function tokenOwnerOf(credentials: ICredentialDataDecryptedObject): string {
	return createHash('sha256')
		.update(
			`${baseUrlOf(credentials)}|${trimmedString(credentials.partnerId)}|${trimmedString(credentials.authKey)}`,
		)
		.digest('hex')
		.slice(0, 32);
}

/** A secret named without being shown (errors may carry it, never the secret). */
export function fingerprintOf(secret: string): string {
	return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

function positive(value: unknown, fallback: number): number {
	const n = typeof value === 'number' ? value : Number(value);
	return Number.isFinite(n) && n >= 1 ? Math.floor(n) : fallback;
}

export interface AccountLimits {
	read: number;
	write: number;
	windowMs: number;
	/** n8n processes (queue-mode workers, other instances) known to share the account. */
	processes: number;
}

/** The partner's request limits as configured on the credential. */
export function limitsOf(credentials: ICredentialDataDecryptedObject): AccountLimits {
	return {
		read: positive(credentials.readsPerMinute, DEFAULT_READS_PER_MINUTE),
		write: positive(credentials.writesPerMinute, DEFAULT_WRITES_PER_MINUTE),
		windowMs: positive(credentials.rateWindowMs, DEFAULT_RATE_WINDOW_MS),
		processes: positive(credentials.processes, 1),
	};
}

/** How a request to this account is timed: per attempt, and in all while AutoLeap answers 429. */
export function timingOf(credentials: ICredentialDataDecryptedObject): {
	timeoutMs: number;
	patienceMs: number;
} {
	const minutes = Number(credentials.patienceMinutes);
	return {
		timeoutMs: positive(credentials.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS) * 1000,
		patienceMs:
			(Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_PATIENCE_MINUTES) * 60_000,
	};
}

/** The token lifetimes the credential assumes (AutoLeap's documented ones unless an emulator says otherwise). */
export function tokenLifetimesOf(credentials: ICredentialDataDecryptedObject): {
	accessMs: number;
	refreshMs: number;
} {
	return {
		accessMs: positive(credentials.accessLifetimeMs, ACCESS_TOKEN_LIFETIME_MS),
		refreshMs: positive(credentials.refreshLifetimeMs, REFRESH_TOKEN_LIFETIME_MS),
	};
}

/** Every secret the credential holds, to be kept out of any text that leaves the node. */
export function secretsOf(credentials: ICredentialDataDecryptedObject): string[] {
	return [credentials.authKey, credentials.accessToken, credentials.refreshToken]
		.map(trimmedString)
		.filter((s) => s.length >= 4);
}

export interface TokenPair {
	accessToken: string;
	refreshToken: string;
	/** When AutoLeap issued the pair (ms since the epoch). */
	issuedAt: number;
}

/**
 * Renew when less than this share of the access token's lifetime is left: drawn once per process
 * between 10 % and 40 % (6 to 24 minutes of AutoLeap's hour). Processes sharing the credential
 * (queue-mode workers) then renew at different moments, and the later ones find the pair the first
 * saved (n8n reads the credential from its database for every request) instead of racing it for
 * the rotation, which the loser pays with a login.
 */
export const RENEW_BEFORE = { least: 0.1, spread: 0.3 };
export const RENEW_BEFORE_SHARE = RENEW_BEFORE.least + RENEW_BEFORE.spread * Math.random();

function issuedAtOf(credentials: ICredentialDataDecryptedObject): number {
	const at = Number(credentials.pairIssuedAt);
	return Number.isFinite(at) && at > 0 ? at : 0;
}

/** The pair the credential holds for its current partner, key and URL, if any. */
export function storedPair(credentials: ICredentialDataDecryptedObject): TokenPair | undefined {
	const accessToken = trimmedString(credentials.accessToken);
	if (accessToken === '' || credentials.tokenOwner !== tokenOwnerOf(credentials)) return undefined;
	return {
		accessToken,
		refreshToken: trimmedString(credentials.refreshToken),
		issuedAt: issuedAtOf(credentials),
	};
}

/**
 * Whether a request about to be sent should renew first: there is no usable token, or its known
 * lifetime is about to run out. A pair saved before its issue time was recorded counts as fresh
 * (AutoLeap's 401 renews it).
 */
export function renewalDue(credentials: ICredentialDataDecryptedObject, now: number): boolean {
	const pair = storedPair(credentials);
	if (!pair) return true;
	return pair.issuedAt !== 0 && expiring(pair, credentials, now);
}

/** Whether this process's renewal point in the pair's access lifetime has come. */
export function expiring(
	pair: TokenPair,
	credentials: ICredentialDataDecryptedObject,
	now: number,
): boolean {
	const { accessMs } = tokenLifetimesOf(credentials);
	return now >= pair.issuedAt + accessMs * (1 - RENEW_BEFORE_SHARE);
}
