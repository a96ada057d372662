import { and, eq, gte, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { invitation as invitationTable, passkey, pushSubscription, session, user, youngPerson, type Invitation, type User } from '../db/schema';
import { newId } from '../ids';
import { notifyUser } from '../notify/in-app';
import { consumeInvitation } from './invitations';
import { finishAuthentication, savePasskey, type NewPasskey, type Site } from './passkeys';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './password';
import { generateSessionToken, invalidateUserSessions, sessionIdFromToken } from './session';
import { accountKey, addressKey, recordSignInSuccess, reserveSignInAttempt } from './throttle';

export type PasswordSignIn =
	| { ok: true; account: Pick<User, 'id' | 'role'> }
	| { ok: false; reason: 'throttled'; retryAt: Date }
	| { ok: false; reason: 'invalid' };

/**
 * Email and password. A turn is reserved (and counted) before any hashing (argon2 is the expensive
 * part), so parallel guesses cannot all slip past the check (finding 12.3); an unknown email, a
 * disabled account and a wrong password look exactly the same from outside.
 */
export async function signInWithPassword(db: Db, email: string, password: string, address: string, now = new Date()): Promise<PasswordSignIn> {
	const keys = { account: accountKey(email), address: addressKey(address) };
	const turn = reserveSignInAttempt(db, keys, now.getTime());
	if (!turn.ok) return { ok: false, reason: 'throttled', retryAt: turn.retryAt };
	const found = db
		.select({ id: user.id, role: user.role, passwordHash: user.passwordHash })
		.from(user)
		.where(and(eq(user.email, email.trim().toLowerCase()), eq(user.status, 'active')))
		.get();
	const matches = await verifyPassword(found?.passwordHash ?? (await decoyHash()), password);
	if (!found?.passwordHash || !matches) return { ok: false, reason: 'invalid' };
	recordSignInSuccess(db, keys);
	return { ok: true, account: { id: found.id, role: found.role } };
}

/**
 * A passkey's answer to a sign-in challenge. Like the password, a turn is reserved for the
 * credential and the address before anything is verified (finding 12.3). Passkeys put aside by a
 * recovery no longer sign in.
 */
export async function signInWithPasskey(
	db: Db,
	site: Site,
	challengeId: string | undefined,
	response: { id: string } & Record<string, unknown>,
	address: string,
	now = new Date()
): Promise<PasswordSignIn> {
	const keys = { account: accountKey(`passkey:${response.id}`), address: addressKey(address) };
	const turn = reserveSignInAttempt(db, keys, now.getTime());
	if (!turn.ok) return { ok: false, reason: 'throttled', retryAt: turn.retryAt };
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked by SimpleWebAuthn itself
	const result = await finishAuthentication(db, site, challengeId, response as any, now);
	const account = result.ok ? db.select({ id: user.id, role: user.role }).from(user).where(and(eq(user.id, result.userId), eq(user.status, 'active'))).get() : undefined;
	if (!account) return { ok: false, reason: 'invalid' };
	recordSignInSuccess(db, keys);
	return { ok: true, account };
}

export type PasswordChange =
	| { ok: true; signedOut: number }
	| { ok: false; reason: 'throttled'; retryAt: Date }
	| { ok: false; reason: 'invalid'; errors: Record<string, string> };

/**
 * Changing (or first setting) a password from the account page (finding 12.6). The current
 * password is checked under the same throttle as signing in (the same account key, so guessing
 * here does not add to the guesses allowed there), and every other session is signed out after.
 */
export async function changePassword(
	db: Db,
	input: { userId: string; sessionId: string | null; current: string; password: string; confirm: string; address: string },
	now = new Date()
): Promise<PasswordChange> {
	const me = db.select({ email: user.email, passwordHash: user.passwordHash }).from(user).where(eq(user.id, input.userId)).get();
	if (!me) return { ok: false, reason: 'invalid', errors: { password: 'invalid' } };
	const errors: Record<string, string> = {};
	if (me.passwordHash) {
		const keys = { account: me.email ? accountKey(me.email) : `account:user:${input.userId}`, address: addressKey(input.address) };
		const turn = reserveSignInAttempt(db, keys, now.getTime());
		if (!turn.ok) return { ok: false, reason: 'throttled', retryAt: turn.retryAt };
		if (await verifyPassword(me.passwordHash, input.current)) recordSignInSuccess(db, keys);
		else errors.current = 'wrong_current';
	}
	const problem = input.password ? passwordProblem(input.password) : 'password_missing';
	if (problem) errors.password = problem;
	else if (input.confirm !== input.password) errors.confirm = 'confirm_mismatch';
	if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };
	const passwordHash = await hashPassword(input.password);
	const signedOut = db.transaction(
		(tx) => {
			tx.update(user).set({ passwordHash }).where(eq(user.id, input.userId)).run();
			const others = and(eq(session.userId, input.userId), input.sessionId ? ne(session.id, input.sessionId) : undefined);
			const removed = tx.delete(session).where(others).run().changes;
			notifyUser(tx as unknown as Db, input.userId, 'sign_in_method.password_set', {}, now);
			if (removed > 0) notifyUser(tx as unknown as Db, input.userId, 'sessions.signed_out_elsewhere', { count: String(removed) }, now);
			return removed;
		},
		{ behavior: 'immediate' }
	);
	return { ok: true, signedOut };
}

