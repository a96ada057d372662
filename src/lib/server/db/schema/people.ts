import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './users';
import { LEAVING_ROUTES } from '../../../domain/money/status';

export const LEGAL_STATUSES = ['eligible', 'relevant', 'former_relevant', 'qualifying'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export const ACTIVITIES = [
	'school_or_college',
	'higher_education',
	'apprenticeship',
	'employment',
	'training',
	'not_in_work_or_learning'
] as const;
export type Activity = (typeof ACTIVITIES)[number];

/**
 * A young person with care experience. Life-event dates are `YYYY-MM-DD` (a day in England),
 * never instants. The care history facts feed the eligibility engine; `legalStatus` is what was
 * recorded when those facts are missing.
 */
export const youngPerson = sqliteTable(
	'young_person',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.unique()
			.references(() => user.id),
		fullName: text('full_name').notNull(),
		preferredName: text('preferred_name').notNull(),
		dateOfBirth: text('date_of_birth').notNull(),
		legalStatus: text('legal_status', { enum: LEGAL_STATUSES }).notNull(),
		weeksLookedAfterSince14: integer('weeks_looked_after_since_14'),
		lookedAfterOn16thBirthday: integer('looked_after_on_16th_birthday', { mode: 'boolean' }),
		leftCareOn: text('left_care_on'),
		/** How they left care, where that changes their status (special guardianship, a "lives with" order, adoption, home). */
		leftCareRoute: text('left_care_route', { enum: LEAVING_ROUTES }),
		/** The day they moved into their first home of their own: the setting up home allowance is the amount in force then. */
		movedIntoFirstHomeOn: text('moved_into_first_home_on'),
		/** The day the needs assessment was completed (CPPCR 2010 reg 42: within 3 months of the 16th birthday). */
		needsAssessmentCompletedOn: text('needs_assessment_completed_on'),
		uasc: integer('uasc', { mode: 'boolean' }).notNull().default(false),
		parent: integer('parent', { mode: 'boolean' }).notNull().default(false),
		stayingPut: integer('staying_put', { mode: 'boolean' }).notNull().default(false),
		activity: text('activity', { enum: ACTIVITIES }),
		activityStartedOn: text('activity_started_on'),
		languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
		/** What they tell Harbour about themselves, for sharing with a mentor if they choose. */
		interests: text('interests', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
		phone: text('phone'),
		college: text('college'),
		homeSituation: text('home_situation'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [index('young_person_dob_idx').on(t.dateOfBirth), index('young_person_status_idx').on(t.legalStatus)]
);

/**
 * Who is a young person's PA, over time. A row with `endsOn` null is current. `kind = 'cover'`
 * is a time-boxed cover period while the main PA is away; it must have an end date.
 */
export const assignment = sqliteTable(
	'assignment',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		adviserId: text('adviser_id')
			.notNull()
			.references(() => user.id),
		kind: text('kind', { enum: ['primary', 'cover'] })
			.notNull()
			.default('primary'),
		startsOn: text('starts_on').notNull(),
		endsOn: text('ends_on'),
		reason: text('reason'),
		createdBy: text('created_by').references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [
		// Covers both the caseload look-up and the manager's count of caseloads (no table reads).
		index('assignment_adviser_idx').on(t.adviserId, t.endsOn, t.kind, t.startsOn),
		index('assignment_young_person_idx').on(t.youngPersonId, t.endsOn)
	]
);

export type YoungPerson = typeof youngPerson.$inferSelect;
export type Assignment = typeof assignment.$inferSelect;
