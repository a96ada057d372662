import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptInvitation, changePassword, signInWithPasskey, signInWithPassword, undoRecovery } from '../../src/lib/server/auth/accounts';
import { createInvitation, lookUpInvitation, revokeInvitation } from '../../src/lib/server/auth/invitations';
import { beginPasskeySignIn } from '../../src/lib/server/auth/passkeys';
import * as passwords from '../../src/lib/server/auth/password';
import { recoveryRefusedFor, tellOfRecovery } from '../../src/lib/server/auth/recovery';
import { createSession, generateSessionToken, validateSessionToken } from '../../src/lib/server/auth/session';
import { ACCOUNT_RULES, afterFailure, EMPTY_STATE, isAllowed } from '../../src/lib/server/auth/throttle-rules';
import { passkey, session, user, youngPerson } from '../../src/lib/server/db/schema';
import { onPush, type PushMessage } from '../../src/lib/server/notify/email';
import { inviteYoungPerson, makeRecoveryLink } from '../../src/lib/server/people/invite';
import { can } from '../../src/lib/server/policy';
import { createSeededDb } from '../fixtures/db';
import { useTestMailbox } from '../fixtures/mailbox';

// Counts argon2 verifications (finding 12.3) while still doing them for real.
vi.mock('../../src/lib/server/auth/password', async (original) => {
	const real = await original<typeof import('../../src/lib/server/auth/password')>();
	const calls = { verify: 0 };
	return { ...real, verifyCalls: calls, verifyPassword: (stored: string, password: string) => (calls.verify++, real.verifyPassword(stored, password)) };
});
const verifyCalls = (passwords as unknown as { verifyCalls: { verify: number } }).verifyCalls;

const mailbox = useTestMailbox();
const pushes: { userId: string; message: PushMessage }[] = [];
onPush((userId, message) => void pushes.push({ userId, message }));
afterEach(() => {
	pushes.length = 0;
});
const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

