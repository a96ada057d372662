import { and, eq, gte, isNotNull, isNull, ne, or } from 'drizzle-orm';
import { addCalendarDays, londonDay } from '../../domain/dates';
import { escalationsDue } from '../../domain/housing/clocks';
import type { Db } from '../db/client';
import { accommodationStay, concern, dutyToRefer, escalation, housingFlag, housingFlagEvent, mentorMatch, mentorProfile, notification, user, youngPerson } from '../db/schema';
import { concernsToEscalate } from '../../domain/mentoring/concerns';
import { DEFAULT_VETTING_RULES, vettingLapsesDuring } from '../../domain/mentoring/vetting';
import { BANK_HOLIDAYS_ENGLAND_WALES } from '../../domain/housing/working-days';
import { vettingOf } from '../mentoring/matches';
import { pushAbout } from '../notify/alerts';
import { sendEmail } from '../notify/email';

/**
 * Escalates to the service's managers: housing flags not acknowledged in time, and bed and
 * breakfast or emergency stays past 2 working days. Each escalation's key is written in the same
 * transaction as its notifications, so running the job twice (or on two servers) escalates once.
 */
export async function runHousingEscalations(db: Db, now = new Date(), origin = ''): Promise<{ escalated: number }> {
	const today = londonDay(now);
	const flags = db
		.select({ id: housingFlag.id, urgency: housingFlag.urgency, raisedAt: housingFlag.raisedAt, acknowledgedAt: housingFlag.acknowledgedAt, youngPersonId: housingFlag.youngPersonId, threatenedOn: housingFlag.threatenedOn })
		.from(housingFlag)
		.where(ne(housingFlag.status, 'resolved'))
		.all();
	// The duty to refer is done once a referral date is recorded on the flag.
	const referred = new Set(
		db
			.select({ flagId: dutyToRefer.flagId })
			.from(dutyToRefer)
			.where(isNotNull(dutyToRefer.referredOn))
			.all()
			.map((r) => r.flagId)
	);
	const open = flags.map((f) => ({ ...f, referredOn: referred.has(f.id) ? today : null }));
	const stays = db
		.select({ id: accommodationStay.id, youngPersonId: accommodationStay.youngPersonId, fromOn: accommodationStay.fromOn, toOn: accommodationStay.toOn })
		.from(accommodationStay)
		.where(and(eq(accommodationStay.emergency, true), or(isNull(accommodationStay.toOn), gte(accommodationStay.toOn, addCalendarDays(today, -30)))))
		.all();
	const due = escalationsDue(open, stays, now);
	if (due.length === 0) return { escalated: 0 };
	const managers = db.select({ id: user.id, email: user.email }).from(user).where(and(eq(user.role, 'manager'), eq(user.status, 'active'))).all();
	const emails: { to: string; name: string }[] = [];
	const pushes: { userId: string; data: Record<string, string> }[] = [];
	let escalated = 0;
	for (const e of due) {
		const name = db.select({ name: youngPerson.preferredName }).from(youngPerson).where(eq(youngPerson.id, e.youngPersonId)).get()?.name ?? '';
		const fresh = db.transaction(
			(tx) => {
				const inserted = tx.insert(escalation).values({ key: e.key, subjectType: e.kind, subjectId: e.subjectId, youngPersonId: e.youngPersonId, createdAt: now }).onConflictDoNothing().run().changes;
				if (inserted !== 1) return false;
				for (const m of managers) tx.insert(notification).values({ userId: m.id, kind: 'housing.escalated', data: { name, youngPersonId: e.youngPersonId, reason: e.kind }, createdAt: now }).run();
				if (e.kind === 'flag_ack') tx.insert(housingFlagEvent).values({ flagId: e.subjectId, kind: 'escalated', note: '', actorId: null, at: now }).run();
				return true;
			},
			{ behavior: 'immediate' }
		);
		if (!fresh) continue;
		escalated++;
		for (const m of managers) if (m.email) emails.push({ to: m.email, name });
		for (const m of managers) pushes.push({ userId: m.id, data: { youngPersonId: e.youngPersonId, reason: e.kind } });
	}
	for (const e of emails) {
		await sendEmail({ to: e.to, subject: `Housing: a legal time limit has passed for ${e.name}`, text: `A housing worry in Harbour has passed a legal time limit and needs a manager.\n\n${origin}/manage\n\nSign in to read the details.` });
	}
	for (const p of pushes) await pushAbout(p.userId, 'housing.escalated', p.data);
	return { escalated };
}

