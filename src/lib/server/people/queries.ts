import { and, asc, count, desc, eq, gte, isNull, like, lte, or, sql, type Placeholder } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import type { Db } from '../db/client';
import { assignment, paContact, user, youngPerson } from '../db/schema';

/** Assignments in force on `today` (open-ended, or ending today or later). */
const currentOn = (today: string | Placeholder) =>
	and(lte(assignment.startsOn, today), or(isNull(assignment.endsOn), gte(assignment.endsOn, today)));

export function getYoungPersonForUser(db: Db, userId: string) {
	return db.select().from(youngPerson).where(eq(youngPerson.userId, userId)).get();
}

export function getYoungPerson(db: Db, id: string) {
	return db.select().from(youngPerson).where(eq(youngPerson.id, id)).get();
}

/** The PA(s) looking after a young person today: their main PA first, then anyone covering. */
export function getCurrentAdvisers(db: Db, youngPersonId: string, today: string) {
	return db
		.select({ id: user.id, name: user.displayName, email: user.email, kind: assignment.kind, endsOn: assignment.endsOn })
		.from(assignment)
		.innerJoin(user, eq(user.id, assignment.adviserId))
		.where(and(eq(assignment.youngPersonId, youngPersonId), currentOn(today)))
		.orderBy(asc(assignment.kind))
		.all();
}

/**
 * A PA's caseload today with each young person's last recorded contact: one query, whatever the
 * caseload or the population (the correlated look-up uses pa_contact's (young_person_id, occurred_on) index).
 */
export function getCaseload(db: Db, adviserId: string, today: string) {
	return prepared(db, 'people.caseload', () =>
		db
		.select({
			id: youngPerson.id,
			preferredName: youngPerson.preferredName,
			fullName: youngPerson.fullName,
			dateOfBirth: youngPerson.dateOfBirth,
			legalStatus: youngPerson.legalStatus,
			// A PA who is both main PA and (by an older record) cover is listed once, as main PA.
			kind: sql<'primary' | 'cover'>`max(${assignment.kind})`,
			lastContactOn: sql<string | null>`(select max(${paContact.occurredOn}) from ${paContact} where ${paContact.youngPersonId} = ${youngPerson.id})`
		})
		.from(assignment)
		.innerJoin(youngPerson, eq(youngPerson.id, assignment.youngPersonId))
		.where(and(eq(assignment.adviserId, sql.placeholder('adviserId')), currentOn(sql.placeholder('today'))))
		.groupBy(youngPerson.id)
		.orderBy(asc(youngPerson.preferredName), asc(youngPerson.id))
		.prepare()
	).all({ adviserId, today });
}

export function getRecentContacts(db: Db, youngPersonId: string, limit = 10) {
	return db
		.select({
			id: paContact.id,
			occurredOn: paContact.occurredOn,
			method: paContact.method,
			inTouch: paContact.inTouch,
			adviserName: user.displayName
		})
		.from(paContact)
		.innerJoin(user, eq(user.id, paContact.adviserId))
		.where(eq(paContact.youngPersonId, youngPersonId))
		.orderBy(desc(paContact.occurredOn), desc(paContact.id))
		.limit(limit)
		.all();
}

/**
 * The manager's overview: young people by legal status, and PA caseload sizes today (the largest
 * first, at most `limit` rows: a big council has thousands of PAs).
 */
export function getServiceOverview(db: Db, today: string, limit = 25) {
	const byStatus = db
		.select({ legalStatus: youngPerson.legalStatus, total: count() })
		.from(youngPerson)
		.groupBy(youngPerson.legalStatus)
		.all();
	// Count current main assignments per PA in one pass over assignment, then name the PAs.
	const counts = db
		.select({ adviserId: assignment.adviserId, total: count() })
		.from(assignment)
		.where(and(eq(assignment.kind, 'primary'), currentOn(today)))
		.groupBy(assignment.adviserId)
		.all();
	const advisers = db
		.select({ adviserId: user.id, name: user.displayName })
		.from(user)
		.where(and(eq(user.role, 'adviser'), eq(user.status, 'active')))
		.all();
	const byAdviser = new Map(counts.map((c) => [c.adviserId, c.total]));
	const caseloads = advisers
		.map((a) => ({ ...a, total: byAdviser.get(a.adviserId) ?? 0 }))
		.sort((x, y) => y.total - x.total || x.name.localeCompare(y.name));
	const sizes = caseloads.map((c) => c.total);
	const summary = {
		advisers: sizes.length,
		average: sizes.length ? Math.round((sizes.reduce((a, b) => a + b, 0) / sizes.length) * 10) / 10 : 0,
		over30: sizes.filter((n) => n > 30).length
	};
	return { byStatus, caseloads: caseloads.slice(0, limit), summary };
}

/** How long the manager's overview may be reused before it is counted again. */
export const OVERVIEW_FRESH_MS = 30_000;
const overviews = new WeakMap<Db, { day: string; at: number; overview: ReturnType<typeof getServiceOverview> }>();

/**
 * The overview counts the whole service (at 100,000 young people, ~28 ms of SQL), so it is
 * counted at most every 30 seconds per day and reused in between: the page says when it was
 * counted. Caseload sizes change slowly; nothing about one person depends on it.
 */
export function getServiceOverviewCached(db: Db, today: string, now = Date.now()) {
	const kept = overviews.get(db);
	if (kept && kept.day === today && now - kept.at < OVERVIEW_FRESH_MS) return { ...kept.overview, countedAt: new Date(kept.at) };
	const overview = getServiceOverview(db, today);
	overviews.set(db, { day: today, at: now, overview });
	return { ...overview, countedAt: new Date(now) };
}

/** Demo accounts only ever exist in a demo database, under the reserved `.test` domain. */
export const DEMO_EMAIL_DOMAIN = '@demo.harbour.test';

export function listDemoAccounts(db: Db) {
	return db
		.select({ id: user.id, role: user.role, displayName: user.displayName, email: user.email })
		.from(user)
		.where(and(like(user.email, `%${DEMO_EMAIL_DOMAIN}`), eq(user.status, 'active')))
		.orderBy(asc(user.email))
		.all();
}

/** Who a young person should talk to today: whoever is covering while their PA is away, else their PA. */
export function whoToAsk(advisers: { name: string; kind: 'primary' | 'cover' }[]): string | null {
	return (advisers.find((a) => a.kind === 'cover') ?? advisers[0])?.name ?? null;
}
