import { and, count, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import type { Db } from '../db/client';
import { notification } from '../db/schema';

export type NotificationKind =
	| 'sign_in_method.password_set'
	| 'sign_in_method.passkey_added'
	| 'sign_in_method.passkey_removed'
	| 'sign_in_method.recovered'
	| 'sign_in_method.recovery_undone'
	| 'sessions.signed_out_elsewhere'
	| 'entitlement.available'
	| 'entitlement.instalment_due'
	| 'entitlement.lapsing'
	| 'housing.flag_raised'
	| 'housing.escalated'
	| 'concern.raised'
	| 'concern.escalated'
	| 'vetting.lapses'
	| 'money.decided'
	| 'money.paid'
	| 'housing.flag_acknowledged'
	| 'housing.flag_updated'
	| 'housing.flag_resolved';

/** Changes to the account itself (how the person signs in, where they are signed in). */
export const ACCOUNT_KINDS: readonly NotificationKind[] = ['sign_in_method.password_set', 'sign_in_method.passkey_added', 'sign_in_method.passkey_removed', 'sign_in_method.recovered', 'sign_in_method.recovery_undone', 'sessions.signed_out_elsewhere'];

/** Every kind, for the words test (each must have words in every language). */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
	'sign_in_method.password_set',
	'sign_in_method.passkey_added',
	'sign_in_method.passkey_removed',
	'sign_in_method.recovered',
	'sign_in_method.recovery_undone',
	'sessions.signed_out_elsewhere',
	'entitlement.available',
	'entitlement.instalment_due',
	'entitlement.lapsing',
	'housing.flag_raised',
	'housing.escalated',
	'concern.raised',
	'concern.escalated',
	'vetting.lapses',
	'money.decided',
	'money.paid',
	'housing.flag_acknowledged',
	'housing.flag_updated',
	'housing.flag_resolved'
];

/** Tells a person something in the app. `data` holds parameters for the message, never case notes. */
export function notifyUser(db: Db, userId: string, kind: NotificationKind, data: Record<string, string> = {}, now = new Date()): void {
	db.insert(notification).values({ userId, kind, data, createdAt: now }).run();
}

/** Newest first; `kinds` narrows it (the account page shows only changes to the account). */
export function listNotifications(db: Db, userId: string, limit = 20, kinds?: readonly NotificationKind[]) {
	const where = kinds ? and(eq(notification.userId, userId), inArray(notification.kind, [...kinds])) : eq(notification.userId, userId);
	return db.select().from(notification).where(where).orderBy(desc(notification.createdAt), desc(notification.id)).limit(limit).all();
}

/** How many notifications the person has not yet marked as read (counted up to 100: "99+" is enough). */
export function countUnread(db: Db, userId: string): number {
	// On every signed-in page (the layout): prepared once.
	const query = prepared(db, 'notification.unread', () => {
		const sub = db.select({ id: notification.id }).from(notification).where(and(eq(notification.userId, sql.placeholder('userId')), isNull(notification.readAt))).limit(100).as('unread');
		return db.select({ n: count() }).from(sub).prepare();
	});
	return query.get({ userId })?.n ?? 0;
}

/**
 * Marks the person's notifications read, up to the newest one they were shown (`upTo`), so one that
 * arrived while they were reading stays new.
 */
export function markAllRead(db: Db, userId: string, upTo: number, now = new Date()): number {
	return db
		.update(notification)
		.set({ readAt: now })
		.where(and(eq(notification.userId, userId), isNull(notification.readAt), lte(notification.id, upTo)))
		.run().changes;
}
