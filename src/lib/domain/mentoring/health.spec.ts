import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../dates';
import { quietVolunteers, relationshipHealth, volunteersWithoutContact, type MatchFacts } from './health';

const active = (rhythm: MatchFacts['rhythm'], startedOn = '2026-09-01', pauses: MatchFacts['pauses'] = []): MatchFacts => ({ status: 'active', rhythm, startedOn, pauses });
/** Every `step` days from `from` up to `to`. */
const every = (from: string, step: number, to: string) => {
	const out: string[] = [];
	for (let d = from; d <= to; d = addCalendarDays(d, step)) out.push(d);
	return out;
};

describe('relationship health: the rhythm', () => {
	it.each([
		['weekly', '2026-11-20', '2026-11-24', 'on_track', 0, '2026-11-27'],
		['weekly', '2026-11-17', '2026-11-21', 'on_track', 0, '2026-11-24'],
		['weekly', '2026-11-17', '2026-11-22', 'due_soon', 0, '2026-11-24'],
		['weekly', '2026-11-17', '2026-11-24', 'due_soon', 0, '2026-11-24'],
		['weekly', '2026-11-17', '2026-11-25', 'overdue', 1, '2026-11-24'],
		['weekly', '2026-11-10', '2026-11-26', 'overdue', 9, '2026-11-17'],
		['fortnightly', '2026-11-10', '2026-11-24', 'due_soon', 0, '2026-11-24'],
		['fortnightly', '2026-11-12', '2026-11-22', 'on_track', 0, '2026-11-26'],
		['fortnightly', '2026-11-01', '2026-11-24', 'overdue', 9, '2026-11-15'],
		['monthly', '2026-10-31', '2026-11-24', 'on_track', 0, '2026-11-30'],
		['monthly', '2026-10-24', '2026-11-24', 'due_soon', 0, '2026-11-24'],
		['monthly', '2026-10-20', '2026-11-24', 'overdue', 4, '2026-11-20']
	] as const)('%s, last contact %s, on %s: %s (overdue by %i, due %s)', (rhythm, last, asOf, state, overdue, due) => {
		expect(relationshipHealth(active(rhythm), [last], [], asOf)).toMatchObject({ state, overdueByDays: overdue, dueOn: due });
	});

	it('gives a summary of codes and numbers for the page to put into words', () => {
		expect(relationshipHealth(active('weekly'), ['2026-11-10'], [], '2026-11-26').summary).toEqual({ state: 'overdue', dueOn: '2026-11-17', days: 9 });
		expect(relationshipHealth(active('weekly'), ['2026-11-17'], [], '2026-11-22').summary).toEqual({ state: 'due_soon', dueOn: '2026-11-24', days: 2 });
		expect(relationshipHealth(active('weekly'), ['2026-11-20'], [], '2026-11-24').summary).toEqual({ state: 'on_track', dueOn: '2026-11-27', days: 3 });
	});

	it('takes a rhythm agreed in days, and says the expected interval', () => {
		const tenDays = { ...active('weekly'), rhythmDays: 10 };
		expect(relationshipHealth(tenDays, ['2026-11-10'], [], '2026-11-24')).toMatchObject({ state: 'overdue', dueOn: '2026-11-20', overdueByDays: 4, expectedIntervalDays: 10 });
		expect(relationshipHealth(active('fortnightly'), [], [], '2026-11-24').expectedIntervalDays).toBe(14);
		expect(() => relationshipHealth({ ...tenDays, rhythmDays: 0 }, [], [], '2026-11-24')).toThrow(RangeError);
	});

	it('counts from the start of the match when nothing is logged yet', () => {
		expect(relationshipHealth(active('weekly', '2026-11-01'), [], [], '2026-11-24')).toMatchObject({
			state: 'overdue',
			dueOn: '2026-11-08',
			overdueByDays: 16,
			daysSinceContact: 23,
			lastContactOn: null
		});
	});

	it('uses the latest contact whatever order they come in, ignores ones after today, and takes {on} objects', () => {
		const h = relationshipHealth(active('weekly'), [{ on: '2026-11-20', planned: true }, '2026-11-10', { on: '2026-11-30' }], [], '2026-11-24');
		expect(h).toMatchObject({ lastContactOn: '2026-11-20', daysSinceContact: 4, dueOn: '2026-11-27' });
	});

	it('does not let a contact before the match started stand in for the start', () => {
		expect(relationshipHealth(active('weekly', '2026-11-10'), ['2026-11-05'], [], '2026-11-12')).toMatchObject({ dueOn: '2026-11-17', daysSinceContact: 2 });
	});
});

