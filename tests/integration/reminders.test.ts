import { describe, expect, it } from 'vitest';
import { evaluateEntitlements } from '../../src/lib/domain/money/engine';
import { remindersFor, runReminders } from '../../src/lib/server/jobs/reminders';
import { createSeededDb } from '../fixtures/db';

const leaver = { weeksLookedAfterSince14: 150, lookedAfterOn16thBirthday: true, recordedStatus: 'former_relevant' as const };

describe('reminders (what the daily job would send one young person)', () => {
	it('warns 60 days before the 25th birthday, and not 61', () => {
		const c = { ...leaver, dateOfBirth: '2002-01-23', leftCareOn: '2020-01-23' };
		// The setting up home allowance runs to the day before the 25th birthday (22 January 2027).
		const keys = (today: string) => remindersFor(evaluateEntitlements(c, today), today).map((r) => r.key);
		expect(keys('2026-11-23')).toContain('lapsing:setting_up_home:2027-01-22');
		expect(keys('2026-11-22')).not.toContain('lapsing:setting_up_home:2027-01-22');
	});

	it('says when an apprenticeship bursary instalment is due within a week', () => {
		const c = { ...leaver, dateOfBirth: '2005-05-05', leftCareOn: '2023-05-05', apprenticeshipStartedOn: '2026-09-01' };
		// Day 60 after 1 September 2026 is 31 October 2026.
		const r = remindersFor(evaluateEntitlements(c, '2026-10-25'), '2026-10-25');
		expect(r).toContainEqual({ key: 'instalment:apprenticeship_bursary:instalment_1:2026-10-31', kind: 'entitlement.instalment_due', data: { entitlement: 'apprenticeship_bursary', label: 'instalment_1', date: '2026-10-31' } });
		expect(remindersFor(evaluateEntitlements(c, '2026-10-23'), '2026-10-23').some((x) => x.kind === 'entitlement.instalment_due')).toBe(false);
	});

	it('tells a young person about help that became theirs this week (the 18th birthday)', () => {
		const c = { ...leaver, recordedStatus: 'eligible' as const, dateOfBirth: '2008-11-20', leftCareOn: null };
		const r = remindersFor(evaluateEntitlements(c, '2026-11-24'), '2026-11-24');
		expect(r.map((x) => x.key)).toContain('available:priority_need:2026-11-20');
		expect(remindersFor(evaluateEntitlements(c, '2026-11-28'), '2026-11-28').map((x) => x.key)).not.toContain('available:priority_need:2026-11-20');
	});
});

describe('the daily reminders job', () => {
	it('sends each reminder once: running it twice (or the next day) creates nothing new', () => {
		const f = createSeededDb({ youngPeople: 40, contacts: 40 });
		// Dan (17) turns 18 within the week in this fixture: give him a birthday that makes reminders.
		const dan = f.sqlite.prepare(`select id, user_id from young_person where preferred_name = 'Dan' and user_id is not null`).get() as { id: string; user_id: string };
		f.sqlite.prepare(`update young_person set date_of_birth = '2008-11-20', legal_status = 'eligible', left_care_on = null where id = ?`).run(dan.id);
		const first = runReminders(f.db, '2026-11-24');
		expect(first.people).toBe(2);
		expect(first.sent).toBeGreaterThan(0);
		const notes = () => f.sqlite.prepare('select count(*) from notification where user_id = ?').pluck().get(dan.user_id);
		const before = notes();
		expect(runReminders(f.db, '2026-11-24')).toEqual({ people: 2, sent: 0 });
		expect(runReminders(f.db, '2026-11-25').sent).toBe(0);
		expect(notes()).toBe(before);
		expect(f.sqlite.prepare('select count(*) from reminder_sent').pluck().get()).toBe(first.sent);
	});

	it('skips people whose account is disabled', () => {
		const f = createSeededDb({ youngPeople: 40, contacts: 40 });
		f.sqlite.prepare(`update user set status = 'disabled' where role = 'young_person'`).run();
		expect(runReminders(f.db, '2026-11-24')).toEqual({ people: 0, sent: 0 });
	});
});
