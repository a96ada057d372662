import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { youngPerson } from './people';
import { user } from './users';

export const FLAG_KINDS = ['might_lose_home', 'asked_to_leave', 'not_safe', 'need_to_move', 'repairs', 'homeless_tonight'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
export const FLAG_URGENCIES = ['urgent', 'soon', 'routine'] as const;
export const FLAG_STATUSES = ['raised', 'acknowledged', 'resolved'] as const;
export const FLAG_ACTIONS = ['visit', 'referral', 'emergency_accommodation', 'staying_put_discussion', 'staying_close_discussion', 'deposit_or_rent_in_advance', 'other'] as const;
export const FLAG_OUTCOMES = ['stayed', 'moved_suitable', 'moved_temporary', 'staying_put', 'no_longer_needed', 'other'] as const;

/**
 * A worry about a young person's home, raised by them, their mentor or their PA. `operationId`
 * (unique per person raising it) makes a double tap or a resent offline write create one flag.
 */
export const housingFlag = sqliteTable(
	'housing_flag',
	{
		id: text('id').primaryKey(),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		raisedBy: text('raised_by')
			.notNull()
			.references(() => user.id),
		operationId: text('operation_id').notNull(),
		kind: text('kind', { enum: FLAG_KINDS }).notNull(),
		urgency: text('urgency', { enum: FLAG_URGENCIES }).notNull(),
		/** What the person raising it wrote; the young person sees it as written (the form says so). */
		note: text('note').notNull().default(''),
		/** A mentor's or staff member's note for the PA and managers only: never shown to the young person or exported to them. */
		staffNote: text('staff_note').notNull().default(''),
		noticeOn: text('notice_on'),
		/** The day homelessness was first threatened (the notice date, or the day it was raised): starts the 56 days. */
		threatenedOn: text('threatened_on'),
		status: text('status', { enum: FLAG_STATUSES }).notNull(),
		raisedAt: integer('raised_at', { mode: 'timestamp_ms' }).notNull(),
		acknowledgedAt: integer('acknowledged_at', { mode: 'timestamp_ms' }),
		acknowledgedBy: text('acknowledged_by').references(() => user.id),
		resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
		resolvedBy: text('resolved_by').references(() => user.id),
		outcome: text('outcome', { enum: FLAG_OUTCOMES }),
		resolution: text('resolution')
	},
	(t) => [
		uniqueIndex('housing_flag_operation_idx').on(t.raisedBy, t.operationId),
		index('housing_flag_person_idx').on(t.youngPersonId, t.status),
		index('housing_flag_status_idx').on(t.status, t.raisedAt)
	]
);

/** Each step on a flag: acknowledged, an action, an update from the young person, resolved, escalated. Append-only. */
export const housingFlagEvent = sqliteTable(
	'housing_flag_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flagId: text('flag_id')
			.notNull()
			.references(() => housingFlag.id),
		kind: text('kind', { enum: ['raised', 'acknowledged', 'action', 'update', 'duty_to_refer', 'resolved', 'escalated'] }).notNull(),
		action: text('action', { enum: FLAG_ACTIONS }),
		note: text('note').notNull().default(''),
		actorId: text('actor_id').references(() => user.id),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('housing_flag_event_flag_idx').on(t.flagId, t.id)]
);

/** The duty to refer (Housing Act 1996 s213B): consent, to which housing authority, and when. */
export const dutyToRefer = sqliteTable(
	'duty_to_refer',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flagId: text('flag_id')
			.notNull()
			.references(() => housingFlag.id),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		consentGiven: integer('consent_given', { mode: 'boolean' }).notNull(),
		consentOn: text('consent_on'),
		housingAuthority: text('housing_authority').notNull(),
		referredOn: text('referred_on'),
		recordedBy: text('recorded_by')
			.notNull()
			.references(() => user.id),
		recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('duty_to_refer_flag_idx').on(t.flagId)]
);

/**
 * Where a young person has lived: an SSDA903 ACCOM code (type letter + suitability 1/2), from and
 * to. The DfE indicators read this. `emergency` marks bed and breakfast or other emergency
 * accommodation (the 2-working-day clock); `councilProvided` starts the 7-day PA visit clock.
 */
export const accommodationStay = sqliteTable(
	'accommodation_stay',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		accomCode: text('accom_code').notNull(),
		fromOn: text('from_on').notNull(),
		toOn: text('to_on'),
		emergency: integer('emergency', { mode: 'boolean' }).notNull().default(false),
		councilProvided: integer('council_provided', { mode: 'boolean' }).notNull().default(false),
		note: text('note').notNull().default(''),
		recordedBy: text('recorded_by')
			.notNull()
			.references(() => user.id),
		recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('accommodation_stay_person_idx').on(t.youngPersonId, t.fromOn)]
);

/**
 * An escalation already made, keyed by what it is about (e.g. `flag-ack:<id>`), so a job that
 * runs twice, or on two servers, escalates once.
 */
export const escalation = sqliteTable('escalation', {
	key: text('key').primaryKey(),
	subjectType: text('subject_type').notNull(),
	subjectId: text('subject_id').notNull(),
	youngPersonId: text('young_person_id').references(() => youngPerson.id),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

export type HousingFlag = typeof housingFlag.$inferSelect;
export type AccommodationStay = typeof accommodationStay.$inferSelect;
