import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import type { Db } from '../db/client';
import { session, user, type Role, type Session, type User } from '../db/schema';

/**
 * Sessions after the Lucia guide: the cookie carries 20 random bytes (160 bits); the database
 * holds only their SHA-256, so a copy of the database yields no usable token.
 */
export const SESSION_COOKIE = 'harbour_session';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Young people: 30 days, sliding. Staff and mentors: 30 minutes idle, 12 hours at most (ASVS 3.3.2 L2). */
export const SESSION_RULES = {
	young_person: { idle: 30 * DAY, absolute: Number.POSITIVE_INFINITY, renewWithin: 15 * DAY },
	staff: { idle: 30 * MINUTE, absolute: 12 * 60 * MINUTE, renewWithin: 0 }
} as const;

const rulesFor = (role: Role) => (role === 'young_person' ? SESSION_RULES.young_person : SESSION_RULES.staff);

/** Only write `last_seen_at` when it has moved on by this much, so most requests are read-only. */
const TOUCH_EVERY = MINUTE;

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** `ownDevice` ("this is my own phone") is kept only for young people: staff never get an offline copy. */
export function createSession(db: Db, token: string, account: Pick<User, 'id' | 'role'>, now = new Date(), device = '', ownDevice = false): Session {
	const rules = rulesFor(account.role);
	const row: Session = {
		id: sessionIdFromToken(token),
		userId: account.id,
		createdAt: now,
		lastSeenAt: now,
		expiresAt: new Date(now.getTime() + Math.min(rules.idle, rules.absolute)),
		device,
		ownDevice: ownDevice && account.role === 'young_person'
	};
	db.insert(session).values(row).run();
	return row;
}

export type SessionUser = Pick<User, 'id' | 'role' | 'displayName' | 'locale'>;
export type SessionResult = { session: Session; user: SessionUser; renewed: boolean } | null;

/**
 * Checks a token and slides its expiry. Answers null for an unknown, expired or idle session and
 * for a disabled account (whose sessions are deleted there and then).
 */
export function validateSessionToken(db: Db, token: string, now = new Date()): SessionResult {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const id = sessionIdFromToken(token);
	const row = prepared(db, 'session.validate', () =>
		db
			.select({
				session,
				user: { id: user.id, role: user.role, displayName: user.displayName, locale: user.locale, status: user.status }
			})
			.from(session)
			.innerJoin(user, eq(session.userId, user.id))
			.where(eq(session.id, sql.placeholder('id')))
			.prepare()
	).get({ id });
	if (!row) return null;
	const { status, ...account } = row.user;
	const t = now.getTime();
	if (status !== 'active' || t >= row.session.expiresAt.getTime()) {
		if (status !== 'active') invalidateUserSessions(db, account.id);
		else invalidateSession(db, id);
		return null;
	}
	const rules = rulesFor(account.role);
	const hardStop = row.session.createdAt.getTime() + rules.absolute;
	const nextExpiry = Math.min(t + rules.idle, hardStop);
	const slide =
		account.role === 'young_person'
			? row.session.expiresAt.getTime() - t < rules.renewWithin
			: t - row.session.lastSeenAt.getTime() >= TOUCH_EVERY;
	if (slide) {
		row.session.lastSeenAt = now;
		row.session.expiresAt = new Date(nextExpiry);
		db.update(session)
			.set({ lastSeenAt: row.session.lastSeenAt, expiresAt: row.session.expiresAt })
			.where(eq(session.id, id))
			.run();
	}
	return { session: row.session, user: account, renewed: slide };
}

export function invalidateSession(db: Db, sessionId: string): void {
	db.delete(session).where(eq(session.id, sessionId)).run();
}

export function invalidateUserSessions(db: Db, userId: string): void {
	db.delete(session).where(eq(session.userId, userId)).run();
}

/** The cookie's name: `__Host-` needs Secure, so plain-http development on localhost uses the bare name. */
export function sessionCookieName(secure: boolean): string {
	return secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}
