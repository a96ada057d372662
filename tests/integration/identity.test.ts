import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { acceptInvitation, signInWithPassword } from '../../src/lib/server/auth/accounts';
import { createInvitation, lookUpInvitation, revokeInvitation } from '../../src/lib/server/auth/invitations';
import { createSession, generateSessionToken, validateSessionToken } from '../../src/lib/server/auth/session';
import { passkey, session, user, youngPerson } from '../../src/lib/server/db/schema';
import { createSeededDb } from '../fixtures/db';

function setup() {
	const f = createSeededDb();
	const id = (email: string) => f.sqlite.prepare('select id from user where email = ?').pluck().get(email) as string;
	const leah = f.sqlite.prepare(`select id from young_person where preferred_name = 'Leah' and user_id is null`).pluck().get() as string;
	return { ...f, priya: id('priya@demo.harbour.test'), chris: id('chris@demo.harbour.test'), amiraUser: id('amira@demo.harbour.test'), leah };
}

describe('invitations', () => {
	it('store only a hash, last seven days and work once', async () => {
		const f = setup();
		const now = new Date('2026-11-24T10:00:00Z');
		const { token, invitation } = createInvitation(f.db, { purpose: 'join', role: 'adviser', displayName: 'Ola Ade', email: 'ola@example.org', invitedBy: f.priya }, now);
		expect(JSON.stringify(f.sqlite.prepare('select * from invitation').all())).not.toContain(token);
		expect(lookUpInvitation(f.db, token, new Date('2026-12-01T09:59:59Z')).state).toBe('valid');
		expect(lookUpInvitation(f.db, token, new Date('2026-12-01T10:00:00Z')).state).toBe('expired');
		expect(lookUpInvitation(f.db, 'b'.repeat(32), now).state).toBe('unknown');
		expect(lookUpInvitation(f.db, 'forged<script>', now).state).toBe('unknown');

		const [first, second] = await Promise.all([
			acceptInvitation(f.db, invitation, { password: 'a good long password' }, now),
			acceptInvitation(f.db, invitation, { password: 'another good password' }, now)
		]);
		expect([first.ok, second.ok].sort()).toEqual([false, true]);
		expect(f.db.select().from(user).where(eq(user.email, 'ola@example.org')).all()).toHaveLength(1);
		expect(lookUpInvitation(f.db, token, now).state).toBe('used');
	});

	it('can be revoked before use, and then makes no account', async () => {
		const f = setup();
		const { token, invitation } = createInvitation(f.db, { purpose: 'join', role: 'mentor', displayName: 'Kit', email: 'kit@example.org', invitedBy: f.priya });
		expect(revokeInvitation(f.db, invitation.id)).toBe(true);
		expect(lookUpInvitation(f.db, token).state).toBe('revoked');
		expect((await acceptInvitation(f.db, invitation, { password: 'a good long password' })).ok).toBe(false);
		expect(f.db.select().from(user).where(eq(user.email, 'kit@example.org')).all()).toHaveLength(0);
	});

	it("links a young person's new account to their record", async () => {
		const f = setup();
		const { invitation } = createInvitation(f.db, { purpose: 'join', role: 'young_person', displayName: 'Leah', youngPersonId: f.leah, invitedBy: f.chris });
		const result = await acceptInvitation(f.db, invitation, { password: 'leah likes long walks' });
		expect(result.ok).toBe(true);
		const linked = f.db.select({ userId: youngPerson.userId }).from(youngPerson).where(eq(youngPerson.id, f.leah)).get();
		expect(linked?.userId).toBe(result.ok ? result.account.id : 'x');
	});

	it('recovery signs out every old session and removes lost passkeys', async () => {
		const f = setup();
		const token = generateSessionToken();
		createSession(f.db, token, { id: f.amiraUser, role: 'young_person' });
		f.db.insert(passkey).values({ id: 'cred-1', userId: f.amiraUser, publicKey: Buffer.from([1, 2, 3]), name: 'Old phone', createdAt: new Date() }).run();
		const { invitation } = createInvitation(f.db, { purpose: 'recovery', role: 'young_person', displayName: 'Amira', userId: f.amiraUser, invitedBy: f.priya });
		const result = await acceptInvitation(f.db, invitation, { password: 'a brand new password' });
		expect(result).toEqual({ ok: true, account: { id: f.amiraUser, role: 'young_person' } });
		expect(validateSessionToken(f.db, token)).toBeNull();
		expect(f.db.select().from(passkey).where(eq(passkey.userId, f.amiraUser)).all()).toHaveLength(0);
		expect(f.sqlite.prepare(`select kind from notification where user_id = ?`).pluck().all(f.amiraUser)).toContain('sign_in_method.recovered');
	});
});

