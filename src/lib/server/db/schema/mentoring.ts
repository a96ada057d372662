import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('mentor_match_mentor_idx').on(t.mentorId, t.status), index('mentor_match_person_idx').on(t.youngPersonId, t.status)]
);

export type MentorMatch = typeof mentorMatch.$inferSelect;
