import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { concern, contactLog, matchRequest, mentorMatch, mentorProfile, user, youngPerson, type MentorMatch, type YoungPerson } from '../db/schema';
import { canMatch, DEFAULT_VETTING_RULES, type Refusal, type Vetting, type VettingRules } from '../../domain/mentoring/vetting';
import { ageOrNull, type IsoDate } from '../../domain/dates';
import { relationshipHealth } from '../../domain/mentoring/health';
import { notifiesPa, type Grade } from '../../domain/mentoring/concerns';
import { newId } from '../ids';
import { sendEmail } from '../notify/email';
import { alert } from '../notify/alerts';
import { getCurrentAdvisers } from '../people/queries';
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


/** The mentor's match with this young person that gives access (active), else the latest one. */
export function matchBetween(db: Db, mentorId: string, youngPersonId: string): MentorMatch | undefined {
	const rows = db.select().from(mentorMatch).where(and(eq(mentorMatch.mentorId, mentorId), eq(mentorMatch.youngPersonId, youngPersonId))).all();
	return rows.find((r) => r.status === 'active') ?? rows.sort((a, b) => (b.endedOn ?? '').localeCompare(a.endedOn ?? ''))[0];
}

/** Only what the young person chose to share with this mentor (their first name always). */
export function sharedView(person: YoungPerson, match: MentorMatch, today: IsoDate) {
	const shares = new Set(match.shares);
	return {
		name: person.preferredName,
		age: shares.has('age') ? ageOrNull(person.dateOfBirth, today) : null,
		interests: shares.has('interests') ? person.interests : null,
		phone: shares.has('phone') ? person.phone : null,
		college: shares.has('college') ? person.college : null,
		homeSituation: shares.has('home_situation') ? person.homeSituation : null
	};
}

export function contactDates(db: Db, matchId: string): IsoDate[] {
	return db.select({ on: contactLog.occurredOn }).from(contactLog).where(eq(contactLog.matchId, matchId)).all().map((r) => r.on);
}

export function healthOf(db: Db, match: MentorMatch, today: IsoDate) {
	return relationshipHealth({ status: match.status, rhythm: match.rhythm, startedOn: match.startedOn, pauses: [] }, contactDates(db, match.id), [], today);
}

export function recentContactLogs(db: Db, matchId: string, limit = 10) {
	return db.select().from(contactLog).where(eq(contactLog.matchId, matchId)).orderBy(desc(contactLog.occurredOn), desc(contactLog.id)).limit(limit).all();
}

