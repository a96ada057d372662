import { describe, expect, it } from 'vitest';
import { addWorkingHours, isWithinWorkingHours, isWorkingDay, workingHoursBetween } from './working-hours';

/** Christmas 2026 to Easter 2027 (Easter Sunday 2027 is 28 March, the day the clocks go forward). */
const HOLIDAYS = new Set(['2026-12-25', '2026-12-26', '2026-12-28', '2027-01-01', '2027-03-26', '2027-03-29']);
const isHoliday = (day: string) => HOLIDAYS.has(day);
const plus4 = (iso: string) => addWorkingHours(new Date(iso), 4, isHoliday).toISOString();

describe('working days', () => {
	it.each([
		['2026-11-27', true, 'a Friday'],
		['2026-11-28', false, 'a Saturday'],
		['2026-11-29', false, 'a Sunday'],
		['2026-12-25', false, 'Christmas Day'],
		['2026-12-28', false, 'the Boxing Day substitute'],
		['2026-12-29', true, 'the Tuesday after'],
		['2027-03-26', false, 'Good Friday 2027']
	])('%s is a working day: %s (%s)', (day, working) => {
		expect(isWorkingDay(day, isHoliday)).toBe(working);
	});
});

describe('addWorkingHours: 4 working hours', () => {
	it.each([
		['2026-11-24T10:00:00Z', '2026-11-24T14:00:00.000Z', 'Tuesday 10:00 → 14:00'],
		['2026-11-24T09:00:00Z', '2026-11-24T13:00:00.000Z', 'from 09:00 exactly'],
		['2026-11-24T07:30:00Z', '2026-11-24T13:00:00.000Z', 'early morning: the clock starts at 09:00'],
		['2026-11-24T13:00:00Z', '2026-11-24T17:00:00.000Z', 'ends at 17:00 exactly, not the next morning'],
		['2026-11-24T15:00:00Z', '2026-11-25T11:00:00.000Z', 'Tuesday 15:00 → Wednesday 11:00'],
		['2026-11-24T16:59:30Z', '2026-11-25T12:59:30.000Z', 'half a minute before close'],
		['2026-11-24T17:00:00Z', '2026-11-25T13:00:00.000Z', 'at 17:00 the day is over'],
		['2026-11-24T20:00:00Z', '2026-11-25T13:00:00.000Z', 'Tuesday evening → Wednesday 13:00'],
		['2026-11-27T16:00:00Z', '2026-11-30T12:00:00.000Z', 'Friday 16:00 → Monday 12:00'],
		['2026-11-28T10:00:00Z', '2026-11-30T13:00:00.000Z', 'Saturday → Monday 13:00'],
		['2026-11-29T23:59:00Z', '2026-11-30T13:00:00.000Z', 'late Sunday → Monday 13:00']
	])('%s → %s (%s)', (from, due) => {
		expect(plus4(from)).toBe(due);
	});

	it.each([
		['2026-12-24T15:00:00Z', '2026-12-29T11:00:00.000Z', 'Christmas Eve 15:00 → over Christmas, the weekend and the substitute day'],
		['2026-12-25T10:00:00Z', '2026-12-29T13:00:00.000Z', 'raised on Christmas Day → Tuesday 13:00'],
		['2026-12-31T16:00:00Z', '2027-01-04T12:00:00.000Z', 'New Year’s Eve 16:00 → Monday 4 January 12:00']
	])('bank holidays: %s → %s (%s)', (from, due) => {
		expect(plus4(from)).toBe(due);
	});

	it.each([
		['2026-03-27T16:00:00Z', '2026-03-30T11:00:00.000Z', 'Friday 16:00 GMT before the clocks go forward → Monday 12:00 BST'],
		['2026-10-23T15:00:00Z', '2026-10-26T12:00:00.000Z', 'Friday 16:00 BST before the clocks go back → Monday 12:00 GMT'],
		['2026-07-14T08:00:00Z', '2026-07-14T12:00:00.000Z', '09:00 BST is 08:00 UTC: 4 hours to 13:00 BST'],
		['2026-07-14T07:30:00Z', '2026-07-14T12:00:00.000Z', '08:30 BST is before opening'],
		['2026-06-26T23:30:00Z', '2026-06-29T12:00:00.000Z', '23:30 UTC on a June Friday is already Saturday in London'],
		['2027-03-25T16:00:00Z', '2027-03-30T11:00:00.000Z', 'Thursday before Easter 2027: Good Friday, the clock change and Easter Monday all skipped']
	])('clock changes: %s → %s (%s)', (from, due) => {
		expect(plus4(from)).toBe(due);
	});
});

