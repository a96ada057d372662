import { describe, expect, it } from 'vitest';
import { runHousingEscalations } from '../../src/lib/server/jobs/escalations';
import { acknowledgeFlag, addStay, flagStory, flagStoryForYoungPerson, raiseFlag, tellStaff } from '../../src/lib/server/housing/flags';
import { accomProblem, parseRaise, writtenAtOf } from '../../src/lib/server/housing/forms';
import { useTestMailbox } from '../fixtures/mailbox';
import { createSeededDb } from '../fixtures/db';

const TODAY = '2026-11-24';
const mailbox = useTestMailbox();

function fixture() {
	const f = createSeededDb({ youngPeople: 30, contacts: 30 });
	const one = (sql: string, ...args: string[]) => f.sqlite.prepare(sql).pluck().get(...args) as string;
	return {
		...f,
		amira: one(`select id from young_person where full_name = 'Amira Haddad'`),
		amiraUser: one(`select id from user where email = 'amira@demo.harbour.test'`),
		sam: one(`select id from user where email = 'sam@demo.harbour.test'`),
		chris: one(`select id from user where email = 'chris@demo.harbour.test'`)
	};
}

const raise = (f: ReturnType<typeof fixture>, operationId: string, at = new Date('2026-11-24T10:00:00Z'), urgency: 'urgent' | 'soon' = 'soon') =>
	raiseFlag(f.db, { youngPersonId: f.amira, raisedBy: f.amiraUser, operationId, kind: 'asked_to_leave', urgency, note: 'Landlord gave me two months', noticeOn: '2026-11-20', today: TODAY }, at);

describe('housing flags', () => {
	it('creates one flag from a double tap (the same operation id twice)', () => {
		const f = fixture();
		const first = raise(f, 'op-double-tap-1');
		const second = raise(f, 'op-double-tap-1');
		expect(first.created).toBe(true);
		expect(second).toEqual({ flag: first.flag, created: false });
		expect(f.sqlite.prepare(`select count(*) from housing_flag where operation_id = 'op-double-tap-1'`).pluck().get()).toBe(1);
		expect(first.flag.threatenedOn).toBe('2026-11-20');
	});

	it('tells the PA in the app and by email through a real SMTP server, before the call returns', async () => {
		const f = fixture();
		const { flag } = raise(f, 'op-email-1');
		const before = mailbox.messages().length;
		const told = await tellStaff(f.db, flag, 'http://localhost:3000', TODAY);
		expect(told).toEqual({ told: 1, emailed: 1 });
		const email = mailbox.messages().at(-1)!;
		expect(mailbox.messages().length).toBe(before + 1);
		expect(email.to).toEqual(['sam@demo.harbour.test']);
		expect(email.subject).toBe('A housing worry for Amira');
		expect(email.text).toContain(`http://localhost:3000/caseload/${f.amira}/housing/${flag.id}`);
		expect(email.text).not.toContain('Landlord');
		expect(f.sqlite.prepare(`select kind from notification where user_id = ? order by id desc limit 1`).pluck().get(f.sam)).toBe('housing.flag_raised');
	});

	it('tells the PA a worry was sent late when it waited on the phone for more than 72 hours', async () => {
		const f = fixture();
		const now = new Date('2026-11-24T10:00:00Z');
		const { flag: onTime } = raise(f, 'op-late-0', now, 'urgent');
		await tellStaff(f.db, onTime, 'http://localhost:3000', TODAY, now, new Date(now.getTime() - 71 * 3_600_000));
		expect(mailbox.messages().at(-1)!.subject).toBe('Urgent: a housing worry for Amira');
		const { flag } = raise(f, 'op-late-1', now, 'urgent');
		await tellStaff(f.db, flag, 'http://localhost:3000', TODAY, now, new Date('2026-11-21T08:30:00Z'));
		const email = mailbox.messages().at(-1)!;
		expect(email.subject).toBe('Sent late: Urgent: a housing worry for Amira');
		expect(email.text).toContain('It was written on 2026-11-21 08:30 UTC but could not be sent until now');
		const data = JSON.parse(f.sqlite.prepare(`select data from notification where user_id = ? order by id desc limit 1`).pluck().get(f.sam) as string);
		expect(data.writtenAt).toBe('2026-11-21T08:30:00.000Z');
	});

	it('reads when an offline form was written, ignoring anything in the future, too old or not a time', () => {
		const now = new Date('2026-11-24T10:00:00Z');
		const form = (queuedAt: string) => {
			const f = new FormData();
			f.set('queuedAt', queuedAt);
			return f;
		};
		expect(writtenAtOf(form('2026-11-21T08:30:00.000Z'), now)).toEqual(new Date('2026-11-21T08:30:00Z'));
		expect(writtenAtOf(form('2026-11-24T10:00:01Z'), now)).toBeNull();
		expect(writtenAtOf(form('2026-08-01T10:00:00Z'), now)).toBeNull();
		expect(writtenAtOf(form('yesterday'), now)).toBeNull();
		expect(writtenAtOf(new FormData(), now)).toBeNull();
	});

	it('acknowledges once, whoever presses first', () => {
		const f = fixture();
		const { flag } = raise(f, 'op-ack-1');
		expect(acknowledgeFlag(f.db, { flagId: flag.id, youngPersonId: f.amira, actorId: f.sam, note: '' })).toBe('acknowledged');
		expect(acknowledgeFlag(f.db, { flagId: flag.id, youngPersonId: f.amira, actorId: f.chris, note: '' })).toBe('already');
		expect(acknowledgeFlag(f.db, { flagId: flag.id, youngPersonId: 'someoneelse12345', actorId: f.sam, note: '' })).toBe('not_found');
	});

	it('escalates a missed acknowledgement and a long bed-and-breakfast stay once, however often the job runs', async () => {
		const f = fixture();
		// Only this test's flag and stay count: the seed's own worries are sorted and its stays ordinary.
		f.sqlite.prepare(`update housing_flag set status = 'resolved'`).run();
		f.sqlite.prepare(`update accommodation_stay set emergency = 0`).run();
		const { flag } = raise(f, 'op-late-1', new Date('2026-11-20T10:00:00Z'), 'urgent'); // Friday; due Monday 23rd
		addStay(f.db, { youngPersonId: f.amira, accomCode: 'W2', fromOn: '2026-11-19', toOn: null, emergency: true, councilProvided: false, note: '', actorId: f.sam });
		const now = new Date('2026-11-24T10:00:00Z');
		const first = await runHousingEscalations(f.db, now, 'http://localhost:3000');
		const second = await runHousingEscalations(f.db, now, 'http://localhost:3000');
		const later = await runHousingEscalations(f.db, new Date('2026-11-25T10:00:00Z'), 'http://localhost:3000');
		// Asked to leave with notice on Friday 20th and no referral by Monday 23rd: the duty to refer
		// is escalated too (issue 13 item 9), once.
		expect([first.escalated, second.escalated, later.escalated]).toEqual([3, 0, 0]);
		expect(f.sqlite.prepare(`select key from escalation order by key`).pluck().all()).toEqual([`flag-ack:${flag.id}`, `refer:${flag.id}`, expect.stringMatching(/^stay:\d+$/)]);
		const managers = f.sqlite.prepare(`select count(*) from user where role = 'manager'`).pluck().get() as number;
		expect(f.sqlite.prepare(`select count(*) from notification where kind = 'housing.escalated'`).pluck().get()).toBe(3 * managers);
		expect(f.sqlite.prepare(`select count(*) from housing_flag_event where flag_id = ? and kind = 'escalated'`).pluck().get(flag.id)).toBe(1);
	});
});

