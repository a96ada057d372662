import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { notification } from '../db/schema';

export type NotificationKind =
	| 'sign_in_method.password_set'
	| 'sign_in_method.passkey_added'
	| 'sign_in_method.passkey_removed'
	| 'sign_in_method.recovered'
	| 'sessions.signed_out_elsewhere'
	| 'entitlement.available'
	| 'entitlement.instalment_due'
	| 'entitlement.lapsing'
	| 'housing.flag_raised'
	| 'housing.escalated'
	| 'concern.raised'
	| 'concern.escalated'
	| 'vetting.lapses';

/** Tells a person something in the app. `data` holds parameters for the message, never case notes. */
export function notifyUser(db: Db, userId: string, kind: NotificationKind, data: Record<string, string> = {}, now = new Date()): void {
	db.insert(notification).values({ userId, kind, data, createdAt: now }).run();
}

export function listNotifications(db: Db, userId: string, limit = 20) {
	return db.select().from(notification).where(eq(notification.userId, userId)).orderBy(desc(notification.createdAt), desc(notification.id)).limit(limit).all();
}
