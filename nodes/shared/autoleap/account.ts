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

/** The credential type's name, which every node and request refers to. */
export const CREDENTIAL_TYPE = 'autoLeapApi';

export function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
}

/** The API base URL the credential points at, without a trailing slash. */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
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

/** One partner account at one API: the key of its shared rate budget. */
export function accountKeyOf(credentials: ICredentialDataDecryptedObject): string {
	return `${baseUrlOf(credentials)}|${text(credentials.partnerId)}`;
}

/**
 * A fingerprint of everything a token is issued for (URL, partner, key). A stored token whose
 * owner differs was issued before the user edited the credential.
 */
export function tokenOwnerOf(credentials: ICredentialDataDecryptedObject): string {
	return createHash('sha256')
		.update(`${baseUrlOf(credentials)}|${text(credentials.partnerId)}|${text(credentials.authKey)}`)
		.digest('hex')
		.slice(0, 32);
}

function positive(value: unknown, fallback: number): number {
	const n = typeof value === 'number' ? value : Number(value);
	return Number.isFinite(n) && n >= 1 ? Math.floor(n) : fallback;
}

export interface AccountLimits {
	read: number;
	write: number;
	windowMs: number;
}

/** The partner's request limits as configured on the credential. */
export function limitsOf(credentials: ICredentialDataDecryptedObject): AccountLimits {
	return {
		read: positive(credentials.readsPerMinute, DEFAULT_READS_PER_MINUTE),
		write: positive(credentials.writesPerMinute, DEFAULT_WRITES_PER_MINUTE),
		windowMs: positive(credentials.rateWindowMs, DEFAULT_RATE_WINDOW_MS),
	};
}