type Method = { password: string; email?: string } | { passkey: NewPasskey; passkeyName: string };

export type Acceptance =
	| { ok: true; account: Pick<User, 'id' | 'role'>; undoToken?: string }
	| { ok: false; reason: 'gone' | 'has_account' | 'email_taken' };

class Refused extends Error {
	constructor(readonly reason: 'has_account') {
		super(reason);
	}
}

/** Cancels every other open link for this young person (a new one, or one just used, is the only live one). */
export function cancelOtherInvitations(db: Db, youngPersonId: string, keep: string | null, now = new Date()): number {
	return db
		.update(invitationTable)
		.set({ revokedAt: now })
		.where(and(eq(invitationTable.youngPersonId, youngPersonId), isNull(invitationTable.usedAt), isNull(invitationTable.revokedAt), keep ? ne(invitationTable.id, keep) : undefined))
		.run().changes;
}

/**
 * Whether the join form must ask for an email address to sign in with (finding 12.13): a young
 * person's invitation carries none, and sign-in with a password is by email.
 */
export function invitationNeedsEmail(db: Db, invitation: Invitation): boolean {
	if (invitation.email) return false;
	if (invitation.purpose === 'join') return true;
	const account = invitation.userId ? db.select({ email: user.email }).from(user).where(eq(user.id, invitation.userId)).get() : undefined;
	return !account?.email;
}

export const RECOVERY_UNDO_DAYS = 7;

/**
 * Turns a valid invitation into an account (or, for a recovery invitation, gives the account a new
 * way in and signs out every old session). All in one transaction with using up the invitation,
 * so two clicks on the same link can never make two accounts.
 *
 * Join links for a young person (finding 12.1): the record must have no account yet (a record
 * that has one is reached only by recovery), and using a link cancels every other open link.
 * Recovery (finding 12.4): old passkeys are put aside and the old password kept, not destroyed,
 * so the young person can undo it within 7 days with the link in the notice (`undoToken`).
 */
export async function acceptInvitation(db: Db, invitation: Invitation, method: Method, now = new Date()): Promise<Acceptance> {
	const passwordHash = 'password' in method ? await hashPassword(method.password) : null;
	const email = 'password' in method && method.email ? method.email.trim().toLowerCase() : null;
	try {
		return db.transaction(
			(tx): Acceptance => {
				const t = tx as unknown as Db;
				if (email && tx.select({ id: user.id }).from(user).where(eq(user.email, email)).get()) return { ok: false, reason: 'email_taken' };
				if (!consumeInvitation(t, invitation.id, now)) return { ok: false, reason: 'gone' };
				let userId: string;
				let undoToken: string | undefined;
				if (invitation.purpose === 'recovery' && invitation.userId) {
					userId = invitation.userId;
					const before = tx.select({ passwordHash: user.passwordHash, email: user.email }).from(user).where(eq(user.id, userId)).get();
					// The lost phone's alerts are kept (unhooked from its session) just long enough to tell it.
					tx.update(pushSubscription).set({ sessionId: null }).where(eq(pushSubscription.userId, userId)).run();
					invalidateUserSessions(t, userId);
					tx.update(passkey).set({ suspendedBy: invitation.id }).where(and(eq(passkey.userId, userId), isNull(passkey.suspendedBy))).run();
					tx.update(user)
						.set({ passwordHash, ...(email && !before?.email ? { email } : {}) })
						.where(eq(user.id, userId))
						.run();
					undoToken = generateSessionToken();
					tx.update(invitationTable)
						.set({ usedBy: userId, undoTokenHash: sessionIdFromToken(undoToken), previousPasswordHash: before?.passwordHash ?? null })
						.where(eq(invitationTable.id, invitation.id))
						.run();
					notifyUser(t, userId, 'sign_in_method.recovered', {}, now);
				} else {
					userId = newId();
					tx.insert(user)
						.values({ id: userId, role: invitation.role, displayName: invitation.displayName, email: invitation.email?.toLowerCase() ?? email, passwordHash, createdAt: now })
						.run();
					if (invitation.role === 'young_person' && invitation.youngPersonId) {
						const linked = tx
							.update(youngPerson)
							.set({ userId })
							.where(and(eq(youngPerson.id, invitation.youngPersonId), isNull(youngPerson.userId)))
							.run();
						if (linked.changes !== 1) throw new Refused('has_account');
					}
					tx.update(invitationTable).set({ usedBy: userId }).where(eq(invitationTable.id, invitation.id)).run();
				}
				if (invitation.youngPersonId) cancelOtherInvitations(t, invitation.youngPersonId, invitation.id, now);
				if ('passkey' in method) {
					savePasskey(t, userId, method.passkey, method.passkeyName, now);
					notifyUser(t, userId, 'sign_in_method.passkey_added', { name: method.passkeyName }, now);
				} else if (invitation.purpose === 'join') {
					notifyUser(t, userId, 'sign_in_method.password_set', {}, now);
				}
				return { ok: true, account: { id: userId, role: invitation.role }, ...(undoToken ? { undoToken } : {}) };
			},
			{ behavior: 'immediate' }
		);
	} catch (error) {
		if (error instanceof Refused) {
			// The record already has an account: this join link can never be used; cancel it.
			db.update(invitationTable).set({ revokedAt: now }).where(and(eq(invitationTable.id, invitation.id), isNull(invitationTable.usedAt))).run();
			return { ok: false, reason: error.reason };
		}
		throw error;
	}
}