describe('addWorkingHours: other amounts', () => {
	it('adds nothing inside hours, and moves to the next opening outside them', () => {
		expect(addWorkingHours(new Date('2026-11-24T10:15:00Z'), 0, isHoliday).toISOString()).toBe('2026-11-24T10:15:00.000Z');
		expect(addWorkingHours(new Date('2026-11-24T17:00:00Z'), 0, isHoliday).toISOString()).toBe('2026-11-25T09:00:00.000Z');
		expect(addWorkingHours(new Date('2026-11-28T12:00:00Z'), 0, isHoliday).toISOString()).toBe('2026-11-30T09:00:00.000Z');
	});

	it('takes part hours and whole days', () => {
		expect(addWorkingHours(new Date('2026-11-24T10:00:00Z'), 1.5, isHoliday).toISOString()).toBe('2026-11-24T11:30:00.000Z');
		expect(addWorkingHours(new Date('2026-11-24T09:00:00Z'), 8, isHoliday).toISOString()).toBe('2026-11-24T17:00:00.000Z');
		expect(addWorkingHours(new Date('2026-11-24T09:01:00Z'), 8, isHoliday).toISOString()).toBe('2026-11-25T09:01:00.000Z');
		expect(addWorkingHours(new Date('2026-11-26T12:00:00Z'), 16, isHoliday).toISOString()).toBe('2026-11-30T12:00:00.000Z');
	});

	it('refuses negative or impossible input, and a calendar with no working days', () => {
		expect(() => addWorkingHours(new Date('2026-11-24T10:00:00Z'), -1, isHoliday)).toThrow(RangeError);
		expect(() => addWorkingHours(new Date('2026-11-24T10:00:00Z'), Number.NaN, isHoliday)).toThrow(RangeError);
		expect(() => addWorkingHours(new Date('not a date'), 4, isHoliday)).toThrow(RangeError);
		expect(() => addWorkingHours(new Date('2026-11-24T10:00:00Z'), 4, () => true)).toThrow(RangeError);
	});
});

describe('isWithinWorkingHours and workingHoursBetween', () => {
	it.each([
		['2026-11-24T09:00:00Z', true],
		['2026-11-24T16:59:59Z', true],
		['2026-11-24T17:00:00Z', false],
		['2026-11-24T08:59:59Z', false],
		['2026-07-14T08:30:00Z', true],
		['2026-07-14T16:30:00Z', false],
		['2026-11-28T12:00:00Z', false],
		['2026-12-25T12:00:00Z', false]
	])('%s is within working hours: %s', (at, within) => {
		expect(isWithinWorkingHours(new Date(at), isHoliday)).toBe(within);
	});

	it('counts the working hours between two instants', () => {
		expect(workingHoursBetween(new Date('2026-11-27T16:00:00Z'), new Date('2026-11-30T12:00:00Z'), isHoliday)).toBe(4);
		expect(workingHoursBetween(new Date('2026-11-24T10:00:00Z'), new Date('2026-11-24T10:30:00Z'), isHoliday)).toBe(0.5);
		expect(workingHoursBetween(new Date('2026-12-24T15:00:00Z'), new Date('2026-12-29T11:00:00Z'), isHoliday)).toBe(4);
		expect(workingHoursBetween(new Date('2026-03-27T16:00:00Z'), new Date('2026-03-30T11:00:00Z'), isHoliday)).toBe(4);
		expect(workingHoursBetween(new Date('2026-11-30T12:00:00Z'), new Date('2026-11-27T16:00:00Z'), isHoliday)).toBe(0);
	});

	it('agrees with addWorkingHours', () => {
		for (const from of ['2026-11-24T07:00:00Z', '2026-11-27T16:30:00Z', '2026-12-24T12:00:00Z', '2027-03-25T15:15:00Z']) {
			for (const hours of [1, 4, 7.5, 20]) {
				const due = addWorkingHours(new Date(from), hours, isHoliday);
				expect(workingHoursBetween(new Date(from), due, isHoliday), `${from} + ${hours}`).toBeCloseTo(hours, 9);
			}
		}
	});
});
