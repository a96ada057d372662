import fc from 'fast-check';
import { addDays, format, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, ageOn, birthday, daysBetween, daysInMonth, isIsoDate, londonDay, parseDateParts } from './dates';

describe('londonDay', () => {
	it('is the UTC day in winter (GMT)', () => {
		expect(londonDay(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-15');
	});
	it('is the next day late in the evening in summer (BST = UTC+1)', () => {
		expect(londonDay(new Date('2026-07-15T23:30:00Z'))).toBe('2026-07-16');
	});
	it('handles the spring change (29 March 2026, 01:00 UTC clocks go forward)', () => {
		expect(londonDay(new Date('2026-03-28T23:59:59Z'))).toBe('2026-03-28');
		expect(londonDay(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29');
		expect(londonDay(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
	});
	it('handles the autumn change (25 October 2026, 01:00 UTC clocks go back)', () => {
		expect(londonDay(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
		expect(londonDay(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25');
	});
});

describe('birthday and ageOn', () => {
	it('counts the birthday itself', () => {
		expect(ageOn('2008-11-24', '2026-11-24')).toBe(18);
		expect(ageOn('2008-11-24', '2026-11-23')).toBe(17);
	});
	it('moves a 29 February birthday to 1 March in a non-leap year', () => {
		expect(birthday('2004-02-29', 25)).toBe('2029-03-01');
		expect(birthday('2004-02-29', 24)).toBe('2028-02-29');
		expect(ageOn('2004-02-29', '2029-02-28')).toBe(24);
		expect(ageOn('2004-02-29', '2029-03-01')).toBe(25);
		expect(ageOn('2004-02-29', '2028-02-29')).toBe(24);
		expect(ageOn('2004-02-29', '2028-02-28')).toBe(23);
	});
	it('refuses a day that does not exist', () => {
		expect(() => ageOn('2005-02-29', '2026-01-01')).toThrow(RangeError);
	});
});

describe('calendar arithmetic', () => {
	it('adds days across month and year ends', () => {
		expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addCalendarDays('2026-03-28', 2)).toBe('2026-03-30');
	});
	it('counts days across the clock change as whole days', () => {
		expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
		expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
	});
	it('knows real dates', () => {
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('2023-02-29')).toBe(false);
		expect(isIsoDate('2023-13-01')).toBe(false);
		expect(isIsoDate('23-01-01')).toBe(false);
	});
});

describe('parseDateParts', () => {
	it('reads a date from three boxes', () => {
		expect(parseDateParts({ day: '5', month: '4', year: '2023' })).toEqual({ ok: true, date: '2023-04-05' });
	});
	it.each([
		[{ day: '', month: '', year: '' }, 'missing', ['day', 'month', 'year']],
		[{ day: '', month: '4', year: '2023' }, 'missing_day', ['day']],
		[{ day: '1', month: '', year: '2023' }, 'missing_month', ['month']],
		[{ day: '1', month: '4', year: '' }, 'missing_year', ['year']],
		[{ day: '1', month: '4', year: '23' }, 'year_format', ['year']],
		[{ day: '31', month: '2', year: '2023' }, 'not_a_date', ['day', 'month', 'year']],
		[{ day: '29', month: '2', year: '2023' }, 'not_a_date', ['day', 'month', 'year']],
		[{ day: 'x', month: '2', year: '2023' }, 'not_a_date', ['day', 'month', 'year']]
	])('explains %j', (input, error, fields) => {
		expect(parseDateParts(input)).toEqual({ ok: false, error, fields });
	});
	it('accepts 29 February in a leap year', () => {
		expect(parseDateParts({ day: '29', month: '02', year: '2024' })).toEqual({ ok: true, date: '2024-02-29' });
	});
});

describe('calendar-day arithmetic (UTC day numbers) agrees with date-fns for any day and offset', () => {
	it('round-trips and matches date-fns', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 365 * 200 }), fc.integer({ min: -5000, max: 5000 }), (start, offset) => {
				const day = format(addDays(new Date(1950, 0, 1), start), 'yyyy-MM-dd');
				const moved = addCalendarDays(day, offset);
				expect(moved).toBe(format(addDays(parseISO(day), offset), 'yyyy-MM-dd'));
				expect(daysBetween(day, moved)).toBe(offset);
			})
		);
	});
});

describe('isIsoDate, read by character codes', () => {
	// The reference: what the regular expression version said, before it was made faster.
	const reference = (value: string) => {
		const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
		if (!m) return false;
		const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
		return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
	};
	it('agrees with the regular expression on any near-date string', () => {
		const chars = fc.constantFrom(...'0123456789-/ aT'.split(''));
		const nearDate = fc.oneof(
			fc.string({ unit: chars, minLength: 8, maxLength: 12 }),
			fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
		);
		fc.assert(fc.property(nearDate, (s) => isIsoDate(s) === reference(s)), { numRuns: 5000 });
		for (const s of ['2024-02-29', '2023-02-29', '0000-01-01', '2026-13-01', '2026-00-10', '2026-1-01', '2026-01-1 ', '２０２６-01-01']) expect(isIsoDate(s), s).toBe(reference(s));
	});
});
