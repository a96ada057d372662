import { describe, expect, it } from 'vitest';
import { addWorkingHours, concernsToEscalate, notifiesPa } from './concerns';
import { checkContact } from './contact';
import { quietVolunteers, relationshipHealth, type MatchFacts } from './health';
import { milesBetween, rankVolunteers, type Volunteer } from './matching';
import { addMonths, canMatch, checkCurrentUntil, vettingLapsesOn, type Vetting } from './vetting';

const active = (rhythm: MatchFacts['rhythm'], startedOn = '2026-09-01', pauses: MatchFacts['pauses'] = []): MatchFacts => ({ status: 'active', rhythm, startedOn, pauses });

describe('relationship health', () => {
	it.each([
		['weekly', ['2026-11-20'], '2026-11-24', 'on_track', 0, '2026-11-27'],
		['weekly', ['2026-11-17'], '2026-11-22', 'due_soon', 0, '2026-11-24'],
		['weekly', ['2026-11-17'], '2026-11-24', 'due_soon', 0, '2026-11-24'],
		['weekly', ['2026-11-10'], '2026-11-26', 'overdue', 9, '2026-11-17'],
		['fortnightly', ['2026-11-10'], '2026-11-24', 'due_soon', 0, '2026-11-24'],
		['fortnightly', ['2026-11-01'], '2026-11-24', 'overdue', 9, '2026-11-15'],
		['monthly', ['2026-10-31'], '2026-11-24', 'on_track', 0, '2026-11-30'],
		['monthly', ['2026-10-20'], '2026-11-24', 'overdue', 4, '2026-11-20']
	] as const)('%s rhythm, last contact %j, on %s: %s (overdue by %i, due %s)', (rhythm, contacts, asOf, state, overdue, due) => {
		const h = relationshipHealth(active(rhythm), [...contacts], [], asOf);
		expect(h).toMatchObject({ state, overdueByDays: overdue, dueOn: due });
	});

	it('counts from the start of the match when nothing is logged yet', () => {
		expect(relationshipHealth(active('weekly', '2026-11-01'), [], [], '2026-11-24')).toMatchObject({ state: 'overdue', dueOn: '2026-11-08', overdueByDays: 16, daysSinceContact: 23 });
	});

	it('monthly rhythm at month ends: 31 January → 28 February, and 29 February in a leap year', () => {
		expect(relationshipHealth(active('monthly', '2027-01-01'), ['2027-01-31'], [], '2027-02-10').dueOn).toBe('2027-02-28');
		expect(relationshipHealth(active('monthly', '2028-01-01'), ['2028-01-31'], [], '2028-02-10').dueOn).toBe('2028-02-29');
		expect(relationshipHealth(active('monthly', '2026-01-01'), ['2026-03-31'], [], '2026-04-10').dueOn).toBe('2026-04-30');
	});

	it('does not count paused days against the relationship', () => {
		const paused = active('weekly', '2026-09-01', [{ from: '2026-11-01', to: '2026-11-14' }]);
		// Last contact 28 Oct; 14 paused days push the due date from 4 Nov to 18 Nov.
		expect(relationshipHealth(paused, ['2026-10-28'], [], '2026-11-17')).toMatchObject({ state: 'due_soon', dueOn: '2026-11-18', daysSinceContact: 6 });
		expect(relationshipHealth(paused, ['2026-10-28'], [], '2026-11-20')).toMatchObject({ state: 'overdue', overdueByDays: 2 });
	});

	it('is "paused" during an open pause, and "ended" or "not started" by status', () => {
		expect(relationshipHealth({ ...active('weekly'), pauses: [{ from: '2026-11-20', to: null }] }, ['2026-11-01'], [], '2026-11-24').state).toBe('paused');
		expect(relationshipHealth({ ...active('weekly'), status: 'paused' }, ['2026-11-01'], [], '2026-11-24').state).toBe('paused');
		expect(relationshipHealth({ ...active('weekly'), status: 'ended' }, ['2026-11-01'], [], '2026-11-24')).toMatchObject({ state: 'ended', daysSinceContact: 23 });
		expect(relationshipHealth({ ...active('weekly'), status: 'introduced' }, [], [], '2026-11-24').state).toBe('not_started');
		expect(relationshipHealth(active('weekly', '2026-12-01'), [], [], '2026-11-24').state).toBe('not_started');
	});

	it('measures regularity over the last 8 weeks, length in days and months, and missed planned contacts', () => {
		const weekly = ['2026-10-06', '2026-10-13', '2026-10-20', '2026-11-03', '2026-11-17', '2026-11-23'];
		const h = relationshipHealth(active('weekly', '2026-08-31'), weekly, [{ on: '2026-10-27', happened: false }, { on: '2026-11-10', happened: false }, { on: '2026-11-17', happened: true }, { on: '2026-12-01', happened: false }], '2026-11-24');
		expect(h.regularity).toEqual({ weeksWithContact: 6, weeksExpected: 8, contacts: 6 });
		expect(h.lengthDays).toBe(85);
		expect(h.lengthMonths).toBe(2);
		expect(h.missedPlanned).toBe(2);
	});

	it('expects half as many weeks with contact for a fortnightly rhythm, and only weeks since the start', () => {
		expect(relationshipHealth(active('fortnightly', '2026-08-01'), ['2026-11-20'], [], '2026-11-24').regularity.weeksExpected).toBe(4);
		expect(relationshipHealth(active('weekly', '2026-11-05'), ['2026-11-20'], [], '2026-11-24').regularity.weeksExpected).toBe(3);
	});

	it('lists volunteers quiet for 14 and 30 days', () => {
		expect(quietVolunteers([
			{ volunteerId: 'a', lastOn: '2026-11-20', since: '2026-01-01' },
			{ volunteerId: 'b', lastOn: '2026-11-10', since: '2026-01-01' },
			{ volunteerId: 'c', lastOn: '2026-10-20', since: '2026-01-01' },
			{ volunteerId: 'd', lastOn: null, since: '2026-11-01' }
		], '2026-11-24')).toEqual({ over14: ['b', 'c', 'd'], over30: ['c'] });
	});
});