describe('relationship health: month ends', () => {
	it('monthly from 31 January is due 28 February, or 29 February in a leap year', () => {
		expect(relationshipHealth(active('monthly', '2027-01-01'), ['2027-01-31'], [], '2027-02-10').dueOn).toBe('2027-02-28');
		expect(relationshipHealth(active('monthly', '2028-01-01'), ['2028-01-31'], [], '2028-02-10').dueOn).toBe('2028-02-29');
	});

	it('monthly from 31 March is due 30 April, and from 28 February on 28 March', () => {
		expect(relationshipHealth(active('monthly', '2026-01-01'), ['2026-03-31'], [], '2026-04-10').dueOn).toBe('2026-04-30');
		expect(relationshipHealth(active('monthly', '2027-01-01'), ['2027-02-28'], [], '2027-03-10').dueOn).toBe('2027-03-28');
	});

	it('is due soon on 28 February and overdue by one day on 1 March', () => {
		expect(relationshipHealth(active('monthly', '2027-01-01'), ['2027-01-31'], [], '2027-02-28').summary).toEqual({ state: 'due_soon', dueOn: '2027-02-28', days: 0 });
		expect(relationshipHealth(active('monthly', '2027-01-01'), ['2027-01-31'], [], '2027-03-01').summary).toEqual({ state: 'overdue', dueOn: '2027-02-28', days: 1 });
	});

	it('measures length in whole calendar months, clamped at month ends', () => {
		expect(relationshipHealth(active('weekly', '2027-01-31'), [], [], '2027-02-28')).toMatchObject({ lengthDays: 28, lengthMonths: 1 });
		expect(relationshipHealth(active('weekly', '2028-01-31'), [], [], '2028-02-28')).toMatchObject({ lengthDays: 28, lengthMonths: 0 });
		expect(relationshipHealth(active('weekly', '2028-01-31'), [], [], '2028-02-29')).toMatchObject({ lengthDays: 29, lengthMonths: 1 });
		expect(relationshipHealth(active('weekly', '2026-08-31'), [], [], '2026-11-24')).toMatchObject({ lengthDays: 85, lengthMonths: 2 });
	});
});

describe('relationship health: pauses', () => {
	const ended = active('weekly', '2026-09-01', [{ from: '2026-11-01', to: '2026-11-14' }]);

	it('pushes the due date back by the days paused, and leaves them out of the gap', () => {
		// Last contact 28 October; 14 paused days move the due date from 4 to 18 November.
		expect(relationshipHealth(ended, ['2026-10-28'], [], '2026-11-17')).toMatchObject({ state: 'due_soon', dueOn: '2026-11-18', daysSinceContact: 6 });
		expect(relationshipHealth(ended, ['2026-10-28'], [], '2026-11-20')).toMatchObject({ state: 'overdue', overdueByDays: 2, pausedDays: 14 });
	});

	it('does not count a pause after the due date in the days overdue', () => {
		const later = active('weekly', '2026-09-01', [{ from: '2026-11-10', to: '2026-11-15' }]);
		expect(relationshipHealth(later, ['2026-11-01'], [], '2026-11-20')).toMatchObject({ state: 'overdue', dueOn: '2026-11-08', overdueByDays: 6 });
	});

	it('counts overlapping pauses once', () => {
		const overlapping = active('weekly', '2026-09-01', [
			{ from: '2026-11-01', to: '2026-11-10' },
			{ from: '2026-11-05', to: '2026-11-14' }
		]);
		expect(relationshipHealth(overlapping, ['2026-10-28'], [], '2026-11-17')).toMatchObject({ dueOn: '2026-11-18', daysSinceContact: 6, pausedDays: 14 });
	});

	it('is paused during an ongoing pause, since its first day, with paused days left out of the gap', () => {
		const h = relationshipHealth(active('weekly', '2026-09-01', [{ from: '2026-11-20', to: null }]), ['2026-11-01'], [], '2026-11-24');
		expect(h).toMatchObject({ state: 'paused', summary: { state: 'paused', since: '2026-11-20' }, daysSinceContact: 18, dueOn: null, overdueByDays: 0 });
	});

	it('is paused on the last day of an ended pause, and back on the rhythm the day after', () => {
		expect(relationshipHealth(ended, ['2026-10-28'], [], '2026-11-14').state).toBe('paused');
		expect(relationshipHealth(ended, ['2026-10-28'], [], '2026-11-15')).toMatchObject({ state: 'on_track', dueOn: '2026-11-18' });
	});

	it('is paused by status even with no dates recorded', () => {
		expect(relationshipHealth({ ...active('weekly'), status: 'paused' }, ['2026-11-01'], [], '2026-11-24')).toMatchObject({ state: 'paused', summary: { state: 'paused', since: null } });
	});

	it('moves the due date for a pause already planned, and ignores an open pause that has not begun', () => {
		const planned = active('weekly', '2026-09-01', [{ from: '2026-11-26', to: '2026-11-30' }]);
		expect(relationshipHealth(planned, ['2026-11-20'], [], '2026-11-24')).toMatchObject({ state: 'on_track', dueOn: '2026-12-02' });
		const notYet = active('weekly', '2026-09-01', [{ from: '2026-12-01', to: null }]);
		expect(relationshipHealth(notYet, ['2026-11-20'], [], '2026-11-24')).toMatchObject({ state: 'on_track', dueOn: '2026-11-27' });
	});

	it('does not count a planned contact on a paused day as missed', () => {
		const planned = [
			{ on: '2026-11-05', happened: false },
			{ on: '2026-11-16', happened: false }
		];
		expect(relationshipHealth(ended, [], planned, '2026-11-24').missedPlanned).toBe(1);
	});
});

