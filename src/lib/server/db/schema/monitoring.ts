import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { youngPerson } from './people';
import { user } from './users';

export const CHECK_IN_DOMAINS = ['housing', 'health', 'relationships', 'activities', 'money', 'work_learning', 'independence', 'identity'] as const;
export type CheckInDomain = (typeof CHECK_IN_DOMAINS)[number];

/** A young person's check-in: 8 areas of life, each 1 (bad) to 5 (good), with their own words if they want. */
export const checkIn = sqliteTable(
	'check_in',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		userId: text('user_id')
			.notNull()
			.references(() => user.id),
		scores: text('scores', { mode: 'json' }).$type<Record<CheckInDomain, number>>().notNull(),
		words: text('words').notNull().default(''),
		operationId: text('operation_id').notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('check_in_operation_idx').on(t.userId, t.operationId), index('check_in_person_idx').on(t.youngPersonId, t.at)]
);

export type CheckIn = typeof checkIn.$inferSelect;

/**
 * The DfE birthday data (SSDA903 table OC3) for one young person at one birthday: in touch,
 * activity, accommodation. One row per person per birthday age; recording again corrects it.
 */
export const birthdayReturn = sqliteTable(
	'birthday_return',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		age: integer('age').notNull(),
		reportingYear: integer('reporting_year').notNull(),
		inTouch: text('in_touch').notNull(),
		activity: text('activity').notNull(),
		accommodation: text('accommodation').notNull(),
		recordedBy: text('recorded_by')
			.notNull()
			.references(() => user.id),
		recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('birthday_return_person_age_idx').on(t.youngPersonId, t.age), index('birthday_return_year_idx').on(t.reportingYear)]
);

/** Pathway plan reviews held, and reviews the young person asked for (either makes one due). */
export const pathwayReview = sqliteTable(
	'pathway_review',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		kind: text('kind', { enum: ['review', 'request'] }).notNull(),
		on: text('on').notNull(),
		recordedBy: text('recorded_by')
			.notNull()
			.references(() => user.id),
		recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('pathway_review_person_idx').on(t.youngPersonId, t.kind, t.on)]
);

export const CONTACT_METHODS = ['visit', 'call', 'message', 'office'] as const;

/** A PA's record of a contact with a young person (Care Leavers (England) Regs 2010 reg 8: keep a written record). */
export const paContact = sqliteTable(
	'pa_contact',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		adviserId: text('adviser_id')
			.notNull()
			.references(() => user.id),
		occurredOn: text('occurred_on').notNull(),
		method: text('method', { enum: CONTACT_METHODS }).notNull(),
		inTouch: integer('in_touch', { mode: 'boolean' }).notNull(),
		note: text('note').notNull().default(''),
		restricted: integer('restricted', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [index('pa_contact_young_person_idx').on(t.youngPersonId, t.occurredOn)]
);

export type PaContact = typeof paContact.$inferSelect;
