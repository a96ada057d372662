import { describe, expect, it } from 'vitest';
import { addMonths, wholeMonthsBetween } from './calendar';

describe('calendar months', () => {
	it.each([
		['2026-01-31', 1, '2026-02-28', '31 January → 28 February'],
		['2028-01-31', 1, '2028-02-29', '31 January → 29 February in a leap year'],
		['2026-03-31', 1, '2026-04-30', '31 March → 30 April'],
		['2026-08-31', 1, '2026-09-30', '31 August → 30 September'],
		['2026-12-15', 1, '2027-01-15', 'over the new year'],
		['2026-03-31', -1, '2026-02-28', 'backwards, clamped too'],
		['2024-02-29', 36, '2027-02-28', 'a leap day + 3 years → 28 February'],
		['2024-02-29', 48, '2028-02-29', 'a leap day + 4 years → a leap day'],
		['2026-05-10', 0, '2026-05-10', 'no months']
	])('%s + %i months = %s (%s)', (from, months, to) => {
		expect(addMonths(from, months)).toBe(to);
	});

	it('refuses part months and impossible dates', () => {
		expect(() => addMonths('2026-01-31', 0.5)).toThrow(RangeError);
		expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
	});

	it.each([
		['2027-01-31', '2027-02-27', 0],
		['2027-01-31', '2027-02-28', 1],
		['2027-01-31', '2027-03-30', 1],
		['2027-01-31', '2027-03-31', 2],
		['2028-01-31', '2028-02-28', 0],
		['2028-01-31', '2028-02-29', 1],
		['2026-08-31', '2026-11-24', 2],
		['2025-11-24', '2026-11-24', 12],
		['2026-11-24', '2026-11-01', 0]
	])('whole months from %s to %s: %i', (from, to, months) => {
		expect(wholeMonthsBetween(from, to)).toBe(months);
	});
});