describe('relationship health: not started and ended', () => {
	it.each([
		['introduced', '2026-09-01'],
		['proposed', '2026-09-01'],
		['active', null],
		['active', '2026-12-01']
	] as const)('is not started when %s and started %s', (status, startedOn) => {
		const h = relationshipHealth({ status, rhythm: 'weekly', startedOn, pauses: [] }, [], [], '2026-11-24');
		expect(h).toMatchObject({ state: 'not_started', summary: { state: 'not_started' }, daysSinceContact: null, dueOn: null, lengthDays: 0, lengthMonths: 0 });
	});

	it('is ended by status even with no end date, counting the days since the last contact to today', () => {
		expect(relationshipHealth({ ...active('weekly'), status: 'ended' }, ['2026-11-01'], [], '2026-11-24')).toMatchObject({ state: 'ended', daysSinceContact: 23, dueOn: null, lengthDays: 84 });
	});

	it('is ended, with the days since the last contact and its length to the day it ended', () => {
		const h = relationshipHealth({ ...active('weekly', '2026-01-31'), status: 'ended', endedOn: '2026-10-31' }, ['2026-10-30'], [], '2026-11-24');
		expect(h).toMatchObject({ state: 'ended', summary: { state: 'ended' }, daysSinceContact: 25, dueOn: null, lengthDays: 273, lengthMonths: 9 });
	});
});

