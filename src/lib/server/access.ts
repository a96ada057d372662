import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db } from './db/client';
import { assignment, mentorMatch, youngPerson } from './db/schema';
import type { Actor, Relation } from './policy';

/**
 * How `actor` stands to a young person today (a London calendar day), or 'missing' when there is
 * no such young person. Two indexed lookups at most.
 */
export function relationTo(db: Db, actor: Actor, youngPersonId: string, today: string): Relation | 'missing' {
	const yp = db.select({ userId: youngPerson.userId }).from(youngPerson).where(eq(youngPerson.id, youngPersonId)).get();
	if (!yp) return 'missing';
	switch (actor.role) {
		case 'young_person':
			return yp.userId === actor.id ? 'self' : 'none';
		case 'manager':
			return 'service';
		case 'mentor': {
			// Only an active match gives access; an ended one is remembered so routes can say so.
			const statuses = db
				.select({ status: mentorMatch.status })
				.from(mentorMatch)
				.where(and(eq(mentorMatch.youngPersonId, youngPersonId), eq(mentorMatch.mentorId, actor.id)))
				.all()
				.map((r) => r.status);
			if (statuses.includes('active')) return 'matched';
			if (statuses.includes('ended')) return 'match_ended';
			return 'none';
		}
		case 'adviser': {
			const rows = db
				.select({ kind: assignment.kind })
				.from(assignment)
				.where(
					and(
						eq(assignment.youngPersonId, youngPersonId),
						eq(assignment.adviserId, actor.id),
						lte(assignment.startsOn, today),
						or(isNull(assignment.endsOn), gte(assignment.endsOn, today))
					)
				)
				.all();
			if (rows.some((r) => r.kind === 'primary')) return 'assigned';
			if (rows.some((r) => r.kind === 'cover')) return 'cover';
			return 'none';
		}
	}
}
