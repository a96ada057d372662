import { and, eq, gt, isNotNull } from 'drizzle-orm';
import { addCalendarDays, type IsoDate } from '../../domain/dates';
import type { Outcome } from '../../domain/money/engine';
import type { Db } from '../db/client';
import { notification, reminderSent, user, youngPerson } from '../db/schema';
import { pushAbout } from '../notify/alerts';
import { entitlementsFor } from '../money/entitlements';

/** How far ahead the daily job looks. */
export const LAPSING_WITHIN_DAYS = 60;
export const INSTALMENT_WITHIN_DAYS = 7;
export const NEWLY_AVAILABLE_WITHIN_DAYS = 7;

export type Reminder = { key: string; kind: 'entitlement.available' | 'entitlement.instalment_due' | 'entitlement.lapsing'; data: Record<string, string> };

/**
 * The reminders one young person should have on `today` (pure): help that became theirs this
 * week, apprenticeship bursary instalments due within a week, and help ending within 60 days.
 * Each has a key that names the event (not the day), so it is sent once, ever.
 */
export function remindersFor(outcomes: Outcome[], today: IsoDate): Reminder[] {
	const out: Reminder[] = [];
	for (const o of outcomes) {
		if (o.state !== 'eligible_now') continue;
		if (o.from && o.from <= today && o.from >= addCalendarDays(today, -NEWLY_AVAILABLE_WITHIN_DAYS)) {
			out.push({ key: `available:${o.id}:${o.from}`, kind: 'entitlement.available', data: { entitlement: o.id, date: o.from } });
		}
		for (const k of o.keyDates) {
			if (k.label.startsWith('instalment') && k.date >= today && k.date <= addCalendarDays(today, INSTALMENT_WITHIN_DAYS)) {
				out.push({ key: `instalment:${o.id}:${k.label}:${k.date}`, kind: 'entitlement.instalment_due', data: { entitlement: o.id, label: k.label, date: k.date } });
			}
		}
		if (o.until && o.until >= today && o.until <= addCalendarDays(today, LAPSING_WITHIN_DAYS)) {
			out.push({ key: `lapsing:${o.id}:${o.until}`, kind: 'entitlement.lapsing', data: { entitlement: o.id, date: o.until } });
		}
	}
	return out;
}

/**
 * The daily job: works out every signed-up young person's reminders and sends the new ones.
 * Idempotent: a reminder's key goes into `reminder_sent` in the same transaction as its
 * notification, so running twice (or on two servers) sends nothing new the second time.
 */
export function runReminders(db: Db, today: IsoDate, now = new Date(), batchSize = 2000): { people: number; sent: number } {
	const { people, sent } = writeReminders(db, today, now, batchSize);
	return { people, sent: sent.length };
}

/**
 * The scheduled run: writes the day's reminders, then nudges each young person's phones (those with
 * alerts on) once the notifications are safely stored. A reminder already sent is not pushed again.
 */
export async function runRemindersAndPush(db: Db, today: IsoDate, now = new Date()): Promise<{ people: number; sent: number }> {
	const { people, sent } = writeReminders(db, today, now, 2000);
	for (const r of sent) await pushAbout(r.userId, r.kind, r.data);
	return { people, sent: sent.length };
}

function writeReminders(db: Db, today: IsoDate, now: Date, batchSize: number): { people: number; sent: (Reminder & { userId: string })[] } {
	let lastId = '';
	let people = 0;
	const sent: (Reminder & { userId: string })[] = [];
	for (;;) {
		const batch = db
			.select({ person: youngPerson })
			.from(youngPerson)
			.innerJoin(user, eq(user.id, youngPerson.userId))
			.where(and(isNotNull(youngPerson.userId), eq(user.status, 'active'), gt(youngPerson.id, lastId)))
			.orderBy(youngPerson.id)
			.limit(batchSize)
			.all();
		if (batch.length === 0) break;
		lastId = batch[batch.length - 1]!.person.id;
		db.transaction(
			(tx) => {
				for (const { person } of batch) {
					people++;
					const userId = person.userId as string;
					for (const r of remindersFor(entitlementsFor(person, today), today)) {
						const fresh = tx.insert(reminderSent).values({ key: `${userId}:${r.key}`, userId, sentOn: today }).onConflictDoNothing().run().changes;
						if (fresh !== 1) continue;
						tx.insert(notification).values({ userId, kind: r.kind, data: r.data, createdAt: now }).run();
						sent.push({ ...r, userId });
					}
				}
			},
			{ behavior: 'immediate' }
		);
	}
	return { people, sent };
}
