import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

import { ROLES } from '../../../domain/roles';

export { ROLES, type Role } from '../../../domain/roles';

export const user = sqliteTable(
	'user',
	{
		id: text('id').primaryKey(),
		role: text('role', { enum: ROLES }).notNull(),
		displayName: text('display_name').notNull(),
		email: text('email').unique(),
		/** argon2id (PHC string); null when the person signs in with passkeys only. */
		passwordHash: text('password_hash'),
		locale: text('locale'),
		status: text('status', { enum: ['active', 'disabled'] })
			.notNull()
			.default('active'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
		disabledAt: integer('disabled_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('user_role_idx').on(t.role)]
);

/** Lucia-guide sessions: the cookie carries the token; only its SHA-256 (hex) is stored as the id. */
export const session = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		/** A short description of the browser ("Chrome on Android"), so people can tell their sessions apart. */
		device: text('device').notNull().default(''),
		/**
		 * The person said at sign-in "this is my own phone": only then does a young person's own
		 * summary get kept on the device for reading without signal (issue 8). Never for staff.
		 */
		ownDevice: integer('own_device', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

export type User = typeof user.$inferSelect;
export type Session = typeof session.$inferSelect;
