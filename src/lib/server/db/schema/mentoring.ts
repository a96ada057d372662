import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { youngPerson } from './people';
import { user } from './users';

export const MATCH_STATUSES = ['proposed', 'introduced', 'active', 'paused', 'ended'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export const RHYTHMS = ['weekly', 'fortnightly', 'monthly'] as const;

/**
 * A mentor or befriender matched with a young person. Access follows the status: a mentor sees
 * a young person (what they share) only while the match is active or paused; ended means no access.
 */
export const mentorMatch = sqliteTable(
	'mentor_match',
	{
		id: text('id').primaryKey(),
		mentorId: text('mentor_id')
			.notNull()
			.references(() => user.id),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		kind: text('kind', { enum: ['mentor', 'befriender'] }).notNull().default('mentor'),
		status: text('status', { enum: MATCH_STATUSES }).notNull(),
		rhythm: text('rhythm', { enum: RHYTHMS }).notNull().default('fortnightly'),
		startedOn: text('started_on'),
		plannedEndOn: text('planned_end_on'),
		endedOn: text('ended_on'),
		closingNote: text('closing_note'),
		/** What the young person lets this mentor see beyond their preferred name (they choose; the minimum by default). */
		shares: text('shares', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('mentor_match_mentor_idx').on(t.mentorId, t.status), index('mentor_match_person_idx').on(t.youngPersonId, t.status)]
);

export type MentorMatch = typeof mentorMatch.$inferSelect;

export const DBS_LEVELS = ['basic', 'enhanced', 'enhanced_barred_children'] as const;

/** A volunteer's vetting and what they offer, kept by the manager or coordinator. */
export const mentorProfile = sqliteTable('mentor_profile', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id),
	offers: text('offers', { enum: ['mentor', 'befriender', 'both'] }).notNull().default('both'),
	dbsLevel: text('dbs_level', { enum: DBS_LEVELS }),
	certificateOn: text('certificate_on'),
	updateServiceCheckedOn: text('update_service_checked_on'),
	referencesReceived: integer('references_received').notNull().default(0),
	trainingCompletedOn: text('training_completed_on'),
	lastSupervisionOn: text('last_supervision_on'),
	capacity: integer('capacity').notNull().default(2),
	gender: text('gender', { enum: ['female', 'male', 'non_binary', 'not_said'] }).notNull().default('not_said'),
	interests: text('interests', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
	languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
	/** Approximate home location (postcode district centre): distances, never an address. */
	area: text('area').notNull().default(''),
	lat: real('lat'),
	lon: real('lon'),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

/** A young person asking for a mentor or befriender, and what matters to them. */
export const matchRequest = sqliteTable(
	'match_request',
	{
		id: text('id').primaryKey(),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		kind: text('kind', { enum: ['mentor', 'befriender', 'either'] }).notNull(),
		interests: text('interests', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
		languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
		genderPreference: text('gender_preference', { enum: ['any', 'female', 'male', 'non_binary'] }).notNull().default('any'),
		area: text('area').notNull().default(''),
		lat: real('lat'),
		lon: real('lon'),
		frequency: text('frequency', { enum: RHYTHMS }).notNull().default('fortnightly'),
		status: text('status', { enum: ['open', 'matched', 'withdrawn'] }).notNull().default('open'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('match_request_status_idx').on(t.status, t.createdAt)]
);

export const CONTACT_MODES = ['in_person', 'call', 'video', 'message'] as const;

/** A mentor's log of time with their mentee. The mentor's own words: kept on the record after a match ends. */
export const contactLog = sqliteTable(
	'contact_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		matchId: text('match_id')
			.notNull()
			.references(() => mentorMatch.id),
		mentorId: text('mentor_id')
			.notNull()
			.references(() => user.id),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		occurredOn: text('occurred_on').notNull(),
		mode: text('mode', { enum: CONTACT_MODES }).notNull(),
		minutes: integer('minutes').notNull(),
		note: text('note').notNull().default(''),
		mood: text('mood', { enum: ['good', 'okay', 'low', 'not_said'] }).notNull().default('not_said'),
		nextPlannedOn: text('next_planned_on'),
		operationId: text('operation_id').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('contact_log_operation_idx').on(t.mentorId, t.operationId),
		index('contact_log_match_idx').on(t.matchId, t.occurredOn),
		// "Last seen by a mentor" across a caseload reads this index only.
		index('contact_log_person_idx').on(t.youngPersonId, t.occurredOn),
		index('contact_log_mentor_idx').on(t.mentorId, t.occurredOn)
	]
);

export const CONCERN_GRADES = ['note', 'worry', 'urgent'] as const;

/** A worry about a young person, from a mentor (or anyone who works with them), that reaches the PA. */
export const concern = sqliteTable(
	'concern',
	{
		id: text('id').primaryKey(),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		matchId: text('match_id').references(() => mentorMatch.id),
		contactLogId: integer('contact_log_id').references(() => contactLog.id),
		raisedBy: text('raised_by')
			.notNull()
			.references(() => user.id),
		grade: text('grade', { enum: CONCERN_GRADES }).notNull(),
		text: text('text').notNull(),
		operationId: text('operation_id').notNull(),
		raisedAt: integer('raised_at', { mode: 'timestamp_ms' }).notNull(),
		acknowledgedAt: integer('acknowledged_at', { mode: 'timestamp_ms' }),
		acknowledgedBy: text('acknowledged_by').references(() => user.id),
		/** What the PA did: staff only, never shown to the mentor. */
		paAction: text('pa_action')
	},
	(t) => [uniqueIndex('concern_operation_idx').on(t.raisedBy, t.operationId), index('concern_person_idx').on(t.youngPersonId, t.raisedAt)]
);

/** People the young person trusts, added by them: a network they keep. */
export const trustedAdult = sqliteTable(
	'trusted_adult',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		youngPersonId: text('young_person_id')
			.notNull()
			.references(() => youngPerson.id),
		name: text('name').notNull(),
		relationship: text('relationship').notNull(),
		contact: text('contact').notNull().default(''),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('trusted_adult_person_idx').on(t.youngPersonId)]
);

export const SHAREABLE = ['age', 'interests', 'phone', 'college', 'home_situation'] as const;
export type Shareable = (typeof SHAREABLE)[number];