export type UndoState = 'undone' | 'unknown' | 'already' | 'expired';

/**
 * "This was not me" (finding 12.4): within 7 days of a recovery, the young person can undo it from
 * the notice. Every session and passkey made since the recovery ends, the passkeys it put aside
 * work again and the password from before comes back. They can then sign in as before, or ask
 * for a new recovery link sent to them.
 */
export function undoRecovery(db: Db, token: string, now = new Date()): { state: UndoState; invitation?: Invitation } {
	if (!/^[a-z2-7]{32}$/.test(token)) return { state: 'unknown' };
	const row = db.select().from(invitationTable).where(eq(invitationTable.undoTokenHash, sessionIdFromToken(token))).get();
	if (!row || !row.usedAt || !row.usedBy) return { state: 'unknown' };
	if (row.undoneAt) return { state: 'already', invitation: row };
	if (now.getTime() >= row.usedAt.getTime() + RECOVERY_UNDO_DAYS * 24 * 60 * 60_000) return { state: 'expired', invitation: row };
	const userId = row.usedBy;
	const since = row.usedAt;
	const done = db.transaction(
		(tx) => {
			const claimed = tx.update(invitationTable).set({ undoneAt: now, previousPasswordHash: null }).where(and(eq(invitationTable.id, row.id), isNull(invitationTable.undoneAt))).run();
			if (claimed.changes !== 1) return false;
			tx.delete(session).where(and(eq(session.userId, userId), gte(session.createdAt, since))).run();
			tx.delete(passkey).where(and(eq(passkey.userId, userId), isNull(passkey.suspendedBy), gte(passkey.createdAt, since))).run();
			tx.update(passkey).set({ suspendedBy: null }).where(and(eq(passkey.userId, userId), eq(passkey.suspendedBy, row.id))).run();
			tx.update(user).set({ passwordHash: row.previousPasswordHash }).where(eq(user.id, userId)).run();
			notifyUser(tx as unknown as Db, userId, 'sign_in_method.recovery_undone', {}, now);
			return true;
		},
		{ behavior: 'immediate' }
	);
	return { state: done ? 'undone' : 'already', invitation: row };
}

/** What the undo link can still do, without changing anything ('valid': it can undo now). */
export function lookUpUndo(db: Db, token: string, now = new Date()): 'valid' | Exclude<UndoState, 'undone'> {
	if (!/^[a-z2-7]{32}$/.test(token)) return 'unknown';
	const row = db.select().from(invitationTable).where(eq(invitationTable.undoTokenHash, sessionIdFromToken(token))).get();
	if (!row?.usedAt || !row.usedBy) return 'unknown';
	if (row.undoneAt) return 'already';
	if (now.getTime() >= row.usedAt.getTime() + RECOVERY_UNDO_DAYS * 24 * 60 * 60_000) return 'expired';
	return 'valid';
}

/** After the recovery's notice has gone out: the lost devices' alerts (unhooked from their sessions) are dropped. */
export function dropDetachedSubscriptions(db: Db, userId: string): void {
	db.delete(pushSubscription).where(and(eq(pushSubscription.userId, userId), sql`${pushSubscription.sessionId} is null`)).run();
}
