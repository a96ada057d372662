import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { throttle } from '../db/schema';
import { ACCOUNT_RULES, ADDRESS_RULES, afterFailure, afterSuccess, EMPTY_STATE, nextAllowedAt, type ThrottleRules, type ThrottleState } from './throttle-rules';

/** The account key is a hash of the email as typed (lower-cased), so unknown accounts are throttled the same. */
export const accountKey = (email: string) => `account:${encodeHexLowerCase(sha256(new TextEncoder().encode(email.trim().toLowerCase())))}`;
export const addressKey = (address: string) => `address:${address}`;

function read(db: Db, key: string): ThrottleState {
	return db.select().from(throttle).where(eq(throttle.key, key)).get() ?? EMPTY_STATE;
}

function write(db: Db, key: string, state: ThrottleState) {
	db.insert(throttle).values({ key, ...state }).onConflictDoUpdate({ target: throttle.key, set: state }).run();
}

/** When this sign-in may next be tried: null if now. Check this before hashing anything. */
export function signInBlockedUntil(db: Db, keys: { account: string; address: string }, now = Date.now()): Date | null {
	const at = Math.max(nextAllowedAt(read(db, keys.account), ACCOUNT_RULES), nextAllowedAt(read(db, keys.address), ADDRESS_RULES));
	return at > now ? new Date(at) : null;
}

export function recordSignInFailure(db: Db, keys: { account: string; address: string }, now = Date.now()): void {
	const bump = (key: string, rules: ThrottleRules) => write(db, key, afterFailure(read(db, key), rules, now));
	db.transaction(() => {
		bump(keys.account, ACCOUNT_RULES);
		bump(keys.address, ADDRESS_RULES);
	});
}

export function recordSignInSuccess(db: Db, keys: { account: string }): void {
	const state = read(db, keys.account);
	if (state.consecutive > 0) write(db, keys.account, afterSuccess(state));
}
