import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	createSession,
	generateSessionToken,
	invalidateUserSessions,
	sessionIdFromToken,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { session, user } from '../../src/lib/server/db/schema';
import { createTestDb } from '../fixtures/db';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const t0 = new Date('2026-11-24T09:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function setup(role: 'young_person' | 'adviser') {
	const { db, sqlite } = createTestDb();
	db.insert(user).values({ id: 'u1', role, displayName: 'Test' }).run();
	const token = generateSessionToken();
	createSession(db, token, { id: 'u1', role }, t0);
	return { db, sqlite, token };
}

describe('sessions', () => {
	it('uses 160-bit random tokens and stores only their SHA-256', () => {
		const { sqlite, token } = setup('adviser');
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		const stored = sqlite.prepare('select * from session').all();
		expect(JSON.stringify(stored)).not.toContain(token);
		expect(stored).toHaveLength(1);
		expect((stored[0] as { id: string }).id).toBe(sessionIdFromToken(token));
		expect(new Set(Array.from({ length: 200 }, generateSessionToken)).size).toBe(200);
	});

	it('rejects malformed and unknown tokens without touching the database', () => {
		const { db } = setup('adviser');
		expect(validateSessionToken(db, 'short', t0)).toBeNull();
		expect(validateSessionToken(db, 'a'.repeat(32), t0)).toBeNull();
	});

	it('signs staff out after 30 minutes idle', () => {
		const { db, token } = setup('adviser');
		expect(validateSessionToken(db, token, at(29 * MIN))?.user.id).toBe('u1');
		expect(validateSessionToken(db, token, at(58 * MIN))?.user.id).toBe('u1'); // activity at 29 min kept it alive
		expect(validateSessionToken(db, token, at(58 * MIN + 30 * MIN + 1))).toBeNull();
	});

	it('ends a staff session after 12 hours however busy', () => {
		const { db, token } = setup('adviser');
		for (let m = 10; m < 12 * 60; m += 10) expect(validateSessionToken(db, token, at(m * MIN)), `${m} min`).not.toBeNull();
		expect(validateSessionToken(db, token, at(12 * 60 * MIN))).toBeNull();
	});

	it('keeps a young person signed in for 30 days, sliding while they use Harbour', () => {
		const { db, token } = setup('young_person');
		expect(validateSessionToken(db, token, at(10 * DAY))?.renewed).toBe(false);
		const renewed = validateSessionToken(db, token, at(20 * DAY));
		expect(renewed?.renewed).toBe(true);
		expect(renewed?.session.expiresAt.getTime()).toBe(at(50 * DAY).getTime());
		expect(validateSessionToken(db, token, at(49 * DAY))).not.toBeNull();
		expect(validateSessionToken(db, token, at(49 * DAY + 31 * DAY))).toBeNull();
	});

	it("fails a disabled person's sessions on their next request", () => {
		const { db, token } = setup('young_person');
		db.update(user).set({ status: 'disabled' }).where(eq(user.id, 'u1')).run();
		expect(validateSessionToken(db, token, at(MIN))).toBeNull();
		expect(db.select().from(session).all()).toHaveLength(0);
	});

	it('signs out everywhere', () => {
		const { db, token } = setup('adviser');
		const second = generateSessionToken();
		createSession(db, second, { id: 'u1', role: 'adviser' }, t0);
		invalidateUserSessions(db, 'u1');
		expect(validateSessionToken(db, token, t0)).toBeNull();
		expect(validateSessionToken(db, second, t0)).toBeNull();
	});
});
