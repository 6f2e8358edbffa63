/**
 * Dates as AutoLeap's filters take them (README §6): `YYYY-MM-DDThh:mm:ssZ` (UTC, whole seconds;
 * milliseconds are not documented, so none are sent) or `YYYY-MM-DD`. A start bound rounds down
 * and an end bound up, so a window keeps every record in it however AutoLeap reads `…:05Z`, and
 * may answer up to a second more on each side (filter on the records' own times for the exact one).
 */

export const SECOND_MS = 1000;

/** The documented date-time form: UTC, whole seconds, `Z`. */
export const AUTOLEAP_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
/** The documented date-only form. */
export const AUTOLEAP_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The first millisecond of the second holding `ms`. */
export function startOfSecond(ms: number): number {
	return Math.floor(ms / SECOND_MS) * SECOND_MS;
}

/** The last millisecond of the second holding `ms`. */
export function endOfSecond(ms: number): number {
	return startOfSecond(ms) + SECOND_MS - 1;
}

/**
 * `YYYY-MM-DDThh:mm:ssZ` of an instant (ms since the epoch). A sub-second part is dropped
 * (floor, toward the past, also before 1970): right for a start bound or a point in time; an end
 * bound needs `autoLeapEndBound`.
 */
export function autoLeapDateTime(ms: number): string {
	if (!Number.isFinite(ms)) throw new RangeError(`Not a time: ${String(ms)}`);
	return `${new Date(startOfSecond(ms)).toISOString().slice(0, 19)}Z`;
}

/** A start bound that keeps every record at or after `ms`: the second holding it (floor). */
export function autoLeapStartBound(ms: number): string {
	return autoLeapDateTime(ms);
}

/**
 * An end bound that keeps every record at or before `ms`, under either reading of an end bound
 * (the instant `…:ssZ` itself, or that whole second): the next whole second unless `ms` is one (ceil).
 */
export function autoLeapEndBound(ms: number): string {
	const floor = startOfSecond(ms);
	return autoLeapDateTime(floor === ms ? ms : floor + SECOND_MS);
}

/** `YYYY-MM-DD` of the UTC day holding `ms`. */
export function autoLeapDate(ms: number): string {
	if (!Number.isFinite(ms)) throw new RangeError(`Not a time: ${String(ms)}`);
	return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A user's date input as ms since the epoch, or undefined when it is empty or not a date. Takes
 * what n8n's date fields and expressions give: an ISO 8601 string (with or without time zone and
 * fraction; without a zone it is the local time of the n8n process, as JavaScript reads it; a
 * date-only string is UTC midnight), a Date, ms, or anything with `toMillis()` (luxon's DateTime).
 */
export function parseAutoLeapDate(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let ms: number;
	if (typeof value === 'number') ms = value;
	else if (value instanceof Date) ms = value.getTime();
	else if (typeof (value as { toMillis?: unknown }).toMillis === 'function')
		ms = (value as { toMillis: () => number }).toMillis();
	else if (typeof value === 'string') ms = Date.parse(value.trim());
	else return undefined;
	return Number.isFinite(ms) ? ms : undefined;
}

/**
 * A user's date input in the documented form for one bound of a filter: a date-only input stays
 * date-only (the filters take it; AutoLeap decides the day's bounds), anything else becomes
 * UTC whole seconds, rounded for its bound. Undefined when empty; throws when it is not a date.
 */
export function autoLeapDateFilter(value: unknown, bound: 'start' | 'end'): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const notADate = () =>
		new Error(`"${String(value)}" is not a date (use YYYY-MM-DD or an ISO 8601 date and time)`);
	const day = typeof value === 'string' ? value.trim() : '';
	if (AUTOLEAP_DATE.test(day)) {
		// Date.parse rolls 2025-02-30 over to March; a real day reads back unchanged.
		const ms = Date.parse(day);
		if (!Number.isFinite(ms) || autoLeapDate(ms) !== day) throw notADate();
		return day;
	}
	const ms = parseAutoLeapDate(value);
	if (ms === undefined) throw notADate();
	return bound === 'start' ? autoLeapStartBound(ms) : autoLeapEndBound(ms);
}
