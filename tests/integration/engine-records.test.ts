import { describe, expect, it } from 'vitest';
import { runHousingEscalations } from '../../src/lib/server/jobs/escalations';
import { raiseFlag, recordDutyToRefer } from '../../src/lib/server/housing/flags';
import { localOutcome } from '../../src/lib/server/money/local-offer';
import { datesThatMatter, moneyPicture } from '../../src/lib/server/money/views';
import { todayFor } from '../../src/lib/server/monitoring/today';
import { caseloadPage } from '../../src/lib/server/people/caseload-page';
import { datesNeedingFixing, entitlementsFor, statusFor } from '../../src/lib/server/money/entitlements';
import { getYoungPerson } from '../../src/lib/server/people/queries';
import type { LocalOfferVersion } from '../../src/lib/server/db/schema';
import { parseRecordDates, saveRecordDates } from '../../src/lib/server/people/record-dates';
import { createSeededDb } from '../fixtures/db';

const TODAY = '2026-11-24';

function fixture() {
	const f = createSeededDb({ youngPeople: 30, contacts: 60 });
	const one = (sql: string, ...args: string[]) => f.sqlite.prepare(sql).pluck().get(...args) as string;
	return {
		...f,
		amira: one(`select id from young_person where full_name = 'Amira Haddad'`),
		dan: one(`select id from young_person where full_name = 'Daniel Okafor'`),
		amiraUser: one(`select id from user where email = 'amira@demo.harbour.test'`),
		sam: one(`select id from user where email = 'sam@demo.harbour.test'`)
	};
}

describe('issue 13 item 7: an impossible date in the database', () => {
	it('a birth date of 2007-02-30 is named as needing fixing; no entitlements are worked out; Today, the caseload and the money page do not fail', () => {
		const f = fixture();
		f.sqlite.prepare(`update young_person set date_of_birth = '2007-02-30' where id = ?`).run(f.amira);
		const amira = getYoungPerson(f.db, f.amira)!;
		expect(datesNeedingFixing(amira)).toEqual(['dateOfBirth']);
		expect(entitlementsFor(amira, TODAY)).toEqual([]);
		expect(statusFor(amira, TODAY)).toBeNull();
		const today = todayFor(f.db, f.sam, TODAY);
		expect(today.filter((i) => i.youngPersonId === f.amira).map((i) => i.kind)).toContain('date_needs_fixing');
		expect(caseloadPage(f.db, f.sam, TODAY).people.find((p) => p.id === f.amira)?.age).toBeNull();
		const picture = moneyPicture(f.db, amira, TODAY);
		expect(picture.outcomes).toEqual([]);
		expect(picture.local).toEqual([]);
		expect(datesThatMatter(picture.outcomes, picture.local, amira.dateOfBirth, TODAY)).toEqual([]);
	});

	it('a left-care date written another way ("01/05/2025") is named too, and stops the engine answering', () => {
		const f = fixture();
		f.sqlite.prepare(`update young_person set left_care_on = '01/05/2025', moved_into_first_home_on = '2025-02-29' where id = ?`).run(f.amira);
		const amira = getYoungPerson(f.db, f.amira)!;
		expect(datesNeedingFixing(amira)).toEqual(['leftCareOn', 'movedIntoFirstHomeOn']);
		expect(entitlementsFor(amira, TODAY)).toEqual([]);
	});
});

describe('issue 13 item 5: the record carries the day they moved into their first home', () => {
	it('the seed sets it for some demo people, and the allowance is the amount in force on that day', () => {
		const f = fixture();
		const moved = f.sqlite.prepare(`select id, moved_into_first_home_on as on_ from young_person where moved_into_first_home_on is not null`).all() as { id: string; on_: string }[];
		expect(moved.length).toBeGreaterThan(2);
		for (const m of moved) {
			const suha = entitlementsFor(getYoungPerson(f.db, m.id)!, TODAY).find((o) => o.id === 'setting_up_home')!;
			expect(suha.reason).toBe('setting_up_home_moved_in');
			if (suha.state !== 'not_eligible' && suha.state !== 'lapsed') expect(suha.amountPence).toBe(m.on_ < '2023-04-01' ? 200_000 : 300_000);
		}
	});

	it('the allowance opened for a young person who moved in on 1 March 2023 is £2,000, and the reason says so', () => {
		const f = fixture();
		f.sqlite.prepare(`update young_person set legal_status = 'former_relevant', weeks_looked_after_since_14 = 120, looked_after_on_16th_birthday = 1, left_care_on = '2023-02-01', moved_into_first_home_on = '2023-03-01' where id = ?`).run(f.amira);
		const picture = moneyPicture(f.db, getYoungPerson(f.db, f.amira)!, TODAY);
		expect(picture.money.find((s) => s.key === 'setting_up_home')).toMatchObject({ amountPence: 200_000, state: 'eligible_now', reason: 'setting_up_home_moved_in' });
	});
});

