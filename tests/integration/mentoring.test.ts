import { describe, expect, it } from 'vitest';
import { relationTo } from '../../src/lib/server/access';
import { runMentoringEscalations } from '../../src/lib/server/jobs/escalations';
import { acknowledgeConcern, healthOf, logContact, matchBetween, moveMatch, proposeMatch, raiseConcern } from '../../src/lib/server/mentoring/matches';
import { useTestMailbox } from '../fixtures/mailbox';
import { createSeededDb } from '../fixtures/db';
import { addTrustedAdult, trustedAdults } from '../../src/lib/server/mentoring/people';

const TODAY = '2026-11-24';
const mailbox = useTestMailbox();

function fixture() {
	const f = createSeededDb({ youngPeople: 30, contacts: 30 });
	const one = (sql: string, ...args: string[]) => f.sqlite.prepare(sql).pluck().get(...args) as string;
	return {
		...f,
		amira: one(`select id from young_person where full_name = 'Amira Haddad'`),
		dan: one(`select id from young_person where full_name = 'Daniel Okafor'`),
		jo: one(`select id from user where email = 'jo@demo.harbour.test'`),
		sam: one(`select id from user where email = 'sam@demo.harbour.test'`)
	};
}

describe('matching and vetting', () => {
	it('refuses a match with a 17-year-old without a current enhanced + barred-list check, and allows it with one', () => {
		const f = fixture();
		f.sqlite.prepare(`update mentor_profile set dbs_level = 'enhanced', capacity = 5 where user_id = ?`).run(f.jo);
		expect(proposeMatch(f.db, { mentorId: f.jo, youngPersonId: f.dan, kind: 'mentor', rhythm: 'weekly', today: TODAY })).toEqual({ ok: false, reason: 'needs_enhanced_barred' });
		f.sqlite.prepare(`update mentor_profile set dbs_level = 'enhanced_barred_children', certificate_on = '2022-01-01', update_service_checked_on = null where user_id = ?`).run(f.jo);
		expect(proposeMatch(f.db, { mentorId: f.jo, youngPersonId: f.dan, kind: 'mentor', rhythm: 'weekly', today: TODAY })).toEqual({ ok: false, reason: 'check_out_of_date' });
		f.sqlite.prepare(`update mentor_profile set certificate_on = '2025-06-01' where user_id = ?`).run(f.jo);
		const made = proposeMatch(f.db, { mentorId: f.jo, youngPersonId: f.dan, kind: 'mentor', rhythm: 'weekly', today: TODAY });
		expect(made.ok).toBe(true);
		expect(f.sqlite.prepare(`select status from mentor_match where mentor_id = ? and young_person_id = ?`).pluck().get(f.jo, f.dan)).toBe('proposed');
	});

	it('never goes over a volunteer’s capacity', () => {
		const f = fixture();
		f.sqlite.prepare(`update mentor_profile set capacity = 2 where user_id = ?`).run(f.jo); // Jo has Amira (active) and Tom (ended)
		expect(proposeMatch(f.db, { mentorId: f.jo, youngPersonId: f.dan, kind: 'mentor', rhythm: 'weekly', today: TODAY }).ok).toBe(true);
		const leah = f.sqlite.prepare(`select id from young_person where full_name = 'Leah Morris'`).pluck().get() as string;
		expect(proposeMatch(f.db, { mentorId: f.jo, youngPersonId: leah, kind: 'mentor', rhythm: 'weekly', today: TODAY })).toEqual({ ok: false, reason: 'at_capacity' });
	});

	it('ends a match and with it the mentor’s access, keeping their logs', () => {
		const f = fixture();
		const match = matchBetween(f.db, f.jo, f.amira)!;
		expect(relationTo(f.db, { id: f.jo, role: 'mentor' }, f.amira, TODAY)).toBe('matched');
		expect(moveMatch(f.db, { matchId: match.id, to: 'ended', today: TODAY, closingNote: 'Amira moved to university' })).toBe('moved');
		expect(relationTo(f.db, { id: f.jo, role: 'mentor' }, f.amira, TODAY)).toBe('match_ended');
		expect(f.sqlite.prepare(`select count(*) from contact_log where match_id = ?`).pluck().get(match.id)).toBe(6);
		expect(moveMatch(f.db, { matchId: match.id, to: 'active', today: TODAY })).toBe('not_allowed');
	});
});

