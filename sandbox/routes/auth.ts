import { timingSafeEqual } from 'node:crypto';
import { ApiError } from '../errors';
import { RESULTS_MESSAGES } from '../inferred';
import { oneResult } from '../listing';
import type { RouteHandler } from './context';
import { caller } from './context';

function sameSecret(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

export const partnerLogin: RouteHandler = (ctx) => {
	const { partnerId, authKey } = ctx.body as { partnerId: string; authKey: string };
	const partner = ctx.partners.find((p) => p.partnerId === partnerId);
	if (!partner || !sameSecret(partner.authKey, authKey)) {
		ctx.counters.failedLogins++;
		throw new ApiError(401, 'Invalid partner credentials');
	}
	ctx.counters.logins++;
	return { body: { success: true, data: ctx.tokens.login(partner.partnerId) } };
};

export const refreshTokens: RouteHandler = (ctx) => {
	const result = ctx.tokens.rotate(String(ctx.body.refreshToken));
	if ('error' in result) {
		ctx.counters.failedRefreshes++;
		throw new ApiError(401, result.error);
	}
	ctx.counters.refreshes++;
	return { body: { success: true, data: result.pair } };
};

/** Ends the whole session: its access token(s) and refresh token(s), and the body's refresh token. */
export const partnerLogout: RouteHandler = (ctx) => {
	const refreshToken =
		typeof ctx.body?.refreshToken === 'string' ? ctx.body.refreshToken : undefined;
	if (ctx.accessToken) ctx.tokens.logout(ctx.accessToken, refreshToken);
	ctx.counters.logouts++;
	return { body: { success: true, message: 'Logged out successfully', data: {} } };
};

export const getPartnerProfile: RouteHandler = (ctx) => ({
	body: oneResult(RESULTS_MESSAGES.getPartnerProfile, structuredClone(caller(ctx).profile)),
});