describe('password sign-in', () => {
	async function withPassword() {
		const f = setup();
		const { invitation } = createInvitation(f.db, { purpose: 'join', role: 'adviser', displayName: 'Ola', email: 'ola@example.org', invitedBy: f.priya });
		await acceptInvitation(f.db, invitation, { password: 'correct horse battery' });
		return f;
	}

	it('signs in with the right password, case-insensitive email', async () => {
		const f = await withPassword();
		expect((await signInWithPassword(f.db, ' OLA@example.org ', 'correct horse battery', '10.0.0.1')).ok).toBe(true);
	});

	it('answers the same for an unknown account, a wrong password and a disabled account', async () => {
		const f = await withPassword();
		const wrong = await signInWithPassword(f.db, 'ola@example.org', 'nope nope nope', '10.0.0.2');
		const unknown = await signInWithPassword(f.db, 'nobody@example.org', 'nope nope nope', '10.0.0.3');
		f.db.update(user).set({ status: 'disabled' }).where(eq(user.email, 'ola@example.org')).run();
		const disabled = await signInWithPassword(f.db, 'ola@example.org', 'correct horse battery', '10.0.0.4');
		expect([wrong, unknown, disabled]).toEqual([
			{ ok: false, reason: 'invalid' },
			{ ok: false, reason: 'invalid' },
			{ ok: false, reason: 'invalid' }
		]);
	});

	it('throttles the 11th failure from one address in a minute, before hashing, and says until when', async () => {
		const f = await withPassword();
		const t0 = new Date('2026-11-24T10:00:00Z');
		for (let i = 0; i < 10; i++) {
			const r = await signInWithPassword(f.db, `someone${i}@example.org`, 'wrong password', '10.9.9.9', new Date(t0.getTime() + i * 1000));
			expect(r, `attempt ${i + 1}`).toEqual({ ok: false, reason: 'invalid' });
		}
		const started = performance.now();
		const eleventh = await signInWithPassword(f.db, 'ola@example.org', 'correct horse battery', '10.9.9.9', new Date(t0.getTime() + 10_000));
		expect(eleventh).toEqual({ ok: false, reason: 'throttled', retryAt: new Date(t0.getTime() + 60_000) });
		expect(performance.now() - started).toBeLessThan(8); // no argon2 work was done
		// The state is in the database, so it survives a restart.
		expect(f.sqlite.prepare(`select window_count from throttle where key = 'address:10.9.9.9'`).pluck().get()).toBe(10);
	});

	it('makes one account wait longer after each failure', async () => {
		const f = await withPassword();
		const t0 = new Date('2026-11-24T10:00:00Z');
		await signInWithPassword(f.db, 'ola@example.org', 'wrong 1', '10.1.0.1', t0);
		await signInWithPassword(f.db, 'ola@example.org', 'wrong 2', '10.1.0.2', t0);
		const third = await signInWithPassword(f.db, 'ola@example.org', 'correct horse battery', '10.1.0.3', t0);
		expect(third).toEqual({ ok: false, reason: 'throttled', retryAt: new Date(t0.getTime() + 1000) });
		expect((await signInWithPassword(f.db, 'ola@example.org', 'correct horse battery', '10.1.0.3', new Date(t0.getTime() + 1000))).ok).toBe(true);
	});
});

describe('sessions after a change', () => {
	it("end when an account is disabled (the next request fails)", () => {
		const f = setup();
		const token = generateSessionToken();
		createSession(f.db, token, { id: f.chris, role: 'adviser' });
		f.db.update(user).set({ status: 'disabled' }).where(eq(user.id, f.chris)).run();
		expect(validateSessionToken(f.db, token)).toBeNull();
		expect(f.db.select().from(session).where(eq(session.userId, f.chris)).all()).toHaveLength(0);
	});
});