function setup() {
	const f = createSeededDb();
	const id = (email: string) => f.sqlite.prepare('select id from user where email = ?').pluck().get(email) as string;
	const leah = f.sqlite.prepare(`select id from young_person where preferred_name = 'Leah' and user_id is null`).pluck().get() as string;
	const amiraUser = id('amira@demo.harbour.test');
	const amira = f.sqlite.prepare(`select id from young_person where user_id = ?`).pluck().get(amiraUser) as string;
	return { ...f, priya: id('priya@demo.harbour.test'), chris: id('chris@demo.harbour.test'), sam: id('sam@demo.harbour.test'), amiraUser, amira, leah };
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

	it('recovery signs out every old session and puts lost passkeys aside', async () => {
		const f = setup();
		const token = generateSessionToken();
		createSession(f.db, token, { id: f.amiraUser, role: 'young_person' });
		f.db.insert(passkey).values({ id: 'cred-1', userId: f.amiraUser, publicKey: Buffer.from([1, 2, 3]), name: 'Old phone', createdAt: new Date() }).run();
		const { invitation } = createInvitation(f.db, { purpose: 'recovery', role: 'young_person', displayName: 'Amira', userId: f.amiraUser, invitedBy: f.priya });
		const result = await acceptInvitation(f.db, invitation, { password: 'a brand new password' });
		expect(result).toMatchObject({ ok: true, account: { id: f.amiraUser, role: 'young_person' } });
		expect(validateSessionToken(f.db, token)).toBeNull();
		expect(f.db.select().from(passkey).where(eq(passkey.userId, f.amiraUser)).all().filter((p) => !p.suspendedBy)).toHaveLength(0);
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

describe('issue 12: account security', () => {
	const leahRecord = (f: ReturnType<typeof setup>) => f.db.select().from(youngPerson).where(eq(youngPerson.id, f.leah)).get()!;

	it('finding 12.1: a new join link cancels the older one, and says so', async () => {
		const f = setup();
		const first = await inviteYoungPerson(f.db, 'https://h.test', leahRecord(f), f.chris);
		const second = await inviteYoungPerson(f.db, 'https://h.test', leahRecord(f), f.chris);
		if ('error' in first || 'error' in second || !first.shown || !second.shown) throw new Error('no link');
		expect(second.cancelled).toBe(1);
		expect(lookUpInvitation(f.db, tokenOf(first.link)).state).toBe('revoked');
		expect(lookUpInvitation(f.db, tokenOf(second.link)).state).toBe('valid');
	});

	it('finding 12.1: an older join link cannot take a record that has an account', async () => {
		const f = setup();
		// Two live links, as made before the fix (both straight into the table).
		const one = createInvitation(f.db, { purpose: 'join', role: 'young_person', displayName: 'Leah', youngPersonId: f.leah, invitedBy: f.chris });
		const two = createInvitation(f.db, { purpose: 'join', role: 'young_person', displayName: 'Leah', youngPersonId: f.leah, invitedBy: f.chris });
		const a = await acceptInvitation(f.db, one.invitation, { password: 'leah likes long walks', email: 'leah-a@example.org' });
		expect(a.ok).toBe(true);
		// Accepting cancelled the other link.
		expect(lookUpInvitation(f.db, two.token).state).toBe('revoked');
		const b = await acceptInvitation(f.db, two.invitation, { password: 'someone else entirely', email: 'leah-b@example.org' });
		expect(b).toEqual({ ok: false, reason: 'gone' });
		// Even a link that was never cancelled cannot move a record that has an account.
		f.sqlite.prepare('update invitation set revoked_at = null where id = ?').run(two.invitation.id);
		expect(lookUpInvitation(f.db, two.token).state).toBe('revoked');
		const c = await acceptInvitation(f.db, two.invitation, { password: 'someone else entirely', email: 'leah-c@example.org' });
		expect(c).toEqual({ ok: false, reason: 'has_account' });
		expect(leahRecord(f).userId).toBe(a.ok ? a.account.id : 'x');
		expect(f.db.select().from(user).where(eq(user.email, 'leah-c@example.org')).all()).toHaveLength(0);
		// And staff cannot make a join link for a record with an account: only recovery reaches it.
		expect(await inviteYoungPerson(f.db, 'https://h.test', leahRecord(f), f.chris)).toEqual({ error: 'has_account' });
	});

	it('finding 12.3: 50 parallel password guesses reach argon2 no more often than the throttle allows', async () => {
		const f = await (async () => {
			const f = setup();
			const { invitation } = createInvitation(f.db, { purpose: 'join', role: 'adviser', displayName: 'Ola', email: 'ola@example.org', invitedBy: f.priya });
			await acceptInvitation(f.db, invitation, { password: 'correct horse battery' });
			return f;
		})();
		const now = new Date('2026-11-24T10:00:00Z');
		// How many attempts the account's rules allow at one instant.
		let allowance = 0;
		for (let s = EMPTY_STATE; isAllowed(s, ACCOUNT_RULES, now.getTime()); s = afterFailure(s, ACCOUNT_RULES, now.getTime())) allowance++;
		verifyCalls.verify = 0;
		const guesses = Array.from({ length: 50 }, (_, i) => (i === 8 ? 'correct horse battery' : `wrong guess ${i}`));
		const results = await Promise.all(guesses.map((g, i) => signInWithPassword(f.db, 'ola@example.org', g, `10.50.0.${i}`, now)));
		expect(verifyCalls.verify).toBeLessThanOrEqual(allowance);
		expect(results.filter((r) => r.ok)).toHaveLength(0); // the right password, 9th, was throttled
		expect(results.filter((r) => !r.ok && r.reason === 'throttled').length).toBe(50 - verifyCalls.verify);
	});

	it('finding 12.3: 50 parallel passkey answers are reserved before any is verified', async () => {
		const f = setup();
		const site = { origin: 'https://h.test', rpID: 'h.test' };
		const now = new Date('2026-11-24T10:00:00Z');
		const answers = Array.from({ length: 50 }, (_, i) => signInWithPasskey(f.db, site, `challenge${i}`, { id: 'cred-x', type: 'public-key' }, `10.51.0.${i}`, now));
		const results = await Promise.all(answers);
		let allowance = 0;
		for (let s = EMPTY_STATE; isAllowed(s, ACCOUNT_RULES, now.getTime()); s = afterFailure(s, ACCOUNT_RULES, now.getTime())) allowance++;
		expect(results.filter((r) => !r.ok && r.reason === 'invalid').length).toBeLessThanOrEqual(allowance);
	});

	it('finding 12.4: a covering PA cannot make a recovery link; the assigned PA and a manager can', () => {
		const pa = { id: 'x', role: 'adviser' as const };
		expect(can(pa, 'young_person.recover', { kind: 'young_person', relation: 'cover' })).toBe(false);
		expect(can(pa, 'young_person.recover', { kind: 'young_person', relation: 'assigned' })).toBe(true);
		expect(can({ id: 'm', role: 'manager' }, 'young_person.recover', { kind: 'young_person', relation: 'service' })).toBe(true);
		expect(can({ id: 'j', role: 'mentor' }, 'young_person.recover', { kind: 'young_person', relation: 'matched' })).toBe(false);
	});

	it("finding 12.4: a recovery link by email goes to the young person's own address and is never shown to staff", async () => {
		const f = setup();
		const person = f.db.select().from(youngPerson).where(eq(youngPerson.id, f.amira)).get()!;
		const before = mailbox.messages().length;
		const made = await makeRecoveryLink(f.db, 'https://h.test', person, { id: f.sam, role: 'adviser' }, 'email');
		expect(made).toMatchObject({ shown: false, purpose: 'recovery', sentTo: 'a••••@demo.harbour.test' });
		expect(JSON.stringify(made)).not.toContain('/invite/');
		const mail = mailbox.messages().slice(before);
		expect(mail).toHaveLength(1);
		expect(mail[0]!.to).toContain('amira@demo.harbour.test');
		const link = /https:\/\/h\.test\/invite\/([a-z2-7]{32})/.exec(mail[0]!.text)?.[1] ?? '';
		expect(lookUpInvitation(f.db, link).state).toBe('valid');
		// The audit names who made it, against the link's id.
		const made_ = f.sqlite.prepare(`select actor_id, subject_type from audit_event where action = 'recovery.link_made.email'`).get() as { actor_id: string; subject_type: string };
		expect(made_).toEqual({ actor_id: f.sam, subject_type: 'invitation' });
		// A young person with no email on their account can only be given one in person.
		const leah = leahRecord(f);
		const joined = createInvitation(f.db, { purpose: 'join', role: 'young_person', displayName: 'Leah', youngPersonId: f.leah, invitedBy: f.chris });
		await acceptInvitation(f.db, joined.invitation, { passkey: { id: 'leah-key', publicKey: Buffer.from([1]), counter: 0, transports: [], backedUp: false }, passkeyName: 'Phone' });
		expect(await makeRecoveryLink(f.db, 'https://h.test', leahRecord(f), { id: f.chris, role: 'adviser' }, 'email')).toEqual({ error: 'no_email' });
		expect(leah.id).toBe(f.leah);
	});

	it("finding 12.4: a staff member's session cannot open a recovery link", () => {
		const recovery = { purpose: 'recovery' as const, userId: 'amira-user' };
		expect(recoveryRefusedFor({ id: 'sam' }, recovery)).toBe(true);
		expect(recoveryRefusedFor(null, recovery)).toBe(false);
		expect(recoveryRefusedFor({ id: 'amira-user' }, recovery)).toBe(false);
		expect(recoveryRefusedFor({ id: 'sam' }, { purpose: 'join', userId: null })).toBe(false);
	});

	it('finding 12.4: the young person is told by every channel, the audit names maker and user, and they can undo it within 7 days', async () => {
		const f = setup();
		const now = new Date('2026-11-24T10:00:00Z');
		// Amira's old phone: a session with alerts on, a passkey, and a password.
		const oldToken = generateSessionToken();
		const oldSession = createSession(f.db, oldToken, { id: f.amiraUser, role: 'young_person' }, now);
		f.sqlite.prepare(`insert into push_subscription (id, user_id, session_id, endpoint, p256dh, auth, created_at) values ('sub1', ?, ?, 'https://fcm.googleapis.com/x', 'k', 'a', 0)`).run(f.amiraUser, oldSession.id);
		f.db.insert(passkey).values({ id: 'old-key', userId: f.amiraUser, publicKey: Buffer.from([1]), name: 'Old phone', createdAt: now }).run();
		await changePassword(f.db, { userId: f.amiraUser, sessionId: oldSession.id, current: '', password: 'amira old password', confirm: 'amira old password', address: '10.4.0.1' }, now).catch(() => null);
		const oldHash = f.db.select({ h: user.passwordHash }).from(user).where(eq(user.id, f.amiraUser)).get()?.h;

		const person = f.db.select().from(youngPerson).where(eq(youngPerson.id, f.amira)).get()!;
		const made = await makeRecoveryLink(f.db, 'https://h.test', person, { id: f.sam, role: 'adviser' }, 'in_person');
		if ('error' in made || !made.shown) throw new Error('no link');
		const { invitation } = lookUpInvitation(f.db, tokenOf(made.link));
		const used = new Date(now.getTime() + 60_000);
		const result = await acceptInvitation(f.db, invitation!, { password: 'someone took over' }, used);
		if (!result.ok || !result.undoToken) throw new Error('not recovered');
		const newToken = generateSessionToken();
		createSession(f.db, newToken, result.account, used);
		const before = mailbox.messages().length;
		await tellOfRecovery(f.db, 'https://h.test', f.amiraUser, result.undoToken);

		// In the app, by email, and by push to the old phone (whose session has ended).
		expect(f.sqlite.prepare(`select kind from notification where user_id = ?`).pluck().all(f.amiraUser)).toContain('sign_in_method.recovered');
		const mail = mailbox.messages().slice(before);
		expect(mail.map((m) => m.to.join())).toEqual(['amira@demo.harbour.test']);
		expect(mail[0]!.text).toContain(`https://h.test/recovery/undo/${result.undoToken}`);
		expect(pushes).toEqual([{ userId: f.amiraUser, message: expect.objectContaining({ url: `/recovery/undo/${result.undoToken}` }) }]);
		expect(f.sqlite.prepare(`select count(*) from push_subscription where user_id = ?`).pluck().get(f.amiraUser)).toBe(0);
		expect(validateSessionToken(f.db, oldToken, used)).toBeNull();
		expect((await signInWithPassword(f.db, 'amira@demo.harbour.test', 'amira old password', '10.4.0.2', used)).ok).toBe(false);

		// Undo, within 7 days: the session the recovery made ends, the old password and passkey come back.
		const at = new Date(used.getTime() + 6 * 24 * 3600_000);
		expect(undoRecovery(f.db, result.undoToken, at).state).toBe('undone');
		expect(validateSessionToken(f.db, newToken, at)).toBeNull();
		expect(f.db.select({ h: user.passwordHash }).from(user).where(eq(user.id, f.amiraUser)).get()?.h).toBe(oldHash);
		expect(f.db.select().from(passkey).where(eq(passkey.id, 'old-key')).get()?.suspendedBy).toBeNull();
		expect((await signInWithPassword(f.db, 'amira@demo.harbour.test', 'someone took over', '10.4.0.3', new Date(at.getTime() + 10_000))).ok).toBe(false);
		expect((await signInWithPassword(f.db, 'amira@demo.harbour.test', 'amira old password', '10.4.0.4', new Date(at.getTime() + 20_000))).ok).toBe(true);
		expect(undoRecovery(f.db, result.undoToken, at).state).toBe('already');

		// The audit names who made the link (Sam) and who used it (Amira's account), by the link's id.
		const rows = f.sqlite.prepare(`select action, actor_id from audit_event where subject_type = 'invitation' and subject_id = ? order by id`).all(invitation!.id);
		expect(rows).toContainEqual({ action: 'recovery.link_made.in_person', actor_id: f.sam });
	});

	it('finding 12.4: a recovery cannot be undone after 7 days', async () => {
		const f = setup();
		const { invitation } = createInvitation(f.db, { purpose: 'recovery', role: 'young_person', displayName: 'Amira', userId: f.amiraUser, youngPersonId: f.amira, invitedBy: f.sam });
		const used = new Date('2026-11-24T10:00:00Z');
		const result = await acceptInvitation(f.db, invitation, { password: 'a brand new password' }, used);
		if (!result.ok || !result.undoToken) throw new Error('not recovered');
		expect(undoRecovery(f.db, result.undoToken, new Date(used.getTime() + 7 * 24 * 3600_000)).state).toBe('expired');
		expect(undoRecovery(f.db, 'b'.repeat(32)).state).toBe('unknown');
	});

	it('finding 12.6: wrong current passwords are throttled like sign-in, and a change signs out other sessions', async () => {
		const f = setup();
		const now = new Date('2026-11-24T10:00:00Z');
		const { invitation } = createInvitation(f.db, { purpose: 'join', role: 'adviser', displayName: 'Ola', email: 'ola@example.org', invitedBy: f.priya });
		const ola = await acceptInvitation(f.db, invitation, { password: 'correct horse battery' }, now);
		if (!ola.ok) throw new Error('no account');
		const here = createSession(f.db, generateSessionToken(), ola.account, now);
		const elsewhere = generateSessionToken();
		createSession(f.db, elsewhere, ola.account, now);
		const change = (current: string, i: number) =>
			changePassword(f.db, { userId: ola.account.id, sessionId: here.id, current, password: 'a new long password', confirm: 'a new long password', address: `10.6.0.${i}` }, now);
		verifyCalls.verify = 0;
		const guesses = await Promise.all(Array.from({ length: 30 }, (_, i) => change(`wrong ${i}`, i)));
		expect(guesses.filter((g) => !g.ok && g.reason === 'throttled').length).toBeGreaterThanOrEqual(28);
		expect(verifyCalls.verify).toBeLessThanOrEqual(2);
		// The right one, straight after, is throttled too.
		expect(await change('correct horse battery', 99)).toMatchObject({ ok: false, reason: 'throttled' });
		// Once the wait is over it works, and the other session is signed out; this one stays.
		const later = new Date(now.getTime() + 3600_000);
		const done = await changePassword(f.db, { userId: ola.account.id, sessionId: here.id, current: 'correct horse battery', password: 'a new long password', confirm: 'a new long password', address: '10.6.1.1' }, later);
		expect(done).toEqual({ ok: true, signedOut: 1 });
		expect(validateSessionToken(f.db, elsewhere, later)).toBeNull();
		expect(f.db.select().from(session).where(eq(session.id, here.id)).get()).toBeTruthy();
	});

	it('finding 12.10: the first step of passkey sign-in is throttled by address and outstanding challenges are capped', async () => {
		const f = setup();
		const site = { origin: 'https://h.test', rpID: 'h.test' };
		const now = new Date('2026-11-24T10:00:00Z');
		const count = () => f.sqlite.prepare(`select count(*) from webauthn_challenge`).pluck().get() as number;
		const one = await Promise.all(Array.from({ length: 300 }, () => beginPasskeySignIn(f.db, site, '10.10.0.1', now)));
		expect(one.filter((r) => r.ok)).toHaveLength(30);
		expect(count()).toBe(30);
		// Many addresses: never more than the cap waiting at once.
		const many = await Promise.all(Array.from({ length: 300 }, (_, i) => beginPasskeySignIn(f.db, site, `10.10.${1 + (i >> 8)}.${i & 255}`, now, 100)));
		expect(many.filter((r) => r.ok)).toHaveLength(70);
		expect(count()).toBe(100);
		// Expired challenges make room again.
		const later = new Date(now.getTime() + 6 * 60_000);
		expect((await beginPasskeySignIn(f.db, site, '10.10.9.9', later, 100)).ok).toBe(true);
		expect(count()).toBe(1);
	});

	it('finding 12.13: a young person who joins with a password gives an email and can then sign in with it', async () => {
		const f = setup();
		const made = await inviteYoungPerson(f.db, 'https://h.test', leahRecord(f), f.chris);
		if ('error' in made || !made.shown) throw new Error('no link');
		const { invitation } = lookUpInvitation(f.db, tokenOf(made.link));
		const joined = await acceptInvitation(f.db, invitation!, { password: 'leah likes the seaside', email: ' Leah.M@Example.org ' });
		expect(joined.ok).toBe(true);
		expect(await signInWithPassword(f.db, 'leah.m@example.org', 'leah likes the seaside', '10.13.0.1')).toEqual({ ok: true, account: { id: joined.ok ? joined.account.id : '', role: 'young_person' } });
		// An address already in use is refused, and uses up nothing.
		const again = createInvitation(f.db, { purpose: 'join', role: 'young_person', displayName: 'Maya', youngPersonId: f.sqlite.prepare(`select id from young_person where preferred_name = 'Maya' and user_id is null`).pluck().get() as string, invitedBy: f.chris });
		expect(await acceptInvitation(f.db, again.invitation, { password: 'maya has a long one', email: 'leah.m@example.org' })).toEqual({ ok: false, reason: 'email_taken' });
		expect(lookUpInvitation(f.db, again.token).state).toBe('valid');
	});
});
