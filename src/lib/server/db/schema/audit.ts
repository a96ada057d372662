import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only: triggers in the migration refuse UPDATE and DELETE, and each row carries the hash
 * of the previous one so an edit made around the triggers is still detectable.
 * No field values, no tokens: who, what, which record, the outcome and the request id.
 */
export const auditEvent = sqliteTable(
	'audit_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		actorId: text('actor_id'),
		actorRole: text('actor_role'),
		action: text('action').notNull(),
		subjectType: text('subject_type'),
		subjectId: text('subject_id'),
		outcome: text('outcome', { enum: ['allowed', 'denied', 'invalid', 'failed'] }).notNull(),
		requestId: text('request_id'),
		prevHash: text('prev_hash').notNull(),
		hash: text('hash').notNull()
	},
	(t) => [
		index('audit_subject_idx').on(t.subjectType, t.subjectId, t.at),
		index('audit_actor_idx').on(t.actorId, t.at)
	]
);

export type AuditEvent = typeof auditEvent.$inferSelect;
