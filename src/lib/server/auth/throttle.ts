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

/** When this sign-in may next be tried: null if now. (Read only: to take a turn, use `reserveSignInAttempt`.) */
export function signInBlockedUntil(db: Db, keys: { account: string; address: string }, now = Date.now()): Date | null {
	const at = Math.max(nextAllowedAt(read(db, keys.account), ACCOUNT_RULES), nextAllowedAt(read(db, keys.address), ADDRESS_RULES));
	return at > now ? new Date(at) : null;
}

/**
 * One counted turn under `rules` for `key` (every call counts, not only failures): checked and
 * counted in one IMMEDIATE transaction. Used for the first step of passkey sign-in (finding 12.10).
 */
export function takeTurn(db: Db, key: string, rules: ThrottleRules, now = Date.now()): Reservation {
	return db.transaction(
		(tx) => {
			const t = tx as unknown as Db;
			const state = read(t, key);
			const at = nextAllowedAt(state, rules);
			if (at > now) return { ok: false as const, retryAt: new Date(at) };
			write(t, key, afterFailure(state, rules, now));
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

export type Reservation = { ok: true } | { ok: false; retryAt: Date };

/**
 * Takes one turn at signing in (finding 12.3), before anything is hashed or verified: in one
 * IMMEDIATE transaction it checks both counters and, if the attempt may go ahead, counts it as a
 * failure there and then. Fifty guesses fired at once therefore see each other's turns: only as
 * many reach argon2 as the rules allow at that instant. A success afterwards gives the turn back
 * (`recordSignInSuccess`); a failure needs nothing more.
 */
export function reserveSignInAttempt(db: Db, keys: { account: string; address: string }, now = Date.now()): Reservation {
	return db.transaction(
		(tx) => {
			const t = tx as unknown as Db;
			const account = read(t, keys.account);
			const address = read(t, keys.address);
			const at = Math.max(nextAllowedAt(account, ACCOUNT_RULES), nextAllowedAt(address, ADDRESS_RULES));
			if (at > now) return { ok: false as const, retryAt: new Date(at) };
			write(t, keys.account, afterFailure(account, ACCOUNT_RULES, now));
			write(t, keys.address, afterFailure(address, ADDRESS_RULES, now));
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

/** Kept for callers that record a failure found without a reservation (none should: reserve first). */
export function recordSignInFailure(db: Db, keys: { account: string; address: string }, now = Date.now()): void {
	const bump = (key: string, rules: ThrottleRules) => write(db, key, afterFailure(read(db, key), rules, now));
	db.transaction(() => {
		bump(keys.account, ACCOUNT_RULES);
		bump(keys.address, ADDRESS_RULES);
	});
}

/**
 * After a reserved attempt succeeded: the account's ladder is cleared and the turn the
 * reservation counted is given back to both windows (a success is not a failure).
 */
export function recordSignInSuccess(db: Db, keys: { account: string; address?: string }): void {
	db.transaction(
		(tx) => {
			const t = tx as unknown as Db;
			const state = read(t, keys.account);
			write(t, keys.account, { ...afterSuccess(state), windowCount: Math.max(0, state.windowCount - 1) });
			if (keys.address) {
				const addr = read(t, keys.address);
				if (addr.windowCount > 0) write(t, keys.address, { ...addr, consecutive: Math.max(0, addr.consecutive - 1), windowCount: addr.windowCount - 1 });
			}
		},
		{ behavior: 'immediate' }
	);
}