describe('issue 13 item 8: a local offer item ends on the day it lapses, not the day after', () => {
	const offer = (more: Partial<LocalOfferVersion> = {}) =>
		({ id: 1, offerId: 'o1', version: 1, title: 'Driving lessons', description: '', howToGet: '', conditions: '', amountPence: 50_000, minAge: 17, maxAge: 21, effectiveFrom: '2020-01-01', effectiveTo: null, withdrawn: false, createdBy: 'x', createdAt: new Date(0), ...more }) as LocalOfferVersion;

	it('maxAge 21, born 10 June 2005: the last day is 9 June 2026, "ends" shows 10 June 2026 (the 21st), lapsed that day', () => {
		expect(localOutcome(offer(), '2005-06-10', '2026-06-09')).toMatchObject({ state: 'eligible_now', until: '2026-06-09' });
		expect(localOutcome(offer(), '2005-06-10', '2026-06-10')).toMatchObject({ state: 'lapsed', until: '2026-06-09' });
		const local = [localOutcome(offer(), '2005-06-10', '2026-01-01')];
		expect(datesThatMatter([], local, '2005-06-10', '2026-01-01').filter((d) => d.kind === 'ends')).toEqual([{ date: '2026-06-10', kind: 'ends', entitlement: null, title: 'Driving lessons' }]);
	});

	it('an offer that ends (effectiveTo, inclusive) before the age limit: the last day is that day, "ends" the day after', () => {
		const local = [localOutcome(offer({ effectiveTo: '2026-03-31' }), '2005-06-10', '2026-01-01')];
		expect(local[0]).toMatchObject({ until: '2026-03-31' });
		expect(datesThatMatter([], local, '2005-06-10', '2026-01-01').find((d) => d.kind === 'ends')?.date).toBe('2026-04-01');
	});

	it('born 29 February 2004, maxAge 21: the last day is 28 February 2025', () => {
		expect(localOutcome(offer(), '2004-02-29', '2025-02-28')).toMatchObject({ state: 'eligible_now', until: '2025-02-28' });
		expect(localOutcome(offer(), '2004-02-29', '2025-03-01').state).toBe('lapsed');
	});
});

describe('issue 13 item 9: the clocks on Today', () => {
	it('R1 a 17-year-old eligible child with no needs assessment recorded is on Today; once recorded, not', () => {
		const f = fixture();
		f.sqlite.prepare(`update young_person set legal_status = 'eligible', weeks_looked_after_since_14 = 60, looked_after_on_16th_birthday = 1, left_care_on = null, date_of_birth = '2009-10-30', needs_assessment_completed_on = null where id = ?`).run(f.dan);
		const item = todayFor(f.db, f.sam, TODAY).find((i) => i.kind === 'needs_assessment' && i.youngPersonId === f.dan);
		expect(item).toMatchObject({ dueOn: '2026-01-30', overdueDays: 298 });
		f.sqlite.prepare(`update young_person set needs_assessment_completed_on = '2026-01-10' where id = ?`).run(f.dan);
		expect(todayFor(f.db, f.sam, TODAY).some((i) => i.kind === 'needs_assessment' && i.youngPersonId === f.dan)).toBe(false);
	});

	it('R6 a threat of homelessness not referred by the end of the next working day goes to a manager; a referred one does not', async () => {
		const f = fixture();
		f.sqlite.prepare(`update housing_flag set status = 'resolved'`).run();
		f.sqlite.prepare(`update accommodation_stay set emergency = 0`).run();
		const raisedAt = new Date('2026-11-23T10:00:00Z'); // Monday
		const raise = (op: string) => raiseFlag(f.db, { youngPersonId: f.amira, raisedBy: f.amiraUser, operationId: op, kind: 'asked_to_leave', urgency: 'soon', note: '', noticeOn: null, today: '2026-11-23' }, raisedAt).flag;
		const late = raise('op-refer-late');
		const done = raise('op-refer-done');
		f.sqlite.prepare(`update housing_flag set acknowledged_at = ?, status = 'acknowledged' where id in (?, ?)`).run(raisedAt.getTime(), late.id, done.id);
		recordDutyToRefer(f.db, { flagId: done.id, youngPersonId: f.amira, actorId: f.sam, consentGiven: true, consentOn: '2026-11-23', housingAuthority: 'Harbourside', referredOn: '2026-11-24' });
		// Tuesday: still "refer now" (by the end of Tuesday), nothing escalated.
		expect((await runHousingEscalations(f.db, new Date('2026-11-24T15:00:00Z'))).escalated).toBe(0);
		// Wednesday: the unreferred one is escalated, once.
		expect((await runHousingEscalations(f.db, new Date('2026-11-25T09:00:00Z'))).escalated).toBe(1);
		expect(f.sqlite.prepare(`select key from escalation`).pluck().all()).toEqual([`refer:${late.id}`]);
	});
});