/**
 * Urgent concerns not acknowledged within 4 working hours go to the managers; vetting that lapses
 * during an active match raises a task for them. Once each, by key, however often this runs.
 */
export async function runMentoringEscalations(db: Db, now = new Date(), origin = ''): Promise<{ concerns: number; vetting: number }> {
	const today = londonDay(now);
	const open = db.select({ id: concern.id, grade: concern.grade, raisedAt: concern.raisedAt, acknowledgedAt: concern.acknowledgedAt, youngPersonId: concern.youngPersonId }).from(concern).where(and(eq(concern.grade, 'urgent'), isNull(concern.acknowledgedAt))).all();
	const due = concernsToEscalate(open, now, (d) => BANK_HOLIDAYS_ENGLAND_WALES.has(d));
	const managers = db.select({ id: user.id, email: user.email }).from(user).where(and(eq(user.role, 'manager'), eq(user.status, 'active'))).all();
	const person = new Map(open.map((c) => [c.id, c.youngPersonId]));
	const escalate = (key: string, subjectType: string, subjectId: string, youngPersonId: string | null, kind: 'concern.escalated' | 'vetting.lapses', data: Record<string, string>) =>
		db.transaction(
			(tx) => {
				if (tx.insert(escalation).values({ key, subjectType, subjectId, youngPersonId, createdAt: now }).onConflictDoNothing().run().changes !== 1) return false;
				for (const m of managers) tx.insert(notification).values({ userId: m.id, kind, data, createdAt: now }).run();
				return true;
			},
			{ behavior: 'immediate' }
		);
	let concerns = 0;
	for (const d of due) {
		const youngPersonId = person.get(d.concernId) ?? null;
		const name = youngPersonId ? (db.select({ name: youngPerson.preferredName }).from(youngPerson).where(eq(youngPerson.id, youngPersonId)).get()?.name ?? '') : '';
		if (!escalate(d.key, 'concern', d.concernId, youngPersonId, 'concern.escalated', { name, youngPersonId: youngPersonId ?? '' })) continue;
		concerns++;
		for (const m of managers) if (m.email) await sendEmail({ to: m.email, subject: `Urgent concern not yet acknowledged: ${name}`, text: `An urgent concern in Harbour has not been acknowledged within 4 working hours.\n\n${origin}/caseload/${youngPersonId}#concerns\n\nSign in to read the details.` });
		for (const m of managers) await pushAbout(m.id, 'concern.escalated', { youngPersonId: youngPersonId ?? '' });
	}
	let vetting = 0;
	const active = db
		.select({ match: mentorMatch, profile: mentorProfile, dob: youngPerson.dateOfBirth })
		.from(mentorMatch)
		.innerJoin(mentorProfile, eq(mentorProfile.userId, mentorMatch.mentorId))
		.innerJoin(youngPerson, eq(youngPerson.id, mentorMatch.youngPersonId))
		.where(eq(mentorMatch.status, 'active'))
		.all();
	for (const a of active) {
		// The key names the match and the day vetting lapses (or `no_dbs`), so it is the same every
		// day: the job raises one task per lapse, however often it runs.
		const lapse = vettingLapsesDuring(vettingOf(a.profile), DEFAULT_VETTING_RULES, today, a.match.plannedEndOn ?? addCalendarDays(today, 60), a.match.id);
		if (!lapse) continue;
		if (escalate(lapse.key, 'match', a.match.id, a.match.youngPersonId, 'vetting.lapses', { matchId: a.match.id, date: lapse.lapsesOn ?? today })) vetting++;
	}
	return { concerns, vetting };
}
