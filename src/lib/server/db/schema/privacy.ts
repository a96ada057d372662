import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { youngPerson } from './people';
import { user } from './users';

export const SAR_STATUSES = ['requested', 'prepared', 'released'] as const;
export const REDACTION_REASONS = ['third_party', 'serious_harm', 'crime_or_safeguarding', 'legal_privilege', 'other'] as const;
export type RedactionReason = (typeof REDACTION_REASONS)[number];

/**
 * A young person's request for a reviewed copy of everything held about them (UK GDPR Art. 15):
 * what their own pages hide goes only through here. A manager prepares it, redacts what must be
 * withheld (each redaction recorded) and releases it by `dueOn`, one calendar month after receipt.
 */
export const subjectAccessRequest = sqliteTable(
	'subject_access_request',
	{
		id: text('id').primaryKey(),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		requestedBy: text('requested_by')
			.notNull()
			.references(() => user.id),
		operationId: text('operation_id').notNull(),
		/** London calendar day the request was received, and the statutory deadline (one calendar month later). */
		receivedOn: text('received_on').notNull(),
		dueOn: text('due_on').notNull(),
		status: text('status', { enum: SAR_STATUSES }).notNull(),
		requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull(),
		preparedBy: text('prepared_by').references(() => user.id),
		preparedAt: integer('prepared_at', { mode: 'timestamp_ms' }),
		/** The full copy as prepared (JSON), before redaction. */
		prepared: text('prepared'),
		releasedBy: text('released_by').references(() => user.id),
		releasedAt: integer('released_at', { mode: 'timestamp_ms' }),
		/** The copy as released (JSON), redactions applied: what the young person downloads. */
		released: text('released')
	},
	(t) => [
		uniqueIndex('sar_operation_idx').on(t.requestedBy, t.operationId),
		index('sar_status_idx').on(t.status, t.dueOn),
		index('sar_person_idx').on(t.youngPersonId, t.requestedAt)
	]
);

/** One value withheld from a reviewed copy: what, why, by whom and when. Append-only. */
export const subjectAccessRedaction = sqliteTable(
	'subject_access_redaction',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		requestId: text('request_id')
			.notNull()
			.references(() => subjectAccessRequest.id),
		tableName: text('table_name').notNull(),
		rowKey: text('row_key').notNull(),
		columnName: text('column_name').notNull(),
		reason: text('reason', { enum: REDACTION_REASONS }).notNull(),
		why: text('why').notNull(),
		redactedBy: text('redacted_by')
			.notNull()
			.references(() => user.id),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('sar_redaction_item_idx').on(t.requestId, t.tableName, t.rowKey, t.columnName)]
);

export type SubjectAccessRequest = typeof subjectAccessRequest.$inferSelect;