describe('housing form rules', () => {
	it.each([
		['U1', null],
		['S2', null],
		['X2', null],
		['W1', null],
		['S1', 'accom_never_suitable'],
		['X1', 'accom_never_suitable'],
		['A1', 'accom_unknown'],
		['U3', 'accom_unknown'],
		['U', 'accom_unknown'],
		['', 'accom_missing']
	])('ACCOM %s → %s', (code, problem) => {
		expect(accomProblem(code)).toBe(problem);
	});

	const form = (fields: Record<string, string>) => {
		const data = new FormData();
		for (const [k, v] of Object.entries({ operation: 'abcdefgh12', kind: 'asked_to_leave', urgency: 'soon', note: '', ...fields })) data.set(k, v);
		return data;
	};

	it('refuses a notice date too far ahead or too long ago, keeping what was typed', () => {
		const ahead = parseRaise(form({ 'notice-day': '1', 'notice-month': '6', 'notice-year': '2027' }), TODAY);
		expect(ahead.errors).toEqual({ notice: 'notice_too_far_ahead' });
		expect(ahead.values.notice).toEqual({ day: '1', month: '6', year: '2027' });
		expect(parseRaise(form({ 'notice-day': '1', 'notice-month': '1', 'notice-year': '2026' }), TODAY).errors).toEqual({ notice: 'notice_too_long_ago' });
		expect(parseRaise(form({ 'notice-day': '20', 'notice-month': '1', 'notice-year': '2027' }), TODAY).fields?.noticeOn).toBe('2027-01-20');
	});

	it('asks what is happening, and makes an emergency urgent whatever was chosen', () => {
		expect(parseRaise(form({ kind: '' }), TODAY).errors).toEqual({ kind: 'flag_kind_missing' });
		expect(parseRaise(form({ kind: 'homeless_tonight', urgency: 'routine' }), TODAY).fields?.kind).toBe('homeless_tonight');
	});
});

describe('finding 12.12: who sees a note on a housing worry', () => {
	it('keeps a mentor\'s staff-only note away from the young person, and shows their shared note as written', () => {
		const f = fixture();
		const jo = f.sqlite.prepare(`select id from user where email = 'jo@demo.harbour.test'`).pluck().get() as string;
		const { flag } = raiseFlag(f.db, {
			youngPersonId: f.amira,
			raisedBy: jo,
			operationId: 'op-mentor-notes-1',
			kind: 'might_lose_home',
			urgency: 'soon',
			note: 'Amira says the rent went up',
			staffNote: 'Her sister is staying at a refuge on Mill Lane',
			noticeOn: null,
			today: TODAY
		});
		const seen = JSON.stringify(flagStoryForYoungPerson(f.db, flag.id));
		expect(seen).toContain('Amira says the rent went up');
		expect(seen).not.toContain('refuge');
		expect(flag.staffNote).toBe('Her sister is staying at a refuge on Mill Lane');
		// Staff see both, each for what it is.
		const story = flagStory(f.db, flag.id);
		expect(story[0]?.note).toBe('Amira says the rent went up');
		expect(JSON.stringify(story)).not.toContain('refuge');
	});

	it('never shows the young person staff steps\' notes (acknowledged, actions, resolution), only their own words and what was shared when raised', () => {
		const f = fixture();
		const { flag } = raise(f, 'op-notes-2');
		acknowledgeFlag(f.db, { flagId: flag.id, youngPersonId: f.amira, actorId: f.sam, note: 'Called the landlord: staff only' });
		const seen = flagStoryForYoungPerson(f.db, flag.id);
		expect(seen.map((s) => s.note)).toEqual(['Landlord gave me two months', '']);
	});
});