describe('issue 13 items 5 and 9: a PA records the move-in and needs assessment dates', () => {
	const form = (fields: Record<string, string>) => {
		const f = new FormData();
		for (const [k, v] of Object.entries(fields)) f.set(k, v);
		return f;
	};

	it('a move on 1 March 2023, recorded by the PA, makes the allowance £2,000; clearing it says the day is not known', () => {
		const f = fixture();
		f.sqlite.prepare(`update young_person set legal_status = 'former_relevant', weeks_looked_after_since_14 = 120, looked_after_on_16th_birthday = 1, left_care_on = '2023-02-01', moved_into_first_home_on = null where id = ?`).run(f.amira);
		const before = entitlementsFor(getYoungPerson(f.db, f.amira)!, TODAY).find((o) => o.id === 'setting_up_home')!;
		expect(before.reason).toBe('setting_up_home_move_unknown');
		const amira = getYoungPerson(f.db, f.amira)!;
		const parsed = parseRecordDates(form({ 'movedIn-day': '1', 'movedIn-month': '3', 'movedIn-year': '2023' }), TODAY, amira.dateOfBirth);
		expect(parsed.dates).toEqual({ movedIn: '2023-03-01', needsAssessment: null });
		expect(saveRecordDates(f.db, f.amira, parsed.dates!)).toEqual(['movedIn']);
		expect(entitlementsFor(getYoungPerson(f.db, f.amira)!, TODAY).find((o) => o.id === 'setting_up_home')).toMatchObject({ amountPence: 200_000, reason: 'setting_up_home_moved_in' });
		// The same form again changes nothing.
		expect(saveRecordDates(f.db, f.amira, parsed.dates!)).toEqual([]);
		expect(saveRecordDates(f.db, f.amira, { movedIn: null, needsAssessment: null })).toEqual(['movedIn']);
		expect(getYoungPerson(f.db, f.amira)!.movedIntoFirstHomeOn).toBeNull();
	});

	it('refuses a day that is not real, one in the future and one before they were born, keeping what was typed', () => {
		const f = fixture();
		const amira = getYoungPerson(f.db, f.amira)!;
		const bad = parseRecordDates(form({ 'movedIn-day': '30', 'movedIn-month': '2', 'movedIn-year': '2024', 'needsAssessment-day': '1', 'needsAssessment-month': '1', 'needsAssessment-year': '2027' }), TODAY, amira.dateOfBirth);
		expect(bad.dates).toBeNull();
		expect(bad.errors).toEqual({ movedIn: 'date_invalid', needsAssessment: 'date_future' });
		expect(bad.values.movedIn).toEqual({ day: '30', month: '2', year: '2024' });
		const early = parseRecordDates(form({ 'movedIn-day': '1', 'movedIn-month': '1', 'movedIn-year': '1990' }), TODAY, amira.dateOfBirth);
		expect(early.errors).toEqual({ movedIn: 'date_before_birth' });
		expect(saveRecordDates(f.db, 'nobodynobodynobo', { movedIn: null, needsAssessment: null })).toBeNull();
	});

	it('a needs assessment recorded as done takes the R1 item off Today', () => {
		const f = fixture();
		const items = () => todayFor(f.db, f.sam, TODAY).filter((i) => i.kind === 'needs_assessment' && i.youngPersonId === f.dan);
		expect(items()).toHaveLength(1);
		saveRecordDates(f.db, f.dan, { movedIn: null, needsAssessment: '2026-11-20' });
		expect(items()).toEqual([]);
	});
});
