import {
	AUTOLEAP_DATE,
	AUTOLEAP_DATE_TIME,
	autoLeapDate,
	autoLeapDateFilter,
	autoLeapDateTime,
	autoLeapEndBound,
	autoLeapStartBound,
	endOfSecond,
	parseAutoLeapDate,
	startOfSecond,
} from '../../nodes/shared/autoleap/dates';

const at = (iso: string) => Date.parse(iso);

describe('AutoLeap dates (YYYY-MM-DDThh:mm:ssZ, whole seconds)', () => {
	it('formats an instant in UTC without milliseconds, dropping a fraction (floor)', () => {
		expect(autoLeapDateTime(at('2025-06-02T12:00:05.000Z'))).toBe('2025-06-02T12:00:05Z');
		expect(autoLeapDateTime(at('2025-06-02T12:00:05.999Z'))).toBe('2025-06-02T12:00:05Z');
		expect(autoLeapDateTime(at('2025-06-02T14:00:05.5+02:00'))).toBe('2025-06-02T12:00:05Z');
		// Floor, not toward zero, before 1970 too.
		expect(autoLeapDateTime(-1500)).toBe('1969-12-31T23:59:58Z');
		expect(AUTOLEAP_DATE_TIME.test(autoLeapDateTime(Date.now()))).toBe(true);
		expect(() => autoLeapDateTime(Number.NaN)).toThrow('Not a time');
	});

	it('rounds a start bound down and an end bound up, so both still hold the instant', () => {
		const t = at('2025-06-02T12:00:05.250Z');
		expect(autoLeapStartBound(t)).toBe('2025-06-02T12:00:05Z');
		// Read as the instant 12:00:05.000, "…:05Z" would leave 05.250 out: the end goes to :06.
		expect(autoLeapEndBound(t)).toBe('2025-06-02T12:00:06Z');
		expect(autoLeapEndBound(at('2025-06-02T12:00:05.999Z'))).toBe('2025-06-02T12:00:06Z');
		expect(autoLeapEndBound(at('2025-06-02T12:00:59.001Z'))).toBe('2025-06-02T12:01:00Z');
		// A whole second is exact either way.
		expect(autoLeapStartBound(at('2025-06-02T12:00:05Z'))).toBe('2025-06-02T12:00:05Z');
		expect(autoLeapEndBound(at('2025-06-02T12:00:05Z'))).toBe('2025-06-02T12:00:05Z');
	});

	it('finds the first and last millisecond of a second', () => {
		const t = at('2025-06-02T12:00:05.250Z');
		expect(startOfSecond(t)).toBe(at('2025-06-02T12:00:05Z'));
		expect(endOfSecond(t)).toBe(at('2025-06-02T12:00:05.999Z'));
		expect(endOfSecond(startOfSecond(t))).toBe(endOfSecond(t));
		expect(startOfSecond(-1)).toBe(-1000);
	});

	it('formats the UTC day', () => {
		expect(autoLeapDate(at('2025-06-02T23:59:59.999Z'))).toBe('2025-06-02');
		expect(autoLeapDate(at('2025-06-03T00:30:00+02:00'))).toBe('2025-06-02');
		expect(AUTOLEAP_DATE.test(autoLeapDate(0))).toBe(true);
	});

	it('parses what n8n date fields and expressions give', () => {
		expect(parseAutoLeapDate('2025-06-02T12:00:05.250Z')).toBe(at('2025-06-02T12:00:05.250Z'));
		expect(parseAutoLeapDate(' 2025-06-02 ')).toBe(at('2025-06-02T00:00:00Z'));
		expect(parseAutoLeapDate(new Date(5000))).toBe(5000);
		expect(parseAutoLeapDate(5000)).toBe(5000);
		expect(parseAutoLeapDate({ toMillis: () => 7000 })).toBe(7000);
		for (const empty of [undefined, null, '']) expect(parseAutoLeapDate(empty)).toBeUndefined();
		for (const bad of ['yesterday', {}, true, Number.NaN])
			expect(parseAutoLeapDate(bad)).toBeUndefined();
	});

	it('turns a user’s date into a filter bound: a day stays a day, a date-time becomes whole seconds rounded for its bound', () => {
		expect(autoLeapDateFilter('2025-06-02', 'start')).toBe('2025-06-02');
		expect(autoLeapDateFilter('2025-06-02', 'end')).toBe('2025-06-02');
		expect(autoLeapDateFilter('2025-06-02T12:00:05.250Z', 'start')).toBe('2025-06-02T12:00:05Z');
		expect(autoLeapDateFilter('2025-06-02T12:00:05.250Z', 'end')).toBe('2025-06-02T12:00:06Z');
		expect(autoLeapDateFilter('2025-06-02T14:00:05+02:00', 'end')).toBe('2025-06-02T12:00:05Z');
		expect(autoLeapDateFilter(new Date(at('2025-06-02T12:00:05.250Z')), 'start')).toBe(
			'2025-06-02T12:00:05Z',
		);
		expect(autoLeapDateFilter('', 'start')).toBeUndefined();
		expect(() => autoLeapDateFilter('2025-02-30', 'start')).toThrow('"2025-02-30" is not a date');
		expect(() => autoLeapDateFilter('soon', 'end')).toThrow('is not a date');
	});
});