const vetting = (over: Partial<Vetting> = {}): Vetting => ({ dbsLevel: 'enhanced_barred_children', certificateOn: '2025-01-10', updateServiceCheckedOn: null, referencesReceived: 2, trainingCompletedOn: '2025-02-01', ...over });

describe('vetting', () => {
	it('refuses a match with a 17-year-old without an enhanced check with the children’s barred list, and allows it with one', () => {
		expect(canMatch(vetting({ dbsLevel: 'enhanced' }), '2009-06-01', '2026-11-24')).toEqual({ ok: false, reason: 'needs_enhanced_barred' });
		expect(canMatch(vetting({ dbsLevel: 'basic' }), '2009-06-01', '2026-11-24')).toEqual({ ok: false, reason: 'needs_enhanced_barred' });
		expect(canMatch(vetting(), '2009-06-01', '2026-11-24')).toEqual({ ok: true });
		expect(canMatch(vetting({ dbsLevel: 'enhanced' }), '2006-06-01', '2026-11-24')).toEqual({ ok: true });
	});

	it('turns on the 18th birthday', () => {
		expect(canMatch(vetting({ dbsLevel: 'enhanced' }), '2008-11-25', '2026-11-24').ok).toBe(false);
		expect(canMatch(vetting({ dbsLevel: 'enhanced' }), '2008-11-24', '2026-11-24').ok).toBe(true);
	});

	it('treats a certificate as current for 3 years, or 12 months from an update-service check', () => {
		expect(checkCurrentUntil(vetting({ certificateOn: '2023-11-24' }))).toBe('2026-11-23');
		expect(canMatch(vetting({ certificateOn: '2023-11-24' }), '2000-01-01', '2026-11-23').ok).toBe(true);
		expect(canMatch(vetting({ certificateOn: '2023-11-24' }), '2000-01-01', '2026-11-24')).toEqual({ ok: false, reason: 'check_out_of_date', until: '2026-11-23' });
		expect(canMatch(vetting({ certificateOn: '2020-01-01', updateServiceCheckedOn: '2026-03-01' }), '2009-06-01', '2026-11-24').ok).toBe(true);
		expect(checkCurrentUntil(vetting({ certificateOn: '2024-02-29' }))).toBe('2027-02-27');
	});

	it('also needs references and training, and a check at all', () => {
		expect(canMatch(vetting({ referencesReceived: 1 }), '2000-01-01', '2026-11-24')).toEqual({ ok: false, reason: 'references_missing' });
		expect(canMatch(vetting({ trainingCompletedOn: null }), '2000-01-01', '2026-11-24')).toEqual({ ok: false, reason: 'training_missing' });
		expect(canMatch(vetting({ dbsLevel: null }), '2000-01-01', '2026-11-24')).toEqual({ ok: false, reason: 'no_dbs' });
		expect(canMatch(vetting({ certificateOn: null }), '2000-01-01', '2026-11-24').ok).toBe(false);
	});

	it('says when vetting lapses during a match', () => {
		expect(vettingLapsesOn(vetting({ certificateOn: '2024-01-15' }), '2000-01-01', '2026-11-24', '2027-06-01')).toBe('2027-01-15');
		expect(vettingLapsesOn(vetting({ certificateOn: '2026-01-15' }), '2000-01-01', '2026-11-24', '2027-06-01')).toBeNull();
	});

	it('adds months clamped to the month end', () => {
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
		expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
		expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
	});
});

