import { recordAudit } from '$lib/server/audit';
import { requireActor } from '$lib/server/auth/guards';
import { listPasskeys } from '$lib/server/auth/passkeys';
import { changePassword } from '$lib/server/auth/accounts';
import { MAX_PASSWORD } from '$lib/server/auth/password';
import { getDb } from '$lib/server/db';
import { passkey, session, user } from '$lib/server/db/schema';
import { ACCOUNT_KINDS, listNotifications, notifyUser } from '$lib/server/notify/in-app';
import { alertsOnFor, vapidPublicKey } from '$lib/server/notify/push';
import { fail } from '@sveltejs/kit';
import { and, desc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

// Everyone's own account: how they sign in, where they are signed in, and their data.
export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	const db = getDb();
	const me = db.select({ passwordHash: user.passwordHash, email: user.email }).from(user).where(eq(user.id, actor.id)).get();
	return {
		email: me?.email ?? null,
		hasPassword: Boolean(me?.passwordHash),
		passkeys: listPasskeys(db, actor.id).map((p) => ({ id: p.id, name: p.name, createdAt: p.createdAt.toISOString(), lastUsedAt: p.lastUsedAt?.toISOString() ?? null })),
		sessions: db
			.select({ id: session.id, device: session.device, createdAt: session.createdAt, lastSeenAt: session.lastSeenAt })
			.from(session)
			.where(eq(session.userId, actor.id))
			.orderBy(desc(session.lastSeenAt))
			.all()
			.map((s) => ({ current: s.id === event.locals.session?.id, device: s.device, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString() })),
		// Young people only: whether this phone keeps their summary to read without signal.
		ownDevice: actor.role === 'young_person' ? Boolean(event.locals.session?.ownDevice) : null,
		// Alerts on this device: the key browsers subscribe with (null: push could not start), and whether this session has them on.
		alerts: { publicKey: vapidPublicKey(), onHere: event.locals.session ? alertsOnFor(db, event.locals.session.id) : false },
		notifications: listNotifications(db, actor.id, 10, ACCOUNT_KINDS).map((n) => ({ id: n.id, kind: n.kind, data: n.data, createdAt: n.createdAt.toISOString() }))
	};
};

const PasswordForm = z.object({ current: z.string().max(MAX_PASSWORD * 4).optional(), password: z.string().max(MAX_PASSWORD * 4), confirm: z.string().max(MAX_PASSWORD * 4) });
const PasskeyForm = z.object({ passkey: z.string().min(1).max(1024) });
const OwnDeviceForm = z.object({ keep: z.enum(['yes', 'no']) });

export const actions: Actions = {
	/** "This is my own phone", changed after sign-in: for this session (this device) only. */
	ownDevice: async (event) => {
		const actor = requireActor(event);
		const db = getDb();
		const parsed = OwnDeviceForm.safeParse(Object.fromEntries(await event.request.formData()));
		const current = event.locals.session?.id;
		if (actor.role !== 'young_person' || !current || !parsed.success) {
			recordAudit(db, { action: 'account.own_device', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
			return fail(400, { ownDeviceError: 'invalid' });
		}
		const keep = parsed.data.keep === 'yes';
		db.update(session).set({ ownDevice: keep }).where(and(eq(session.id, current), eq(session.userId, actor.id))).run();
		recordAudit(db, { action: 'account.own_device', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
		return { ownDeviceSaved: keep };
	},

	signOutOthers: (event) => {
		const actor = requireActor(event);
		const db = getDb();
		const current = event.locals.session?.id ?? '';
		const removed = db.delete(session).where(and(eq(session.userId, actor.id), ne(session.id, current))).run().changes;
		if (removed > 0) notifyUser(db, actor.id, 'sessions.signed_out_elsewhere', { count: String(removed) });
		recordAudit(db, { action: 'account.sign_out_others', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
		return { signedOutOthers: removed };
	},

	removePasskey: async (event) => {
		const actor = requireActor(event);
		const db = getDb();
		const parsed = PasskeyForm.safeParse(Object.fromEntries(await event.request.formData()));
		const mine = listPasskeys(db, actor.id);
		const target = parsed.success ? mine.find((p) => p.id === parsed.data.passkey) : undefined;
		const hasPassword = Boolean(db.select({ h: user.passwordHash }).from(user).where(eq(user.id, actor.id)).get()?.h);
		if (!target) {
			recordAudit(db, { action: 'account.remove_passkey', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
			return fail(400, { passkeyError: 'invalid' });
		}
		if (mine.length === 1 && !hasPassword) return fail(400, { passkeyError: 'last_method' });
		db.delete(passkey).where(and(eq(passkey.id, target.id), eq(passkey.userId, actor.id))).run();
		notifyUser(db, actor.id, 'sign_in_method.passkey_removed', { name: target.name });
		recordAudit(db, { action: 'account.remove_passkey', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
		return { passkeyRemoved: target.name };
	},

	setPassword: async (event) => {
		const actor = requireActor(event);
		const db = getDb();
		const parsed = PasswordForm.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) {
			recordAudit(db, { action: 'account.set_password', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
			return fail(400, { passwordErrors: { password: 'too_long' } as Record<string, string> });
		}
		// The current password is checked under the sign-in throttle; other sessions end (finding 12.6).
		const result = await changePassword(db, {
			userId: actor.id,
			sessionId: event.locals.session?.id ?? null,
			current: parsed.data.current ?? '',
			password: parsed.data.password,
			confirm: parsed.data.confirm,
			address: event.getClientAddress()
		});
		if (!result.ok) {
			recordAudit(db, { action: 'account.set_password', outcome: result.reason === 'throttled' ? 'failed' : 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
			if (result.reason === 'throttled') return fail(429, { passwordErrors: {} as Record<string, string>, passwordRetryAt: result.retryAt.toISOString() });
			return fail(400, { passwordErrors: result.errors });
		}
		recordAudit(db, { action: 'account.set_password', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
		return { passwordSet: true, signedOutOthers: result.signedOut };
	}
};
