import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { mentorMatch, youngPerson } from '../db/schema';

/** A mentor's active matches, with only what a mentor may see by default (the preferred name). */
export function activeMatchesFor(db: Db, mentorId: string) {
	return db
		.select({ id: mentorMatch.id, youngPersonId: mentorMatch.youngPersonId, name: youngPerson.preferredName, kind: mentorMatch.kind, rhythm: mentorMatch.rhythm, startedOn: mentorMatch.startedOn })
		.from(mentorMatch)
		.innerJoin(youngPerson, eq(youngPerson.id, mentorMatch.youngPersonId))
		.where(and(eq(mentorMatch.mentorId, mentorId), eq(mentorMatch.status, 'active')))
		.orderBy(asc(youngPerson.preferredName))
		.all();
}