describe('matching suggestions', () => {
	const here = { lat: 51.5007, lon: -0.1246 };
	const v = (id: string, over: Partial<Volunteer> = {}): Volunteer => ({ id, offers: 'both', gender: 'female', interests: [], languages: ['English'], location: here, capacity: 2, activeMatches: 0, vetting: vetting(), ...over });

	it('ranks with reasons: both speak Tigrinya, 2 miles apart, both into football', () => {
		const wish = { kind: 'either' as const, interests: ['football', 'music'], languages: ['Tigrinya', 'English'], genderPreference: 'any' as const, location: here };
		const { suggestions } = rankVolunteers(wish, '2006-01-01', [v('far', { location: { lat: 51.75, lon: -0.34 } }), v('best', { languages: ['tigrinya', 'English'], interests: ['Football'], location: { lat: 51.53, lon: -0.12 } })], '2026-11-24');
		expect(suggestions[0]).toEqual({ volunteerId: 'best', score: 7, reasons: [{ kind: 'shared_language', value: 'Tigrinya' }, { kind: 'distance', miles: 2 }, { kind: 'shared_interest', value: 'football' }] });
		expect(suggestions[1]?.volunteerId).toBe('far');
	});

	it('never suggests someone at capacity, not vetted for a 17-year-old, or not what was asked for', () => {
		const wish = { kind: 'befriender' as const, interests: [], languages: [], genderPreference: 'female' as const, location: null };
		const { suggestions, excluded } = rankVolunteers(wish, '2009-06-01', [
			v('full', { activeMatches: 2 }),
			v('notbarred', { vetting: vetting({ dbsLevel: 'enhanced' }) }),
			v('mentoronly', { offers: 'mentor' }),
			v('man', { gender: 'male' }),
			v('ok')
		], '2026-11-24');
		expect(suggestions.map((s) => s.volunteerId)).toEqual(['ok']);
		expect(excluded).toEqual([
			{ volunteerId: 'full', reason: 'at_capacity' },
			{ volunteerId: 'notbarred', reason: 'needs_enhanced_barred' },
			{ volunteerId: 'mentoronly', reason: 'wrong_kind' },
			{ volunteerId: 'man', reason: 'gender_preference' }
		]);
	});

	it('breaks ties by id, and measures miles', () => {
		const wish = { kind: 'either' as const, interests: [], languages: [], genderPreference: 'any' as const, location: null };
		expect(rankVolunteers(wish, '2000-01-01', [v('b'), v('a')], '2026-11-24').suggestions.map((s) => s.volunteerId)).toEqual(['a', 'b']);
		expect(milesBetween({ lat: 51.5074, lon: -0.1278 }, { lat: 53.4808, lon: -2.2426 })).toBe(163);
	});
});

