import { DEFAULT_END_BOUND, DEFAULT_STAMPS } from './inferred';
import type { DateMode, DateRules, EndBound, StampPrecision } from './types';

/**
 * How the sandbox reads date filters and stamps records. AutoLeap documents filters only as
 * `YYYY-MM-DDThh:mm:ssZ` or `YYYY-MM-DD` (README §6); what it does with anything finer, whether an
 * end bound `…:05Z` covers 05.500, and whether its own stamps carry milliseconds are not
 * documented, so each is a setting here and a client can be tested under every answer.
 */

export const DATE_MODES: readonly DateMode[] = ['documented', 'truncate', 'lenient'];
export const END_BOUNDS: readonly EndBound[] = ['second', 'instant'];
export const STAMP_PRECISIONS: readonly StampPrecision[] = ['milliseconds', 'seconds'];

/** The documented form is the default: a client that sends milliseconds gets a 400. */
export const DEFAULT_DATE_RULES: DateRules = {
	mode: 'documented',
	endBound: DEFAULT_END_BOUND,
	stamps: DEFAULT_STAMPS,
};

/** `base` with the given settings applied; an unknown value throws, naming the allowed ones. */
export function dateRules(
	settings: Partial<Record<keyof DateRules, unknown>>,
	base: DateRules = DEFAULT_DATE_RULES,
): DateRules {
	const pick = <T extends string>(name: keyof DateRules, allowed: readonly T[], fallback: T): T => {
		const value = settings[name];
		if (value === undefined) return fallback;
		if (!allowed.includes(value as T))
			throw new Error(
				`${name} must be one of: ${allowed.join(', ')} (got ${JSON.stringify(value)})`,
			);
		return value as T;
	};
	return {
		mode: pick('mode', DATE_MODES, base.mode),
		endBound: pick('endBound', END_BOUNDS, base.endBound),
		stamps: pick('stamps', STAMP_PRECISIONS, base.stamps),
	};
}

/** A record stamp of an instant: ISO 8601 UTC with milliseconds, or to the whole second (`…:05Z`). */
export function stampOf(ms: number, stamps: StampPrecision): string {
	const iso = new Date(ms).toISOString();
	return stamps === 'seconds' ? `${iso.slice(0, 19)}Z` : iso;
}
