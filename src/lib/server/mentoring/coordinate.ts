import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import { type IsoDate } from '../../domain/dates';
import { quietVolunteers } from '../../domain/mentoring/health';
import { rankVolunteers, type Volunteer } from '../../domain/mentoring/matching';
import { checkCurrentUntil, DEFAULT_VETTING_RULES } from '../../domain/mentoring/vetting';
import type { Db } from '../db/client';
import { contactLog, matchRequest, mentorMatch, mentorProfile, user, youngPerson } from '../db/schema';
import { vettingOf } from './matches';

const OPEN = ['proposed', 'introduced', 'active', 'paused'] as const;

/** The roster: every volunteer, their vetting, load and last contact (four queries, any size). */
export function roster(db: Db, today: IsoDate) {
	const people = db.select({ id: user.id, name: user.displayName, status: user.status }).from(user).where(eq(user.role, 'mentor')).orderBy(asc(user.displayName)).all();
	const profiles = new Map(db.select().from(mentorProfile).all().map((p) => [p.userId, p]));
	const load = new Map(
		db.select({ mentorId: mentorMatch.mentorId, n: sql<number>`count(*)` }).from(mentorMatch).where(inArray(mentorMatch.status, [...OPEN])).groupBy(mentorMatch.mentorId).all().map((r) => [r.mentorId, r.n])
	);
	const last = new Map(db.select({ mentorId: contactLog.mentorId, on: max(contactLog.occurredOn) }).from(contactLog).groupBy(contactLog.mentorId).all().map((r) => [r.mentorId, r.on]));
	const rows = people.map((p) => {
		const profile = profiles.get(p.id);
		return {
			id: p.id,
			name: p.name,
			disabled: p.status !== 'active',
			dbsLevel: profile?.dbsLevel ?? null,
			currentUntil: profile ? checkCurrentUntil(vettingOf(profile), DEFAULT_VETTING_RULES) : null,
			capacity: profile?.capacity ?? 0,
			matches: load.get(p.id) ?? 0,
			lastContactOn: last.get(p.id) ?? null
		};
	});
	const quiet = quietVolunteers(
		rows.filter((r) => r.matches > 0).map((r) => ({ volunteerId: r.id, lastOn: r.lastContactOn, since: '1970-01-01' })),
		today
	);
	return { rows, quiet14: new Set(quiet.over14), quiet30: new Set(quiet.over30) };
}

export function openRequests(db: Db) {
	return db
		.select({ id: matchRequest.id, youngPersonId: matchRequest.youngPersonId, name: youngPerson.preferredName, kind: matchRequest.kind, createdAt: matchRequest.createdAt })
		.from(matchRequest)
		.innerJoin(youngPerson, eq(youngPerson.id, matchRequest.youngPersonId))
		.where(eq(matchRequest.status, 'open'))
		.orderBy(asc(matchRequest.createdAt))
		.all();
}

/** Suggestions for one request: ranked with reasons; never someone at capacity or not vetted for the age. */
export function suggestionsFor(db: Db, requestId: string, today: IsoDate) {
	const request = db.select().from(matchRequest).where(eq(matchRequest.id, requestId)).get();
	if (!request) return null;
	const person = db.select().from(youngPerson).where(eq(youngPerson.id, request.youngPersonId)).get()!;
	const profiles = db
		.select({ profile: mentorProfile, name: user.displayName })
		.from(mentorProfile)
		.innerJoin(user, eq(user.id, mentorProfile.userId))
		.where(and(eq(user.role, 'mentor'), eq(user.status, 'active')))
		.all();
	const load = new Map(
		db.select({ mentorId: mentorMatch.mentorId, n: sql<number>`count(*)` }).from(mentorMatch).where(inArray(mentorMatch.status, [...OPEN])).groupBy(mentorMatch.mentorId).all().map((r) => [r.mentorId, r.n])
	);
	const volunteers: Volunteer[] = profiles.map(({ profile: p }) => ({
		id: p.userId,
		offers: p.offers,
		gender: p.gender,
		interests: p.interests,
		languages: p.languages,
		location: p.lat !== null && p.lon !== null ? { lat: p.lat, lon: p.lon } : null,
		capacity: p.capacity,
		activeMatches: load.get(p.userId) ?? 0,
		vetting: vettingOf(p)
	}));
	const names = new Map(profiles.map((p) => [p.profile.userId, p.name]));
	const ranked = rankVolunteers(
		{ kind: request.kind, interests: request.interests, languages: request.languages, genderPreference: request.genderPreference, location: request.lat !== null && request.lon !== null ? { lat: request.lat, lon: request.lon } : null },
		person.dateOfBirth,
		volunteers,
		today
	);
	return {
		request,
		person: { id: person.id, name: person.preferredName, dateOfBirth: person.dateOfBirth },
		suggestions: ranked.suggestions.slice(0, 10).map((s) => ({ ...s, name: names.get(s.volunteerId) ?? '' })),
		excluded: ranked.excluded.map((e) => ({ ...e, name: names.get(e.volunteerId) ?? '' }))
	};
}

export function matchesOf(db: Db, limit = 50) {
	return db
		.select({ id: mentorMatch.id, status: mentorMatch.status, kind: mentorMatch.kind, mentor: user.displayName, youngPerson: youngPerson.preferredName, createdAt: mentorMatch.createdAt })
		.from(mentorMatch)
		.innerJoin(user, eq(user.id, mentorMatch.mentorId))
		.innerJoin(youngPerson, eq(youngPerson.id, mentorMatch.youngPersonId))
		.where(inArray(mentorMatch.status, ['proposed', 'introduced']))
		.orderBy(desc(mentorMatch.createdAt))
		.limit(limit)
		.all();
}