describe('contact logs and concerns', () => {
	it('logs a contact once per operation id, and the relationship health changes', () => {
		const f = fixture();
		const match = matchBetween(f.db, f.jo, f.amira)!;
		expect(healthOf(f.db, match, TODAY)).toMatchObject({ state: 'overdue', overdueByDays: 2 });
		const input = { match, mentorId: f.jo, occurredOn: TODAY, mode: 'in_person' as const, minutes: 60, note: 'Coffee', mood: 'good' as const, nextPlannedOn: null, operationId: 'op-log-1' };
		const first = logContact(f.db, input);
		expect(logContact(f.db, input)).toEqual({ id: first.id, created: false });
		expect(healthOf(f.db, match, TODAY)).toMatchObject({ state: 'on_track', dueOn: '2026-12-01', daysSinceContact: 0 });
	});

	it('an urgent concern notifies the PA in the app and by email through a real SMTP server, in the same call', async () => {
		const f = fixture();
		const match = matchBetween(f.db, f.jo, f.amira)!;
		const before = mailbox.messages().length;
		const raised = await raiseConcern(f.db, { youngPersonId: f.amira, matchId: match.id, contactLogId: null, raisedBy: f.jo, grade: 'urgent', text: 'She said she has not eaten for two days', operationId: 'op-concern-1', origin: 'http://localhost:3000', today: TODAY });
		expect(raised).toMatchObject({ created: true, emailed: 1 });
		expect(mailbox.messages().length).toBe(before + 1);
		expect(mailbox.messages().at(-1)).toMatchObject({ to: ['sam@demo.harbour.test'], subject: 'Urgent concern about Amira' });
		expect(mailbox.messages().at(-1)?.text).not.toContain('eaten');
		expect(f.sqlite.prepare(`select kind from notification where user_id = ? order by id desc limit 1`).pluck().get(f.sam)).toBe('concern.raised');
		// A note reaches no one; a resend of the same concern changes nothing.
		expect(await raiseConcern(f.db, { youngPersonId: f.amira, matchId: match.id, contactLogId: null, raisedBy: f.jo, grade: 'urgent', text: 'again', operationId: 'op-concern-1', origin: '', today: TODAY })).toMatchObject({ created: false, emailed: 0 });
		expect(await raiseConcern(f.db, { youngPersonId: f.amira, matchId: match.id, contactLogId: null, raisedBy: f.jo, grade: 'note', text: 'Doing well', operationId: 'op-concern-2', origin: '', today: TODAY })).toMatchObject({ created: true, emailed: 0 });
	});

	it('escalates an urgent concern not acknowledged within 4 working hours, once, however often the job runs', async () => {
		const f = fixture();
		const raisedAt = new Date('2026-11-24T10:00:00Z');
		const { id } = await raiseConcern(f.db, { youngPersonId: f.amira, matchId: null, contactLogId: null, raisedBy: f.jo, grade: 'urgent', text: 'x', operationId: 'op-esc-1', origin: '', today: TODAY }, raisedAt);
		expect((await runMentoringEscalations(f.db, new Date('2026-11-24T13:59:00Z'))).concerns).toBe(0);
		const late = new Date('2026-11-24T14:00:00Z');
		expect((await runMentoringEscalations(f.db, late)).concerns).toBe(1);
		expect((await runMentoringEscalations(f.db, late)).concerns).toBe(0);
		expect(f.sqlite.prepare(`select count(*) from escalation where key = ?`).pluck().get(`concern-ack:${id}`)).toBe(1);
		expect(acknowledgeConcern(f.db, { concernId: id, youngPersonId: f.amira, actorId: f.sam, action: 'Called her; food bank referral' })).toBe('acknowledged');
		expect(acknowledgeConcern(f.db, { concernId: id, youngPersonId: f.amira, actorId: f.sam, action: 'again' })).toBe('already');
	});

	it('raises one vetting task for an active match whose volunteer has no certificate, however many days the job runs', async () => {
		const f = fixture();
		const active = f.sqlite.prepare(`select count(*) from mentor_match where mentor_id = ? and status = 'active'`).pluck().get(f.jo) as number;
		expect(active).toBeGreaterThan(0);
		f.sqlite.prepare(`update mentor_profile set certificate_on = null, update_service_checked_on = null where user_id = ?`).run(f.jo);
		// Jo's matches' tasks (other seeded volunteers may have lapses of their own on the first run).
		const tasks = () => f.sqlite.prepare(`select count(*) from escalation where key in (select 'vetting:' || id || ':no_dbs' from mentor_match where mentor_id = ? and status = 'active')`).pluck().get(f.jo) as number;
		expect((await runMentoringEscalations(f.db, new Date('2026-11-24T09:00:00Z'))).vetting).toBeGreaterThanOrEqual(active);
		expect(tasks()).toBe(active);
		expect((await runMentoringEscalations(f.db, new Date('2026-11-25T09:00:00Z'))).vetting).toBe(0);
		expect((await runMentoringEscalations(f.db, new Date('2026-12-02T09:00:00Z'))).vetting).toBe(0);
		expect(tasks()).toBe(active);
	});
});

describe('finding 12.11: bidi controls never reach a stored name', () => {
	it('stores a trusted adult\'s name and relationship without right-to-left overrides or isolates', () => {
		const f = fixture();
		addTrustedAdult(f.db, f.amira, { name: 'Sam\u202E nimda', relationship: 'aunt\u2066ie\u2069', contact: '07700 900123\u200F' });
		const [adult] = trustedAdults(f.db, f.amira);
		expect(adult).toMatchObject({ name: 'Sam nimda', relationship: 'auntie', contact: '07700 900123' });
	});
});