describe('concerns', () => {
	const holidays = new Set(['2026-12-25', '2026-12-28', '2027-01-01']);
	const isHoliday = (d: string) => holidays.has(d);

	it('tells the PA about worries and urgent concerns, not notes', () => {
		expect([notifiesPa('note'), notifiesPa('worry'), notifiesPa('urgent')]).toEqual([false, true, true]);
	});

	it.each([
		['2026-11-24T10:00:00Z', '2026-11-24T14:00:00.000Z', 'Tuesday 10:00 → 14:00'],
		['2026-11-24T15:00:00Z', '2026-11-25T11:00:00.000Z', 'Tuesday 15:00 → Wednesday 11:00'],
		['2026-11-27T16:00:00Z', '2026-11-30T12:00:00.000Z', 'Friday 16:00 → Monday 12:00'],
		['2026-11-28T10:00:00Z', '2026-11-30T13:00:00.000Z', 'Saturday → Monday 13:00'],
		['2026-11-24T20:00:00Z', '2026-11-25T13:00:00.000Z', 'Tuesday evening → Wednesday 13:00'],
		['2026-12-24T15:00:00Z', '2026-12-29T11:00:00.000Z', 'Christmas Eve 15:00 → after Christmas and the Boxing Day substitute'],
		['2026-03-27T16:00:00Z', '2026-03-30T11:00:00.000Z', 'Friday before the clocks go forward → Monday 12:00 BST'],
		['2026-06-26T23:30:00Z', '2026-06-29T12:00:00.000Z', '23:30 UTC on a June Friday is Saturday in London']
	])('%s + 4 working hours = %s (%s)', (from, due) => {
		expect(addWorkingHours(new Date(from), 4, isHoliday).toISOString()).toBe(due);
	});

	it('escalates an urgent concern not acknowledged in 4 working hours, once', () => {
		const concerns = [
			{ id: 'u1', grade: 'urgent' as const, raisedAt: new Date('2026-11-24T10:00:00Z'), acknowledgedAt: null },
			{ id: 'u2', grade: 'urgent' as const, raisedAt: new Date('2026-11-24T10:00:00Z'), acknowledgedAt: new Date('2026-11-24T11:00:00Z') },
			{ id: 'w1', grade: 'worry' as const, raisedAt: new Date('2026-11-20T10:00:00Z'), acknowledgedAt: null }
		];
		expect(concernsToEscalate(concerns, new Date('2026-11-24T13:59:00Z'), isHoliday)).toEqual([]);
		expect(concernsToEscalate(concerns, new Date('2026-11-24T14:00:00Z'), isHoliday)).toEqual([{ key: 'concern-ack:u1', concernId: 'u1' }]);
	});
});

describe('a mentor’s contact log', () => {
	const ctx = { matchStartedOn: '2026-09-01', today: '2026-11-24' };
	it.each([
		[{ on: '2026-11-25', minutes: 60, note: '', nextOn: null }, [{ field: 'on', code: 'contact_in_future' }]],
		[{ on: '2026-08-31', minutes: 60, note: '', nextOn: null }, [{ field: 'on', code: 'contact_before_match' }]],
		[{ on: '2026-11-24', minutes: 1441, note: '', nextOn: null }, [{ field: 'minutes', code: 'minutes_too_long' }]],
		[{ on: '2026-11-24', minutes: 0, note: '', nextOn: null }, [{ field: 'minutes', code: 'minutes_not_positive' }]],
		[{ on: '2026-11-24', minutes: 1440, note: '', nextOn: '2026-11-20' }, [{ field: 'next', code: 'next_before_contact' }]],
		[{ on: '2026-11-24', minutes: 45, note: 'Coffee', nextOn: '2026-12-01' }, []]
	] as const)('%j → %j', (contact, problems) => {
		expect(checkContact({ ...contact }, ctx)).toEqual(problems);
	});
});
