import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { passkey, user, youngPerson, type Invitation, type User } from '../db/schema';
import { newId } from '../ids';
import { notifyUser } from '../notify/in-app';
import { consumeInvitation } from './invitations';
import { savePasskey, type NewPasskey } from './passkeys';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { invalidateUserSessions } from './session';
import { accountKey, addressKey, recordSignInFailure, recordSignInSuccess, signInBlockedUntil } from './throttle';

export type PasswordSignIn =
	| { ok: true; account: Pick<User, 'id' | 'role'> }
	| { ok: false; reason: 'throttled'; retryAt: Date }
	| { ok: false; reason: 'invalid' };

/**
 * Email and password. The throttle is checked before any hashing (argon2 is the expensive part);
 * an unknown email, a disabled account and a wrong password look exactly the same from outside.
 */
export async function signInWithPassword(db: Db, email: string, password: string, address: string, now = new Date()): Promise<PasswordSignIn> {
	const keys = { account: accountKey(email), address: addressKey(address) };
	const blocked = signInBlockedUntil(db, keys, now.getTime());
	if (blocked) return { ok: false, reason: 'throttled', retryAt: blocked };
	const found = db
		.select({ id: user.id, role: user.role, passwordHash: user.passwordHash })
		.from(user)
		.where(and(eq(user.email, email.trim().toLowerCase()), eq(user.status, 'active')))
		.get();
	const matches = await verifyPassword(found?.passwordHash ?? (await decoyHash()), password);
	if (!found?.passwordHash || !matches) {
		recordSignInFailure(db, keys, now.getTime());
		return { ok: false, reason: 'invalid' };
	}
	recordSignInSuccess(db, keys);
	return { ok: true, account: { id: found.id, role: found.role } };
}

type Method = { password: string } | { passkey: NewPasskey; passkeyName: string };

/**
 * Turns a valid invitation into an account (or, for a recovery invitation, gives the account a new
 * way in and signs out every old session). All in one transaction with using up the invitation,
 * so two clicks on the same link can never make two accounts.
 */
export async function acceptInvitation(db: Db, invitation: Invitation, method: Method, now = new Date()): Promise<{ ok: true; account: Pick<User, 'id' | 'role'> } | { ok: false }> {
	const passwordHash = 'password' in method ? await hashPassword(method.password) : null;
	return db.transaction(
		(tx) => {
			if (!consumeInvitation(tx as unknown as Db, invitation.id, now)) return { ok: false as const };
			let userId: string;
			if (invitation.purpose === 'recovery' && invitation.userId) {
				userId = invitation.userId;
				// The lost phone's sessions and passkeys stop working at once.
				invalidateUserSessions(tx as unknown as Db, userId);
				tx.delete(passkey).where(eq(passkey.userId, userId)).run();
				if (passwordHash) tx.update(user).set({ passwordHash }).where(eq(user.id, userId)).run();
				notifyUser(tx as unknown as Db, userId, 'sign_in_method.recovered', {}, now);
			} else {
				userId = newId();
				tx.insert(user)
					.values({ id: userId, role: invitation.role, displayName: invitation.displayName, email: invitation.email?.toLowerCase() ?? null, passwordHash, createdAt: now })
					.run();
				if (invitation.role === 'young_person' && invitation.youngPersonId) {
					const linked = tx.update(youngPerson).set({ userId }).where(eq(youngPerson.id, invitation.youngPersonId)).run();
					if (linked.changes !== 1) throw new Error('young person missing');
				}
			}
			if ('passkey' in method) {
				savePasskey(tx as unknown as Db, userId, method.passkey, method.passkeyName, now);
				notifyUser(tx as unknown as Db, userId, 'sign_in_method.passkey_added', { name: method.passkeyName }, now);
			} else if (invitation.purpose === 'join') {
				notifyUser(tx as unknown as Db, userId, 'sign_in_method.password_set', {}, now);
			}
			return { ok: true as const, account: { id: userId, role: invitation.role } };
		},
		{ behavior: 'immediate' }
	);
}
