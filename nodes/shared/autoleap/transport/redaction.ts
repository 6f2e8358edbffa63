/**
 * What of a server's text may leave the node: no secret, even when AutoLeap echoes one, and no
 * more than a reader can take in.
 */

/** Every secret this process sent or was issued, until when it may still be echoed (ms). */
const recent = new Map<string, number>();

/**
 * Keeps `secret` out of every text until `until`: a token stays valid at AutoLeap after this
 * process moved on to a newer one, and an answer to a request sent with it may come late.
 */
export function rememberSecret(secret: string, until: number): void {
	if (secret.length >= 4) recent.set(secret, Math.max(until, recent.get(secret) ?? 0));
}

function recentSecrets(now: number): string[] {
	for (const [secret, until] of recent) if (until <= now) recent.delete(secret);
	return [...recent.keys()];
}

/**
 * Secrets never reach output, errors or logs, even if a server echoes them: the known values
 * (Auth Key, tokens, and every token this process used lately) wherever they stand, and anything
 * shaped like a token.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
	let out = text;
	for (const secret of [...secrets, ...recentSecrets(Date.now())])
		if (secret.length >= 4) out = out.split(secret).join('[redacted]');
	return out
		.replace(/(Bearer\s+)(?!\[redacted\])[^\s"',;]+/gi, '$1[redacted]')
		.replace(
			/((?:access|refresh|auth)?_?(?:token|key)["']?\s*[=:]\s*["']?)(?!\[redacted\])[^\s"',;&]+/gi,
			'$1[redacted]',
		);
}

/** How much of AutoLeap's own text an error shows: a readable line in its message, more in its description. */
export const TEXT_LIMITS = { message: 300, description: 4_000 } as const;

/** `text` cut to `most` characters, saying how long it was (cut after redaction, so no secret is split). */
export function excerpt(text: string, most: number): string {
	if (text.length <= most) return text;
	return `${text.slice(0, most)}… (${text.length.toLocaleString('en-US')} characters)`;
}
