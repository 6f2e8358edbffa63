import { randomBytes } from 'node:crypto';

/** Opaque random tokens (the portal calls them JWT but its samples are opaque strings). */
function newToken(prefix: string): string {
	return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

interface Session {
	id: number;
	partnerId: string;
	accessTokens: Set<string>;
	refreshTokens: Set<string>;
}

interface TokenInfo {
	session: Session;
	expiresAt: number;
}

export type AuthResult =
	| { ok: true; partnerId: string; token: string }
	| { ok: false; error: string };

export interface TokenPair {
	accessToken: string;
	refreshToken: string;
}

/** Token lifecycle as documented: 1 h access, 3 h refresh, rotation on refresh, logout ends the session.
 * Expiry is stamped at issue (like a JWT's exp) on the sandbox clock, so a manual clock drives it. */
export class TokenStore {
	private access = new Map<string, TokenInfo>();
	private refresh = new Map<string, TokenInfo>();
	private nextSession = 1;

	constructor(
		private readonly now: () => number,
		public accessTtlMs: number,
		public refreshTtlMs: number,
	) {}

	login(partnerId: string): TokenPair {
		const session: Session = {
			id: this.nextSession++,
			partnerId,
			accessTokens: new Set(),
			refreshTokens: new Set(),
		};
		return this.issue(session);
	}

	private issue(session: Session): TokenPair {
		const accessToken = newToken('at');
		const refreshToken = newToken('rt');
		const now = this.now();
		this.access.set(accessToken, { session, expiresAt: now + this.accessTtlMs });
		this.refresh.set(refreshToken, { session, expiresAt: now + this.refreshTtlMs });
		session.accessTokens.add(accessToken);
		session.refreshTokens.add(refreshToken);
		return { accessToken, refreshToken };
	}

	/** Rotation: the presented refresh token is spent; a new pair is issued in the same session. */
	rotate(refreshToken: string): { pair: TokenPair; partnerId: string } | { error: string } {
		const info = this.refresh.get(refreshToken);
		if (!info) return { error: 'Invalid refresh token' };
		this.refresh.delete(refreshToken);
		info.session.refreshTokens.delete(refreshToken);
		if (info.expiresAt <= this.now()) return { error: 'Refresh token expired' };
		return { pair: this.issue(info.session), partnerId: info.session.partnerId };
	}

	/** Who a refresh token belongs to (for rate limiting), without spending it. */
	refreshOwner(refreshToken: string): string | undefined {
		return this.refresh.get(refreshToken)?.session.partnerId;
	}

	authenticate(header: string | undefined): AuthResult {
		if (!header) return { ok: false, error: 'Missing Authorization header' };
		const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
		if (!m) return { ok: false, error: 'Authorization header must be "Bearer <accessToken>"' };
		const info = this.access.get(m[1]);
		if (!info) return { ok: false, error: 'Invalid or revoked access token' };
		if (info.expiresAt <= this.now()) return { ok: false, error: 'Access token expired' };
		return { ok: true, partnerId: info.session.partnerId, token: m[1] };
	}

	/** Logout: every access and refresh token of the caller's session stops working, and so does
	 * the session of a refresh token sent in the body (the guide: logout invalidates the refresh
	 * token) when it is the same partner's. */
	logout(accessToken: string, refreshToken?: string): void {
		const info = this.access.get(accessToken);
		if (!info) return;
		const other = refreshToken === undefined ? undefined : this.refresh.get(refreshToken);
		this.endSession(info.session);
		if (other && other.session.partnerId === info.session.partnerId) this.endSession(other.session);
	}

	private endSession(session: Session): void {
		for (const t of session.accessTokens) this.access.delete(t);
		for (const t of session.refreshTokens) this.refresh.delete(t);
	}

	expireAll(): void {
		this.expireAccess();
		for (const info of this.refresh.values()) info.expiresAt = 0;
	}

	/** Access tokens expire now; refresh tokens keep their lifetime. */
	expireAccess(): void {
		for (const info of this.access.values()) info.expiresAt = 0;
	}

	revokeAll(): void {
		this.access.clear();
		this.refresh.clear();
	}
}
