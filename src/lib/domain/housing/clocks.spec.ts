import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../dates';
import { acknowledgementClock, acknowledgementDue, emergencyStayClock, escalationsDue, threatClock, visitClock } from './clocks';
import { addWorkingDays, BANK_HOLIDAYS_ENGLAND_WALES, isWorkingDay, workingDaysBetween } from './working-days';

/** Anonymous Gregorian algorithm (Meeus/Jones/Butcher): Easter Sunday, to check the table independently. */
function easterSunday(year: number): string {
	const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
	const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

describe('England and Wales bank holidays', () => {
	it('has Good Friday and Easter Monday every year, matching the Easter algorithm', () => {
		for (let year = 2018; year <= 2030; year++) {
			const easter = easterSunday(year);
			expect(BANK_HOLIDAYS_ENGLAND_WALES.has(addCalendarDays(easter, -2)), `${year} Good Friday`).toBe(true);
			expect(BANK_HOLIDAYS_ENGLAND_WALES.has(addCalendarDays(easter, 1)), `${year} Easter Monday`).toBe(true);
		}
	});

	it('has 8 a year, except the one-off years (2020: 8 with VE day moved; 2022: 10; 2023: 9)', () => {
		const count = (y: number) => [...BANK_HOLIDAYS_ENGLAND_WALES].filter((d) => d.startsWith(`${y}-`)).length;
		expect(count(2022)).toBe(10);
		expect(count(2023)).toBe(9);
		for (const y of [2018, 2019, 2020, 2021, 2024, 2025, 2026, 2027, 2028, 2029, 2030]) expect(count(y), String(y)).toBe(8);
	});

	it('never lists a weekend (substitute days are weekdays)', () => {
		for (const d of BANK_HOLIDAYS_ENGLAND_WALES) expect([0, 6], d).not.toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
	});

	it.each([
		['2026-12-25', false, 'Christmas Day (Friday)'],
		['2026-12-28', false, 'Boxing Day substitute (Monday)'],
		['2026-12-29', true, 'the Tuesday after'],
		['2027-01-01', false, 'New Year (Friday)'],
		['2027-12-27', false, 'Christmas substitute 2027'],
		['2027-12-28', false, 'Boxing Day substitute 2027'],
		['2028-01-03', false, 'New Year substitute 2028'],
		['2026-04-03', false, 'Good Friday 2026'],
		['2026-04-06', false, 'Easter Monday 2026'],
		['2026-04-07', true, 'Easter Tuesday is a working day'],
		['2026-11-28', false, 'a Saturday'],
		['2026-11-30', true, 'a Monday']
	])('%s is a working day: %s (%s)', (day, working) => {
		expect(isWorkingDay(day)).toBe(working);
	});
});

describe('working-day arithmetic', () => {
	it.each([
		['2026-11-27', 1, '2026-11-30', 'Friday + 1 → Monday'],
		['2026-11-28', 1, '2026-11-30', 'Saturday + 1 → Monday'],
		['2026-11-24', 5, '2026-12-01', 'Tuesday + 5 → next Tuesday'],
		['2026-12-24', 1, '2026-12-29', 'Christmas Eve + 1 → over Christmas and the Boxing Day substitute'],
		['2026-12-24', 5, '2027-01-05', 'Christmas Eve + 5 → over New Year'],
		['2026-04-02', 1, '2026-04-07', 'Maundy Thursday + 1 → after Easter Monday'],
		['2027-03-25', 2, '2027-03-31', 'Easter 2027 (Good Friday 26 March)'],
		['2026-11-24', 0, '2026-11-24', '0 working days is the same day']
	])('%s + %i working days = %s (%s)', (from, n, due) => {
		expect(addWorkingDays(from, n)).toBe(due);
	});

	it('counts working days after a day up to another', () => {
		expect(workingDaysBetween('2026-11-27', '2026-11-30')).toBe(1);
		expect(workingDaysBetween('2026-12-24', '2026-12-31')).toBe(3);
		expect(workingDaysBetween('2026-11-30', '2026-11-30')).toBe(0);
		expect(workingDaysBetween('2026-12-01', '2026-11-30')).toBe(0);
	});

	it('refuses a negative or fractional count', () => {
		expect(() => addWorkingDays('2026-11-24', -1)).toThrow(RangeError);
		expect(() => addWorkingDays('2026-11-24', 1.5)).toThrow(RangeError);
	});
});

describe('acknowledgement clock', () => {
	it('gives an urgent flag 1 working day and others 5', () => {
		const tue = new Date('2026-11-24T10:00:00Z');
		expect(acknowledgementDue(tue, true)).toBe('2026-11-25');
		expect(acknowledgementDue(tue, false)).toBe('2026-12-01');
	});

	it('counts from the London day: 23:30 UTC in summer is already the next day (BST)', () => {
		// Friday 26 June 2026 23:30 UTC is Saturday 00:30 in London: the clock starts from Saturday.
		expect(acknowledgementDue(new Date('2026-06-26T23:30:00Z'), true)).toBe('2026-06-29');
		// The same UTC time in winter is still Friday in London.
		expect(acknowledgementDue(new Date('2026-11-27T23:30:00Z'), true)).toBe('2026-11-30');
	});

	it('works across the spring clock change (29 March 2026)', () => {
		// Saturday 28 March 23:30 UTC (GMT) is Saturday in London; Sunday 29 March 23:30 UTC (BST) is Monday 30 March.
		expect(acknowledgementDue(new Date('2026-03-28T23:30:00Z'), true)).toBe('2026-03-30');
		expect(acknowledgementDue(new Date('2026-03-29T23:30:00Z'), true)).toBe('2026-03-31');
	});

	it('works across the autumn clock change (25 October 2026)', () => {
		expect(acknowledgementDue(new Date('2026-10-24T23:30:00Z'), true)).toBe('2026-10-26');
		expect(acknowledgementDue(new Date('2026-10-25T23:30:00Z'), true)).toBe('2026-10-26');
	});

	it('is overdue from the London midnight after the due day, and done once acknowledged', () => {
		const raised = new Date('2026-11-27T16:00:00Z'); // Friday
		expect(acknowledgementClock(raised, true, null, new Date('2026-11-30T23:59:00Z')).state).toBe('due');
		expect(acknowledgementClock(raised, true, null, new Date('2026-12-01T00:00:01Z')).state).toBe('overdue');
		expect(acknowledgementClock(raised, true, new Date('2026-12-03T09:00:00Z'), new Date('2026-12-04T00:00:00Z')).state).toBe('done');
	});

	it('gives a flag raised on Christmas Eve until after the holidays', () => {
		expect(acknowledgementClock(new Date('2026-12-24T15:00:00Z'), true, null, new Date('2026-12-28T12:00:00Z'))).toEqual({ state: 'due', dueOn: '2026-12-29' });
	});
});

describe('the 56-day threat of homelessness window', () => {
	it('the window still ends 56 days after the threat began (s175(4)) and counts down', () => {
		expect(threatClock('2026-11-24', null, '2026-11-24')).toEqual({ state: 'due', endsOn: '2027-01-19', daysLeft: 56, referredOn: null, referBy: '2026-11-25' });
		expect(threatClock('2026-11-24', '2026-11-24', '2027-01-19')).toMatchObject({ state: 'referred', daysLeft: 0 });
	});

	it('R6 duty to refer (s213B; Code of Guidance 4.1): "refer now" from the day the threat is known, not from day 56', () => {
		// Tuesday 24 November 2026: due that day and the next working day, overdue on the day after.
		expect(threatClock('2026-11-24', null, '2026-11-24')).toMatchObject({ state: 'due', referBy: '2026-11-25' });
		expect(threatClock('2026-11-24', null, '2026-11-25')).toMatchObject({ state: 'due' });
		expect(threatClock('2026-11-24', null, '2026-11-26')).toMatchObject({ state: 'overdue', daysLeft: 54 });
		// Before this fix the clock said "due" until day 56 and only then "overdue".
		expect(threatClock('2026-11-24', null, '2027-01-19').state).toBe('overdue');
	});

	it('R6 the one working day skips a weekend and a bank holiday: known Friday 24 Dec 2027 → refer by Wednesday 29 Dec', () => {
		// 25–26 Dec 2027 is a weekend; the Christmas and Boxing Day holidays move to Mon 27 and Tue 28.
		expect(threatClock('2027-12-24', null, '2027-12-29')).toMatchObject({ state: 'due', referBy: '2027-12-29' });
		expect(threatClock('2027-12-24', null, '2027-12-30').state).toBe('overdue');
	});

	it('is done once the referral is recorded', () => {
		expect(threatClock('2026-11-24', '2026-11-26', '2027-02-01')).toMatchObject({ state: 'referred', referredOn: '2026-11-26' });
	});

	it('counts calendar days across a leap day and the clock change', () => {
		expect(threatClock('2028-01-15', null, '2028-01-15').endsOn).toBe('2028-03-11');
		expect(threatClock('2026-03-01', null, '2026-03-01').endsOn).toBe('2026-04-26');
	});
});

describe('bed and breakfast or emergency accommodation', () => {
	it('escalates after more than 2 working days', () => {
		expect(emergencyStayClock('2026-11-27', null, '2026-12-01')).toEqual({ state: 'ok', workingDays: 2 });
		expect(emergencyStayClock('2026-11-27', null, '2026-12-02')).toEqual({ state: 'escalate', workingDays: 3 });
	});

	it('does not count Christmas and New Year bank holidays', () => {
		expect(emergencyStayClock('2026-12-24', null, '2026-12-30')).toEqual({ state: 'ok', workingDays: 2 });
		expect(emergencyStayClock('2026-12-24', null, '2026-12-31')).toEqual({ state: 'escalate', workingDays: 3 });
	});

	it('stops counting when they move out', () => {
		expect(emergencyStayClock('2026-11-27', '2026-11-30', '2026-12-10')).toEqual({ state: 'ok', workingDays: 1 });
	});
});

describe('PA visit after moving into council accommodation', () => {
	it('is due within 7 days and done once visited', () => {
		expect(visitClock('2026-11-24', null, '2026-12-01')).toEqual({ state: 'due', dueOn: '2026-12-01' });
		expect(visitClock('2026-11-24', null, '2026-12-02').state).toBe('overdue');
		expect(visitClock('2026-11-24', '2026-11-26', '2026-12-10').state).toBe('done');
		expect(visitClock('2026-11-24', '2026-11-20', '2026-12-10').state).toBe('overdue');
	});
});

describe('escalations due', () => {
	it('names each escalation once, by what it is about', () => {
		const now = new Date('2026-12-02T10:00:00Z');
		const flags = [
			{ id: 'late', urgency: 'urgent' as const, raisedAt: new Date('2026-11-27T10:00:00Z'), acknowledgedAt: null, youngPersonId: 'p1' },
			{ id: 'seen', urgency: 'urgent' as const, raisedAt: new Date('2026-11-27T10:00:00Z'), acknowledgedAt: new Date('2026-11-27T11:00:00Z'), youngPersonId: 'p2' },
			{ id: 'fresh', urgency: 'soon' as const, raisedAt: new Date('2026-11-30T10:00:00Z'), acknowledgedAt: null, youngPersonId: 'p3' }
		];
		const stays = [{ id: 7, youngPersonId: 'p4', fromOn: '2026-11-26', toOn: null }];
		expect(escalationsDue(flags, stays, now).map((e) => e.key)).toEqual(['flag-ack:late', 'stay:7']);
	});

	it('R6 a threat with no referral by the end of the next working day goes to a manager; a referred one does not', () => {
		const now = new Date('2026-12-02T10:00:00Z'); // Wednesday
		const base = { urgency: 'soon' as const, raisedAt: new Date('2026-11-30T10:00:00Z'), acknowledgedAt: new Date('2026-11-30T11:00:00Z') };
		const flags = [
			{ ...base, id: 'monday', youngPersonId: 'p1', threatenedOn: '2026-11-30', referredOn: null }, // refer by Tue 1 Dec: late
			{ ...base, id: 'tuesday', youngPersonId: 'p2', threatenedOn: '2026-12-01', referredOn: null }, // refer by Wed 2 Dec: not yet
			{ ...base, id: 'done', youngPersonId: 'p3', threatenedOn: '2026-11-30', referredOn: '2026-11-30' }
		];
		expect(escalationsDue(flags, [], now)).toEqual([{ key: 'refer:monday', kind: 'duty_to_refer', subjectId: 'monday', youngPersonId: 'p1' }]);
	});
});
