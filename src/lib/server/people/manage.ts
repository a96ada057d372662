import { and, asc, desc, eq, isNull, like, ne, or } from 'drizzle-orm';
import { addCalendarDays } from '../../domain/dates';
import type { Role } from '../../domain/roles';
import { invalidateUserSessions } from '../auth/session';
import type { Db } from '../db/client';
import { assignment, user, youngPerson } from '../db/schema';

export const STAFF_ROLES = ['adviser', 'mentor', 'manager'] as const satisfies readonly Role[];

export function listStaff(db: Db) {
	return db
		.select({ id: user.id, displayName: user.displayName, email: user.email, role: user.role, status: user.status })
		.from(user)
		.where(ne(user.role, 'young_person'))
		.orderBy(asc(user.role), asc(user.displayName))
		.all();
}

export function getStaffMember(db: Db, id: string) {
	return db
		.select({ id: user.id, displayName: user.displayName, email: user.email, role: user.role, status: user.status })
		.from(user)
		.where(and(eq(user.id, id), ne(user.role, 'young_person')))
		.get();
}

export function emailInUse(db: Db, email: string): boolean {
	return Boolean(db.select({ id: user.id }).from(user).where(eq(user.email, email.trim().toLowerCase())).get());
}

export function listAdvisers(db: Db) {
	return db
		.select({ id: user.id, displayName: user.displayName })
		.from(user)
		.where(and(eq(user.role, 'adviser'), eq(user.status, 'active')))
		.orderBy(asc(user.displayName))
		.all();
}

/** A change of role or a disabled account takes effect on the next request: sessions end now. */
export function changeRole(db: Db, id: string, role: (typeof STAFF_ROLES)[number]): void {
	db.update(user).set({ role }).where(and(eq(user.id, id), ne(user.role, 'young_person'))).run();
	invalidateUserSessions(db, id);
}

export function setAccountStatus(db: Db, id: string, status: 'active' | 'disabled', now = new Date()): void {
	db.update(user)
		.set({ status, disabledAt: status === 'disabled' ? now : null })
		.where(eq(user.id, id))
		.run();
	if (status === 'disabled') invalidateUserSessions(db, id);
}

export function searchYoungPeople(db: Db, query: string, limit = 25) {
	const q = `%${query.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
	return db
		.select({ id: youngPerson.id, fullName: youngPerson.fullName, preferredName: youngPerson.preferredName, dateOfBirth: youngPerson.dateOfBirth })
		.from(youngPerson)
		.where(query.trim() ? or(like(youngPerson.fullName, q), like(youngPerson.preferredName, q)) : undefined)
		.orderBy(asc(youngPerson.fullName))
		.limit(limit)
		.all();
}

export function assignmentHistory(db: Db, youngPersonId: string) {
	return db
		.select({ id: assignment.id, adviser: user.displayName, kind: assignment.kind, startsOn: assignment.startsOn, endsOn: assignment.endsOn, reason: assignment.reason })
		.from(assignment)
		.innerJoin(user, eq(user.id, assignment.adviserId))
		.where(eq(assignment.youngPersonId, youngPersonId))
		.orderBy(desc(assignment.startsOn), desc(assignment.id))
		.all();
}

/**
 * Moves a young person to another PA from `today`. The old assignment is ended (kept, never
 * deleted), so the history shows who supported them when; the old PA's access ends today.
 */
export function reassign(db: Db, youngPersonId: string, adviserId: string, today: string, by: string, reason: string): void {
	db.transaction(() => {
		db.update(assignment)
			.set({ endsOn: addCalendarDays(today, -1) })
			.where(and(eq(assignment.youngPersonId, youngPersonId), eq(assignment.kind, 'primary'), isNull(assignment.endsOn)))
			.run();
		db.insert(assignment).values({ youngPersonId, adviserId, kind: 'primary', startsOn: today, reason, createdBy: by }).run();
	});
}

export function setCover(db: Db, youngPersonId: string, adviserId: string, from: string, to: string, by: string, reason: string): void {
	db.insert(assignment).values({ youngPersonId, adviserId, kind: 'cover', startsOn: from, endsOn: to, reason, createdBy: by }).run();
}
