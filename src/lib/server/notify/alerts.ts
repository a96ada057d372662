import { eq } from 'drizzle-orm';
import type { Role } from '../../domain/roles';
import type { Db } from '../db/client';
import { youngPerson } from '../db/schema';
import { push, type PushMessage } from './email';
import { notifyUser, type NotificationKind } from './in-app';

/**
 * The one way Harbour tells a person something that may also reach their phone: the notification
 * (the record, always) and then a push to each of their devices with alerts on (a nudge, if any).
 */

const ID = /^[a-z2-7]{16}$/;
const id = (v: string | undefined) => (v && ID.test(v) ? v : null);

/** Where a notification leads, for the person it was for (null: nowhere in particular). Pure. */
export function linkFor(kind: string, data: Record<string, string>, role: Role): string | null {
	const yp = id(data.youngPersonId);
	const staff = role === 'adviser' || role === 'manager';
	switch (kind) {
		case 'housing.flag_raised':
			return staff && yp && id(data.flagId) ? `/caseload/${yp}/housing/${data.flagId}` : null;
		case 'housing.escalated':
			return staff && yp ? `/caseload/${yp}/housing` : null;
		case 'concern.raised':
		case 'concern.escalated':
			return staff && yp ? `/caseload/${yp}#concerns` : null;
		case 'vetting.lapses':
			return role === 'manager' && id(data.matchId) ? `/manage/mentoring/matches/${data.matchId}` : null;
		case 'entitlement.available':
		case 'entitlement.lapsing':
			return role === 'young_person' ? '/me/entitlements' : null;
		case 'entitlement.instalment_due':
			return role === 'young_person' ? '/me/dates' : null;
		case 'money.decided':
		case 'money.paid':
			return role === 'young_person' ? '/me/money' : null;
		case 'housing.flag_acknowledged':
		case 'housing.flag_updated':
		case 'housing.flag_resolved':
			return role === 'young_person' && id(data.flagId) ? `/me/housing/${data.flagId}` : null;
		case 'sign_in_method.password_set':
		case 'sign_in_method.passkey_added':
		case 'sign_in_method.passkey_removed':
		case 'sign_in_method.recovered':
		case 'sign_in_method.recovery_undone':
		case 'sessions.signed_out_elsewhere':
			return '/account';
		default:
			return null;
	}
}

const ROLE_OF: Partial<Record<NotificationKind, Role>> = {
	'housing.flag_raised': 'adviser',
	'concern.raised': 'adviser',
	'housing.escalated': 'manager',
	'concern.escalated': 'manager',
	'entitlement.available': 'young_person',
	'entitlement.instalment_due': 'young_person',
	'entitlement.lapsing': 'young_person',
	'money.decided': 'young_person',
	'money.paid': 'young_person',
	'housing.flag_acknowledged': 'young_person',
	'housing.flag_updated': 'young_person',
	'housing.flag_resolved': 'young_person'
};

const OPEN = 'Open Harbour to read it.';

/**
 * What the push says, or null for kinds not worth a nudge (account changes: the person usually made
 * them; vetting tasks: not urgent). A lock screen is not private, so no names and no details: only
 * that something is waiting, how urgent it is, and the page it opens.
 */
export function pushFor(kind: NotificationKind, data: Record<string, string>): PushMessage | null {
	const role = ROLE_OF[kind];
	if (!role) return null;
	const url = linkFor(kind, data, role) ?? (role === 'young_person' ? '/me' : role === 'manager' ? '/manage' : '/today');
	switch (kind) {
		case 'housing.flag_raised':
			return data.urgency === 'urgent'
				? { title: 'Urgent: a new housing worry', body: 'Open Harbour to read it and acknowledge it.', url, urgent: true }
				: { title: 'A new housing worry', body: 'Open Harbour to read it and acknowledge it.', url };
		case 'concern.raised':
			return data.grade === 'urgent'
				? { title: 'Urgent: a mentor has raised a concern', body: 'Open Harbour to read it and acknowledge it.', url, urgent: true }
				: { title: 'A mentor has raised a concern', body: 'Open Harbour to read it and acknowledge it.', url };
		case 'housing.escalated':
			return { title: 'A housing time limit has passed', body: 'It needs a manager. Open Harbour to read it.', url, urgent: true };
		case 'concern.escalated':
			return { title: 'An urgent concern is still waiting', body: 'It needs a manager. Open Harbour to read it.', url, urgent: true };
		case 'entitlement.available':
		case 'entitlement.instalment_due':
		case 'entitlement.lapsing':
			return { title: 'A reminder from Harbour', body: OPEN, url };
		default:
			return { title: 'News from your personal adviser', body: OPEN, url };
	}
}

/** Tells a person in the app, then pushes to their phones if the kind is worth it. Never throws for the push. */
export async function alert(db: Db, userId: string, kind: NotificationKind, data: Record<string, string> = {}, now = new Date()): Promise<void> {
	notifyUser(db, userId, kind, data, now);
	await pushAbout(userId, kind, data);
}

/** The push alone, for notifications already written inside a job's transaction. */
export async function pushAbout(userId: string, kind: NotificationKind, data: Record<string, string>): Promise<void> {
	const message = pushFor(kind, data);
	if (message) await push(userId, message);
}

/** Tells a young person (if they have signed up to Harbour) about a reply to something of theirs. */
export async function alertYoungPerson(db: Db, youngPersonId: string, kind: NotificationKind, data: Record<string, string> = {}, now = new Date()): Promise<void> {
	const userId = db.select({ userId: youngPerson.userId }).from(youngPerson).where(eq(youngPerson.id, youngPersonId)).get()?.userId;
	if (userId) await alert(db, userId, kind, data, now);
}
