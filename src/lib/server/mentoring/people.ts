import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { matchRequest, mentorMatch, SHAREABLE, trustedAdult, user, type Shareable } from '../db/schema';
import { newId } from '../ids';
import { cleanName } from '../../domain/text';

/** The young person's mentors and befrienders (any match not ended), with what each may see. */
export function myMentors(db: Db, youngPersonId: string) {
	return db
		.select({ matchId: mentorMatch.id, name: user.displayName, kind: mentorMatch.kind, status: mentorMatch.status, rhythm: mentorMatch.rhythm, shares: mentorMatch.shares })
		.from(mentorMatch)
		.innerJoin(user, eq(user.id, mentorMatch.mentorId))
		.where(and(eq(mentorMatch.youngPersonId, youngPersonId), inArray(mentorMatch.status, ['introduced', 'active', 'paused'])))
		.orderBy(asc(user.displayName))
		.all();
}

export function trustedAdults(db: Db, youngPersonId: string) {
	return db.select().from(trustedAdult).where(eq(trustedAdult.youngPersonId, youngPersonId)).orderBy(asc(trustedAdult.name)).all();
}

export function addTrustedAdult(db: Db, youngPersonId: string, input: { name: string; relationship: string; contact: string }, now = new Date()): void {
	// Shown to staff and mentors as well: no bidi control may turn a name around (security finding 12.11).
	const clean = { name: cleanName(input.name), relationship: cleanName(input.relationship), contact: cleanName(input.contact) };
	db.insert(trustedAdult).values({ youngPersonId, ...clean, createdAt: now }).run();
}

/** Removes one of the young person's own trusted adults (their list, theirs to change). */
export function removeTrustedAdult(db: Db, youngPersonId: string, id: number): boolean {
	return db.delete(trustedAdult).where(and(eq(trustedAdult.id, id), eq(trustedAdult.youngPersonId, youngPersonId))).run().changes === 1;
}

/** Sets what one mentor may see; only the young person's own matches, only known fields. */
export function setShares(db: Db, youngPersonId: string, matchId: string, shares: string[]): boolean {
	const allowed = shares.filter((s): s is Shareable => (SHAREABLE as readonly string[]).includes(s));
	return db.update(mentorMatch).set({ shares: [...new Set(allowed)] }).where(and(eq(mentorMatch.id, matchId), eq(mentorMatch.youngPersonId, youngPersonId))).run().changes === 1;
}

export function openRequestFor(db: Db, youngPersonId: string) {
	return db.select().from(matchRequest).where(and(eq(matchRequest.youngPersonId, youngPersonId), eq(matchRequest.status, 'open'))).get();
}

export function askForMentor(
	db: Db,
	youngPersonId: string,
	input: { kind: 'mentor' | 'befriender' | 'either'; interests: string[]; languages: string[]; genderPreference: 'any' | 'female' | 'male' | 'non_binary'; area: string; frequency: 'weekly' | 'fortnightly' | 'monthly' },
	now = new Date()
): string {
	const existing = openRequestFor(db, youngPersonId);
	if (existing) {
		db.update(matchRequest).set(input).where(eq(matchRequest.id, existing.id)).run();
		return existing.id;
	}
	const id = newId();
	db.insert(matchRequest).values({ id, youngPersonId, ...input, createdAt: now }).run();
	return id;
}
