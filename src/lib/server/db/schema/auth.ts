import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../../domain/roles';
import { youngPerson } from './people';
import { session, user } from './users';

/** A WebAuthn credential (passkey). The public key only: the private key never leaves the device. */
export const passkey = sqliteTable(
	'passkey',
	{
		id: text('id').primaryKey(), // credential id, base64url
		userId: text('user_id')
			.notNull()
			.references(() => user.id),
		publicKey: blob('public_key', { mode: 'buffer' }).notNull(),
		counter: integer('counter').notNull().default(0),
		transports: text('transports', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
		backedUp: integer('backed_up', { mode: 'boolean' }).notNull().default(false),
		name: text('name').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
		/**
		 * Set when an account recovery put this passkey aside (finding 12.4): it no longer signs in,
		 * but an undo within 7 days gives it back. Holds the recovery invitation's id.
		 */
		suspendedBy: text('suspended_by')
	},
	(t) => [index('passkey_user_idx').on(t.userId)]
);

/**
 * A one-time link to join Harbour (or, with `purpose = 'recovery'`, to get back into an existing
 * account). Only the SHA-256 of the link's token is stored. Valid 7 days; can be revoked.
 */
export const invitation = sqliteTable(
	'invitation',
	{
		id: text('id').primaryKey(),
		tokenHash: text('token_hash').notNull().unique(),
		purpose: text('purpose', { enum: ['join', 'recovery'] }).notNull(),
		role: text('role', { enum: ROLES }).notNull(),
		displayName: text('display_name').notNull(),
		email: text('email'),
		youngPersonId: text('young_person_id').references(() => youngPerson.id),
		/** For a recovery invitation: the account it lets back in. */
		userId: text('user_id').references(() => user.id),
		invitedBy: text('invited_by')
			.notNull()
			.references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		/** The account that used the link (a new one for a join, the recovered one for a recovery). */
		usedBy: text('used_by').references(() => user.id),
		/** Recovery only: how the link reached the young person ('email' to their own address, or 'in_person', shown once). */
		delivery: text('delivery', { enum: ['email', 'in_person'] }),
		/** Recovery only: the SHA-256 of the "this was not me" link sent to the young person once it is used; valid 7 days. */
		undoTokenHash: text('undo_token_hash').unique(),
		undoneAt: integer('undone_at', { mode: 'timestamp_ms' }),
		/** Recovery only: the password the account had before, so an undo can give it back. */
		previousPasswordHash: text('previous_password_hash')
	},
	(t) => [index('invitation_young_person_idx').on(t.youngPersonId), index('invitation_invited_by_idx').on(t.invitedBy)]
);

/** A WebAuthn challenge: single use, five minutes, tied to the browser by a cookie holding its id. */
export const webauthnChallenge = sqliteTable('webauthn_challenge', {
	id: text('id').primaryKey(),
	challenge: text('challenge').notNull(),
	purpose: text('purpose', { enum: ['register', 'authenticate'] }).notNull(),
	userId: text('user_id').references(() => user.id),
	invitationId: text('invitation_id').references(() => invitation.id),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
}, (t) => [index('webauthn_challenge_expires_idx').on(t.expiresAt)]);

/** Sign-in throttling state, kept in the database so it survives restarts and spans app nodes. */
export const throttle = sqliteTable('throttle', {
	key: text('key').primaryKey(), // "account:<sha256 of email>" or "address:<ip>"
	consecutive: integer('consecutive').notNull(),
	lastFailureAt: integer('last_failure_at').notNull(),
	windowStart: integer('window_start').notNull(),
	windowCount: integer('window_count').notNull()
});

/** Something Harbour tells a person in the app (and, later, by push). */
export const notification = sqliteTable(
	'notification',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id),
		kind: text('kind').notNull(),
		/** Parameters for the message, never free text about someone else. */
		data: text('data', { mode: 'json' }).$type<Record<string, string>>().notNull().default(sql`'{}'`),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		readAt: integer('read_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('notification_user_idx').on(t.userId, t.createdAt)]
);

/**
 * A browser's web-push subscription (issue 8): one per device, tied to the session that made it,
 * so signing out of that device (or the session ending) stops pushes to it.
 */
export const pushSubscription = sqliteTable(
	'push_subscription',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id),
		sessionId: text('session_id').references(() => session.id, { onDelete: 'cascade' }),
		endpoint: text('endpoint').notNull().unique(),
		p256dh: text('p256dh').notNull(),
		auth: text('auth').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		lastSentAt: integer('last_sent_at', { mode: 'timestamp_ms' }),
		/** Set when the push service said the subscription is gone (404/410); never sent to again. */
		goneAt: integer('gone_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('push_subscription_user_idx').on(t.userId)]
);

export type Passkey = typeof passkey.$inferSelect;
export type PushSubscriptionRow = typeof pushSubscription.$inferSelect;
export type Invitation = typeof invitation.$inferSelect;