describe('relationship health: regularity over the last 8 weeks', () => {
	it('counts weeks with contact against the weeks expected, and the contacts', () => {
		const weekly = ['2026-10-06', '2026-10-13', '2026-10-20', '2026-11-03', '2026-11-17', '2026-11-23'];
		expect(relationshipHealth(active('weekly', '2026-08-31'), weekly, [], '2026-11-24').regularity).toEqual({
			weeksWithContact: 6,
			weeksExpected: 8,
			contacts: 6,
			windowDays: 56,
			periods: 8,
			periodsWithContact: 6,
			ratio: 0.75
		});
	});

	it('asks a fortnightly rhythm for a contact each fortnight: 4 of 4 is perfect, though only 4 weeks had one', () => {
		const r = relationshipHealth(active('fortnightly', '2026-08-01'), every('2026-09-29', 14, '2026-11-24'), [], '2026-11-24').regularity;
		expect(r).toMatchObject({ weeksWithContact: 4, weeksExpected: 4, periods: 4, periodsWithContact: 4, ratio: 1 });
	});

	it('asks a monthly rhythm for one contact in the last 30 days (and 2 of the 8 weeks)', () => {
		expect(relationshipHealth(active('monthly', '2026-08-01'), ['2026-11-01'], [], '2026-11-24').regularity).toMatchObject({ weeksExpected: 2, periods: 1, periodsWithContact: 1, ratio: 1 });
		expect(relationshipHealth(active('monthly', '2026-08-01'), ['2026-10-20'], [], '2026-11-24').regularity).toMatchObject({ periods: 1, periodsWithContact: 0, ratio: 0 });
	});

	it('does not reward several contacts in one week', () => {
		const burst = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-22'];
		expect(relationshipHealth(active('weekly', '2026-08-01'), burst, [], '2026-11-24').regularity).toMatchObject({ weeksWithContact: 1, contacts: 4, ratio: 0.125 });
	});

	it('looks only at whole weeks since the start of a young match, and has no ratio until a whole period has passed', () => {
		expect(relationshipHealth(active('weekly', '2026-11-05'), ['2026-11-20'], [], '2026-11-24').regularity).toMatchObject({ windowDays: 20, weeksExpected: 2, periods: 2, ratio: 0.5 });
		expect(relationshipHealth(active('weekly', '2026-11-22'), ['2026-11-22'], [], '2026-11-24').regularity).toMatchObject({ windowDays: 3, periods: 0, ratio: null, contacts: 1 });
	});

	it('skips paused days, reaching back further so a pause does not count against the relationship', () => {
		const mondays = every('2026-09-14', 7, '2026-11-16').filter((d) => d < '2026-10-26' || d > '2026-11-08');
		const paused = active('weekly', '2026-08-03', [{ from: '2026-10-26', to: '2026-11-08' }]);
		expect(relationshipHealth(paused, mondays, [], '2026-11-22').regularity).toMatchObject({ windowDays: 56, weeksWithContact: 8, weeksExpected: 8, ratio: 1 });
		expect(relationshipHealth(active('weekly', '2026-08-03'), mondays, [], '2026-11-22').regularity).toMatchObject({ weeksWithContact: 6, ratio: 0.75 });
	});

	it('counts planned contacts missed before today, not those that happened or are still to come', () => {
		const planned = [
			{ on: '2026-10-27', happened: false },
			{ on: '2026-11-10', happened: false },
			{ on: '2026-11-17', happened: true },
			{ on: '2026-11-24', happened: false },
			{ on: '2026-12-01', happened: false }
		];
		expect(relationshipHealth(active('weekly', '2026-08-31'), [], planned, '2026-11-24').missedPlanned).toBe(2);
	});
});

describe('volunteers without contact', () => {
	it('lists volunteers quiet for 14 days or more and 30 days or more, longest first', () => {
		const last = new Map([
			['a', '2026-11-11'], // 13 days
			['b', '2026-11-10'], // 14
			['c', '2026-10-26'], // 29
			['d', '2026-10-25'], // 30
			['e', '2026-11-24'] // today
		]);
		const quiet = volunteersWithoutContact(last, '2026-11-24');
		expect(quiet.atLeast14Days.map((v) => [v.volunteerId, v.days])).toEqual([
			['d', 30],
			['c', 29],
			['b', 14]
		]);
		expect(quiet.atLeast30Days).toEqual([{ volunteerId: 'd', lastContactOn: '2026-10-25', days: 30 }]);
	});

	it('takes a plain object, counts "never" from when matching began, and lists "never" with no start in both', () => {
		const quiet = volunteersWithoutContact({ z: null, y: { lastOn: null, since: '2026-11-01' }, x: { lastOn: '2026-10-01', since: '2026-01-01' } }, '2026-11-24');
		expect(quiet.atLeast14Days).toEqual([
			{ volunteerId: 'z', lastContactOn: null, days: null },
			{ volunteerId: 'x', lastContactOn: '2026-10-01', days: 54 },
			{ volunteerId: 'y', lastContactOn: null, days: 23 }
		]);
		expect(quiet.atLeast30Days.map((v) => v.volunteerId)).toEqual(['z', 'x']);
	});

	it('breaks ties by id', () => {
		const quiet = volunteersWithoutContact({ b: '2026-10-01', a: '2026-10-01' }, '2026-11-24');
		expect(quiet.atLeast30Days.map((v) => v.volunteerId)).toEqual(['a', 'b']);
	});

	it('keeps the older list of ids working', () => {
		const lists = quietVolunteers(
			[
				{ volunteerId: 'a', lastOn: '2026-11-20', since: '2026-01-01' },
				{ volunteerId: 'b', lastOn: '2026-11-10', since: '2026-01-01' },
				{ volunteerId: 'c', lastOn: '2026-10-20', since: '2026-01-01' },
				{ volunteerId: 'd', lastOn: null, since: '2026-11-01' }
			],
			'2026-11-24'
		);
		expect(lists).toEqual({ over14: ['c', 'd', 'b'], over30: ['c'] });
	});
});
