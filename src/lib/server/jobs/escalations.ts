import { and, eq, isNull, or, gte } from 'drizzle-orm';
import { addCalendarDays, londonDay } from '../../domain/dates';
import { escalationsDue } from '../../domain/accommodation/clocks';
import type { Db } from '../db/client';
import { accommodationStay, escalation, housingFlag, housingFlagEvent, notification, user, youngPerson } from '../db/schema';
import { sendEmail } from '../notify/email';

/**
 * Escalates to the service's managers: housing flags not acknowledged in time, and bed and
 * breakfast or emergency stays past 2 working days. Each escalation's key is written in the same
 * transaction as its notifications, so running the job twice (or on two servers) escalates once.
 */
export async function runHousingEscalations(db: Db, now = new Date(), origin = ''): Promise<{ escalated: number }> {
	const today = londonDay(now);
	const flags = db
		.select({ id: housingFlag.id, urgency: housingFlag.urgency, raisedAt: housingFlag.raisedAt, acknowledgedAt: housingFlag.acknowledgedAt, youngPersonId: housingFlag.youngPersonId })
		.from(housingFlag)
		.where(eq(housingFlag.status, 'raised'))
		.all();
	const stays = db
		.select({ id: accommodationStay.id, youngPersonId: accommodationStay.youngPersonId, fromOn: accommodationStay.fromOn, toOn: accommodationStay.toOn })
		.from(accommodationStay)
		.where(and(eq(accommodationStay.emergency, true), or(isNull(accommodationStay.toOn), gte(accommodationStay.toOn, addCalendarDays(today, -30)))))
		.all();
	const due = escalationsDue(flags, stays, now);
	if (due.length === 0) return { escalated: 0 };
	const managers = db.select({ id: user.id, email: user.email }).from(user).where(and(eq(user.role, 'manager'), eq(user.status, 'active'))).all();
	const emails: { to: string; name: string }[] = [];
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
	}
	for (const e of emails) {
		await sendEmail({ to: e.to, subject: `Housing: a legal time limit has passed for ${e.name}`, text: `A housing worry in Harbour has passed a legal time limit and needs a manager.\n\n${origin}/manage\n\nSign in to read the details.` });
	}
	return { escalated };
}