/** Logs a contact once per operation id (a resend, or a double tap, returns the first). */
export function logContact(
	db: Db,
	input: { match: MentorMatch; mentorId: string; occurredOn: IsoDate; mode: 'in_person' | 'call' | 'video' | 'message'; minutes: number; note: string; mood: 'good' | 'okay' | 'low' | 'not_said'; nextPlannedOn: IsoDate | null; operationId: string },
	now = new Date()
): { id: number; created: boolean } {
	return db.transaction(
		(tx) => {
			const changes = tx
				.insert(contactLog)
				.values({ matchId: input.match.id, mentorId: input.mentorId, youngPersonId: input.match.youngPersonId, occurredOn: input.occurredOn, mode: input.mode, minutes: input.minutes, note: input.note, mood: input.mood, nextPlannedOn: input.nextPlannedOn, operationId: input.operationId, createdAt: now })
				.onConflictDoNothing()
				.run().changes;
			const row = tx.select({ id: contactLog.id }).from(contactLog).where(and(eq(contactLog.mentorId, input.mentorId), eq(contactLog.operationId, input.operationId))).get()!;
			return { id: row.id, created: changes === 1 };
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Raises a concern once per operation id. A worry or an urgent concern tells the PA at once: in
 * the app, by push to their phones with alerts on, and by email before this returns (the push and the
 * email say only that there is a concern).
 */
export async function raiseConcern(
	db: Db,
	input: { youngPersonId: string; matchId: string | null; contactLogId: number | null; raisedBy: string; grade: Grade; text: string; operationId: string; origin: string; today: IsoDate },
	now = new Date()
): Promise<{ id: string; created: boolean; emailed: number }> {
	const id = newId();
	const changes = db
		.insert(concern)
		.values({ id, youngPersonId: input.youngPersonId, matchId: input.matchId, contactLogId: input.contactLogId, raisedBy: input.raisedBy, grade: input.grade, text: input.text, operationId: input.operationId, raisedAt: now })
		.onConflictDoNothing()
		.run().changes;
	const row = db.select({ id: concern.id }).from(concern).where(and(eq(concern.raisedBy, input.raisedBy), eq(concern.operationId, input.operationId))).get()!;
	if (changes !== 1 || !notifiesPa(input.grade)) return { id: row.id, created: changes === 1, emailed: 0 };
	const name = db.select({ name: youngPerson.preferredName }).from(youngPerson).where(eq(youngPerson.id, input.youngPersonId)).get()?.name ?? '';
	let emailed = 0;
	for (const pa of getCurrentAdvisers(db, input.youngPersonId, input.today)) {
		await alert(db, pa.id, 'concern.raised', { concernId: row.id, youngPersonId: input.youngPersonId, grade: input.grade, name }, now);
		const subject = input.grade === 'urgent' ? `Urgent concern about ${name}` : `A concern about ${name}`;
		if (pa.email && (await sendEmail({ to: pa.email, subject, text: `${name}'s mentor has raised a concern in Harbour.\n\nOpen it to acknowledge it:\n${input.origin}/caseload/${input.youngPersonId}#concerns\n\nThis email has no details on purpose. Sign in to read them.` })) === 'sent') emailed++;
	}
	return { id: row.id, created: true, emailed };
}

/** What a mentor may know about their own concerns: that each was received and acknowledged. Never the PA's notes. */
export function concernsForMentor(db: Db, mentorId: string, youngPersonId: string) {
	return db
		.select({ id: concern.id, grade: concern.grade, text: concern.text, raisedAt: concern.raisedAt, acknowledgedAt: concern.acknowledgedAt })
		.from(concern)
		.where(and(eq(concern.raisedBy, mentorId), eq(concern.youngPersonId, youngPersonId)))
		.orderBy(desc(concern.raisedAt))
		.limit(10)
		.all();
}

export function concernsForStaff(db: Db, youngPersonId: string) {
	return db
		.select({ id: concern.id, grade: concern.grade, text: concern.text, raisedAt: concern.raisedAt, acknowledgedAt: concern.acknowledgedAt, paAction: concern.paAction, by: user.displayName })
		.from(concern)
		.innerJoin(user, eq(user.id, concern.raisedBy))
		.where(eq(concern.youngPersonId, youngPersonId))
		.orderBy(desc(concern.raisedAt))
		.limit(20)
		.all();
}

/** The PA acknowledges a concern and records what they did; once. */
export function acknowledgeConcern(db: Db, input: { concernId: string; youngPersonId: string; actorId: string; action: string }, now = new Date()): 'acknowledged' | 'already' | 'not_found' {
	const found = db.select({ id: concern.id }).from(concern).where(and(eq(concern.id, input.concernId), eq(concern.youngPersonId, input.youngPersonId))).get();
	if (!found) return 'not_found';
	const changed = db
		.update(concern)
		.set({ acknowledgedAt: now, acknowledgedBy: input.actorId, paAction: input.action })
		.where(and(eq(concern.id, found.id), isNull(concern.acknowledgedAt)))
		.run().changes;
	return changed === 1 ? 'acknowledged' : 'already';
}

/** Health for many matches at once (the caseload, the coordinator's list): two queries. */
export function healthForMatches(db: Db, matches: MentorMatch[], today: IsoDate) {
	if (matches.length === 0) return new Map<string, ReturnType<typeof healthOf>>();
	const logs = db.select({ matchId: contactLog.matchId, on: contactLog.occurredOn }).from(contactLog).where(inArray(contactLog.matchId, matches.map((m) => m.id))).all();
	const by = new Map<string, IsoDate[]>();
	for (const l of logs) by.set(l.matchId, [...(by.get(l.matchId) ?? []), l.on]);
	return new Map(matches.map((m) => [m.id, relationshipHealth({ status: m.status, rhythm: m.rhythm, startedOn: m.startedOn, pauses: [] }, by.get(m.id) ?? [], [], today)]));
}

/** A young person's mentors and befrienders (not ended) with each relationship's health: for the PA. */
export function relationshipsFor(db: Db, youngPersonId: string, today: IsoDate) {
	const matches = db.select().from(mentorMatch).where(and(eq(mentorMatch.youngPersonId, youngPersonId), inArray(mentorMatch.status, ['introduced', 'active', 'paused']))).all();
	const names = new Map(db.select({ id: user.id, name: user.displayName }).from(user).where(inArray(user.id, matches.map((m) => m.mentorId).concat(['-']))).all().map((u) => [u.id, u.name]));
	const health = healthForMatches(db, matches, today);
	return matches.map((m) => ({ id: m.id, kind: m.kind, status: m.status, rhythm: m.rhythm, mentor: names.get(m.mentorId) ?? '', health: health.get(m.id)! }));
}

/**
 * Proposes a match, checking the vetting rule first: a volunteer without a current enhanced check
 * with the children's barred list cannot be matched with someone under 18, and the refusal says why.
 */
export function proposeMatch(
	db: Db,
	input: { mentorId: string; youngPersonId: string; kind: 'mentor' | 'befriender'; rhythm: 'weekly' | 'fortnightly' | 'monthly'; today: IsoDate; requestId?: string | null },
	rules: VettingRules = DEFAULT_VETTING_RULES,
	now = new Date()
): { ok: true; matchId: string } | { ok: false; reason: Refusal } {
	const person = db.select().from(youngPerson).where(eq(youngPerson.id, input.youngPersonId)).get();
	const profile = db.select().from(mentorProfile).where(eq(mentorProfile.userId, input.mentorId)).get();
	if (!person || !profile) return { ok: false, reason: 'no_dbs' };
	const vetted = canMatch(vettingOf(profile), person.dateOfBirth, input.today, rules);
	if (!vetted.ok) return { ok: false, reason: vetted.reason };
	const active = db.select({ id: mentorMatch.id }).from(mentorMatch).where(and(eq(mentorMatch.mentorId, input.mentorId), inArray(mentorMatch.status, ['proposed', 'introduced', 'active', 'paused']))).all().length;
	if (active >= profile.capacity) return { ok: false, reason: 'at_capacity' };
	const matchId = newId();
	db.transaction((tx) => {
		tx.insert(mentorMatch).values({ id: matchId, mentorId: input.mentorId, youngPersonId: input.youngPersonId, kind: input.kind, status: 'proposed', rhythm: input.rhythm, createdAt: now }).run();
		if (input.requestId) tx.update(matchRequest).set({ status: 'matched' }).where(eq(matchRequest.id, input.requestId)).run();
	});
	return { ok: true, matchId };
}

export function vettingOf(p: typeof mentorProfile.$inferSelect): Vetting {
	return { dbsLevel: p.dbsLevel, certificateOn: p.certificateOn, updateServiceCheckedOn: p.updateServiceCheckedOn, referencesReceived: p.referencesReceived, trainingCompletedOn: p.trainingCompletedOn };
}

const NEXT: Record<string, string[]> = { proposed: ['introduced', 'ended'], introduced: ['active', 'ended'], active: ['paused', 'ended'], paused: ['active', 'ended'], ended: [] };

/** Moves a match along its lifecycle; ending it removes the mentor's access at once (their logs stay). */
export function moveMatch(db: Db, input: { matchId: string; to: 'introduced' | 'active' | 'paused' | 'ended'; today: IsoDate; closingNote?: string; plannedEndOn?: IsoDate | null }): 'moved' | 'not_allowed' | 'not_found' {
	const match = db.select().from(mentorMatch).where(eq(mentorMatch.id, input.matchId)).get();
	if (!match) return 'not_found';
	if (!NEXT[match.status]?.includes(input.to)) return 'not_allowed';
	const changed = db
		.update(mentorMatch)
		.set({
			status: input.to,
			startedOn: input.to === 'active' && !match.startedOn ? input.today : match.startedOn,
			endedOn: input.to === 'ended' ? input.today : null,
			closingNote: input.to === 'ended' ? (input.closingNote ?? '') : match.closingNote,
			plannedEndOn: input.plannedEndOn !== undefined ? input.plannedEndOn : match.plannedEndOn
		})
		.where(and(eq(mentorMatch.id, match.id), eq(mentorMatch.status, match.status)))
		.run().changes;
	return changed === 1 ? 'moved' : 'not_allowed';
}
