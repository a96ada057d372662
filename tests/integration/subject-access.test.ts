import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/lib/server/audit';
import { createInvitation } from '../../src/lib/server/auth/invitations';
import { createSession, generateSessionToken } from '../../src/lib/server/auth/session';
import { notifyUser } from '../../src/lib/server/notify/in-app';
import { exportSubject, schemaTables, SUBJECT_LINKS } from '../../src/lib/server/privacy/export';
import { requestReviewedExport } from '../../src/lib/server/privacy/reviewed';
import { passkey } from '../../src/lib/server/db/schema';
import { createSeededDb } from '../fixtures/db';

describe('download my data (subject access)', () => {
	it('has a rule for every table in the live schema, so a new table cannot be forgotten', () => {
		const { sqlite } = createSeededDb();
		const tables = schemaTables(sqlite);
		expect(tables.length).toBeGreaterThanOrEqual(11);
		const missing = tables.filter((t) => !(t in SUBJECT_LINKS));
		expect(missing, 'tables with no subject-access rule in src/lib/server/privacy/export.ts').toEqual([]);
		for (const [table, link] of Object.entries(SUBJECT_LINKS)) {
			if ('excluded' in link) {
				expect(link.excluded.length, `${table} needs a reason`).toBeGreaterThan(20);
				continue;
			}
			const columns = (sqlite.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]);
			for (const c of [...(link.byUser ?? []), ...(link.byYoungPerson ?? []), ...(link.redact ?? [])]) expect(columns, `${table}.${c}`).toContain(c);
		}
	});

	it('exports a young person with a row in every linked table, in well under a second, secrets withheld', () => {
		const f = createSeededDb();
		const amira = f.sqlite.prepare(`select id, user_id from young_person where preferred_name = 'Amira'`).get() as { id: string; user_id: string };
		const priya = f.sqlite.prepare(`select id from user where email = 'priya@demo.harbour.test'`).pluck().get() as string;
		const token = generateSessionToken();
		createSession(f.db, token, { id: amira.user_id, role: 'young_person' });
		f.db.insert(passkey).values({ id: 'cred', userId: amira.user_id, publicKey: Buffer.from([9]), name: 'Phone', createdAt: new Date() }).run();
		createInvitation(f.db, { purpose: 'recovery', role: 'young_person', displayName: 'Amira', userId: amira.user_id, youngPersonId: amira.id, invitedBy: priya });
		notifyUser(f.db, amira.user_id, 'sign_in_method.password_set');
		f.sqlite.prepare(`insert into push_subscription (id, user_id, session_id, endpoint, p256dh, auth, created_at) values ('pushpushpushpush', ?, null, 'https://fcm.googleapis.com/fcm/send/sar', 'browser-public-key', 'browser-secret', 0)`).run(amira.user_id);
		const flagId = f.sqlite.prepare(`select id from housing_flag where young_person_id = ?`).pluck().get(amira.id) as string;
		f.sqlite.prepare(`insert into duty_to_refer (flag_id, young_person_id, consent_given, housing_authority, recorded_by, recorded_at) values (?, ?, 1, 'Harbourside', ?, 0)`).run(flagId, amira.id, priya);
		f.sqlite.prepare(`insert into escalation (key, subject_type, subject_id, young_person_id, created_at) values ('flag-ack:x', 'flag_ack', ?, ?, 0)`).run(flagId, amira.id);
		// Mentoring and check-ins: Jo's profile, a contact log and a concern about Amira, a trusted adult, a check-in.
		const jo = f.sqlite.prepare(`select id from user where email = 'jo@demo.harbour.test'`).pluck().get() as string;
		const match = f.sqlite.prepare(`select id from mentor_match where young_person_id = ? and mentor_id = ?`).pluck().get(amira.id, jo) as string;
		f.sqlite.prepare(`insert or ignore into mentor_profile (user_id, updated_at) values (?, 0)`).run(jo);
		f.sqlite.prepare(`insert into match_request (id, young_person_id, kind, created_at) values ('reqreqreqreqreqr', ?, 'mentor', 0)`).run(amira.id);
		f.sqlite.prepare(`insert into contact_log (match_id, mentor_id, young_person_id, occurred_on, mode, minutes, operation_id, created_at) values (?, ?, ?, '2026-11-20', 'in_person', 60, 'op-sar-1', 0)`).run(match, jo, amira.id);
		f.sqlite.prepare(`insert into concern (id, young_person_id, raised_by, grade, text, operation_id, raised_at) values ('concernconcernco', ?, ?, 'worry', 'x', 'op-sar-2', 0)`).run(amira.id, jo);
		f.sqlite.prepare(`insert into trusted_adult (young_person_id, name, relationship, created_at) values (?, 'Pat', 'old foster carer', 0)`).run(amira.id);
		f.sqlite.prepare(`insert into check_in (young_person_id, user_id, scores, operation_id, at) values (?, ?, '{}', 'op-sar-3', 0)`).run(amira.id, amira.user_id);
		f.sqlite.prepare(`insert into pathway_review (young_person_id, kind, "on", recorded_by, recorded_at) values (?, 'review', '2026-06-01', ?, 0)`).run(amira.id, priya);
		f.sqlite.prepare(`insert or ignore into birthday_return (young_person_id, age, reporting_year, in_touch, activity, accommodation, recorded_by, recorded_at) values (?, 19, 2026, 'YES', 'F2', 'U1', ?, 0)`).run(amira.id, priya);
		f.sqlite.prepare(`insert into money_pending (id, kind, young_person_id, entitlement, pence, item, occurred_on, why, limit_pence, state, requested_by, requested_at) values ('pendpendpendpend', 'pay', ?, 'setting_up_home', 60000, 'Sofa', '2026-11-24', 'over_limit', 50000, 'waiting', ?, 0)`).run(amira.id, priya);
		f.sqlite.prepare(`insert into reminder_sent (key, user_id, sent_on) values (?, ?, '2026-11-24')`).run(`${amira.user_id}:lapsing:x`, amira.user_id);
		requestReviewedExport(f.db, { youngPersonId: amira.id, requestedBy: amira.user_id, operationId: 'op-sar-4' });
		recordAudit(f.db, { action: 'young_person.view', outcome: 'allowed', actorId: priya, subjectType: 'young_person', subjectId: amira.id });
		f.sqlite.prepare(`update user set password_hash = '$argon2id$secret' where id = ?`).run(amira.user_id);

		const started = performance.now();
		const data = exportSubject(f.sqlite, { userId: amira.user_id, youngPersonId: amira.id });
		expect(performance.now() - started).toBeLessThan(1000);
		// Tables about volunteers (a mentor's profile) hold nothing about a young person: Jo's export has them.
		const joData = exportSubject(f.sqlite, { userId: jo, youngPersonId: null });
		for (const [table, link] of Object.entries(SUBJECT_LINKS)) {
			if ('excluded' in link) expect(data.excluded[table]).toBe(link.excluded);
			else expect((data.tables[table]?.length ?? 0) + (joData.tables[table]?.length ?? 0), table).toBeGreaterThan(0);
		}
		expect(data.tables.contact_log?.some((r) => r.operation_id === 'op-sar-1')).toBe(true);
		expect(joData.tables.mentor_profile).toHaveLength(1);
		const text = JSON.stringify(data);
		expect(text).not.toContain(token);
		expect(text).not.toContain('$argon2id$secret');
		expect(text).not.toContain('browser-secret'); // a push subscription's keys stay out of the export
		expect(data.tables.young_person?.[0]).toMatchObject({ id: amira.id, preferred_name: 'Amira' });
		// Only Amira's own rows: no other young person's record comes with hers.
		expect(data.tables.young_person).toHaveLength(1);
	});
});
