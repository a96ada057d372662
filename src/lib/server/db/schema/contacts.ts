import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { youngPerson } from './people';
import { user } from './users';

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
