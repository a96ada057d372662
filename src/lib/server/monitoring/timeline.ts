import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { checkIn, claim, claimEvent, concern, contactLog, housingFlag, housingFlagEvent, ledgerEntry, mentorMatch, paContact, pathwayReview, user } from '../db/schema';

export const TIMELINE_KINDS = ['contacts', 'payments', 'housing', 'concerns', 'mentoring', 'check_ins', 'claims', 'reviews'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export type TimelineEntry = { at: string; kind: TimelineKind; what: string; detail: string; by: string | null; restricted?: boolean };

const day = (d: string) => `${d}T12:00:00.000Z`;

/**
 * One story of a young person for their PA: contacts, mentor contacts, payments, housing worries
 * and their steps, concerns, matches, check-ins, claim steps and reviews, newest first. One query
 * per kind asked for (at most eight), each limited, whatever the record's length.
 */
export function timelineFor(db: Db, youngPersonId: string, kinds: ReadonlySet<TimelineKind>, limit = 40): TimelineEntry[] {
	const out: TimelineEntry[] = [];
	if (kinds.has('contacts')) {
		for (const c of db.select({ on: paContact.occurredOn, method: paContact.method, inTouch: paContact.inTouch, note: paContact.note, restricted: paContact.restricted, by: user.displayName }).from(paContact).innerJoin(user, eq(user.id, paContact.adviserId)).where(eq(paContact.youngPersonId, youngPersonId)).orderBy(desc(paContact.occurredOn)).limit(limit).all())
			{out.push({ at: day(c.on), kind: 'contacts', what: `pa_contact.${c.method}`, detail: c.note, by: c.by, restricted: c.restricted });}
		for (const c of db.select({ on: contactLog.occurredOn, mode: contactLog.mode, minutes: contactLog.minutes, by: user.displayName }).from(contactLog).innerJoin(user, eq(user.id, contactLog.mentorId)).where(eq(contactLog.youngPersonId, youngPersonId)).orderBy(desc(contactLog.occurredOn)).limit(limit).all())
			{out.push({ at: day(c.on), kind: 'contacts', what: `mentor_contact.${c.mode}`, detail: `${c.minutes}`, by: c.by });}
	}
	if (kinds.has('payments')) {
		for (const e of db.select({ on: ledgerEntry.occurredOn, kind: ledgerEntry.kind, pence: ledgerEntry.pence, item: ledgerEntry.item, entitlement: ledgerEntry.entitlement, by: user.displayName }).from(ledgerEntry).innerJoin(user, eq(user.id, ledgerEntry.createdBy)).where(eq(ledgerEntry.youngPersonId, youngPersonId)).orderBy(desc(ledgerEntry.id)).limit(limit).all())
			{out.push({ at: day(e.on), kind: 'payments', what: `ledger.${e.kind}`, detail: `${e.pence}|${e.item}`, by: e.by });}
	}
	if (kinds.has('housing')) {
		for (const e of db.select({ at: housingFlagEvent.at, kind: housingFlagEvent.kind, flagKind: housingFlag.kind, by: user.displayName }).from(housingFlagEvent).innerJoin(housingFlag, eq(housingFlag.id, housingFlagEvent.flagId)).leftJoin(user, eq(user.id, housingFlagEvent.actorId)).where(eq(housingFlag.youngPersonId, youngPersonId)).orderBy(desc(housingFlagEvent.id)).limit(limit).all())
			{out.push({ at: e.at.toISOString(), kind: 'housing', what: `housing.${e.kind}`, detail: e.flagKind, by: e.by });}
	}
	if (kinds.has('concerns')) {
		for (const c of db.select({ at: concern.raisedAt, grade: concern.grade, text: concern.text, by: user.displayName }).from(concern).innerJoin(user, eq(user.id, concern.raisedBy)).where(eq(concern.youngPersonId, youngPersonId)).orderBy(desc(concern.raisedAt)).limit(limit).all())
			{out.push({ at: c.at.toISOString(), kind: 'concerns', what: `concern.${c.grade}`, detail: c.text, by: c.by });}
	}
	if (kinds.has('mentoring')) {
		for (const mm of db.select({ created: mentorMatch.createdAt, status: mentorMatch.status, startedOn: mentorMatch.startedOn, endedOn: mentorMatch.endedOn, by: user.displayName }).from(mentorMatch).innerJoin(user, eq(user.id, mentorMatch.mentorId)).where(eq(mentorMatch.youngPersonId, youngPersonId)).limit(limit).all()) {
			out.push({ at: mm.startedOn ? day(mm.startedOn) : mm.created.toISOString(), kind: 'mentoring', what: 'match.started', detail: mm.status, by: mm.by });
			if (mm.endedOn) out.push({ at: day(mm.endedOn), kind: 'mentoring', what: 'match.ended', detail: '', by: mm.by });
		}
	}
	if (kinds.has('check_ins')) {
		for (const c of db.select({ at: checkIn.at, scores: checkIn.scores }).from(checkIn).where(eq(checkIn.youngPersonId, youngPersonId)).orderBy(desc(checkIn.at)).limit(limit).all()) {
			const values = Object.values(c.scores);
			out.push({ at: c.at.toISOString(), kind: 'check_ins', what: 'check_in', detail: values.length ? (values.reduce((a, b) => a + b, 0) / values.length).toFixed(1) : '', by: null });
		}
	}
	if (kinds.has('claims')) {
		for (const e of db.select({ at: claimEvent.at, state: claimEvent.state, entitlement: claim.entitlement, by: user.displayName }).from(claimEvent).innerJoin(claim, eq(claim.id, claimEvent.claimId)).innerJoin(user, eq(user.id, claimEvent.actorId)).where(eq(claim.youngPersonId, youngPersonId)).orderBy(desc(claimEvent.id)).limit(limit).all())
			{out.push({ at: e.at.toISOString(), kind: 'claims', what: `claim.${e.state}`, detail: e.entitlement, by: e.by });}
	}
	if (kinds.has('reviews')) {
		for (const r of db.select({ on: pathwayReview.on, kind: pathwayReview.kind, by: user.displayName }).from(pathwayReview).innerJoin(user, eq(user.id, pathwayReview.recordedBy)).where(and(eq(pathwayReview.youngPersonId, youngPersonId))).orderBy(desc(pathwayReview.on)).limit(limit).all())
			{out.push({ at: day(r.on), kind: 'reviews', what: `review.${r.kind}`, detail: '', by: r.by });}
	}
	return out.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit * 2);
}
