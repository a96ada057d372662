import { and, desc, eq, gte, isNull, max, ne, sql } from 'drizzle-orm';
import { addCalendarDays, daysBetween, type IsoDate } from '../../domain/dates';
import { birthdayPrompts } from '../../domain/monitoring/window';
import { checkinDrop, contactOverdue, needsAssessmentClock, NEEDS_ASSESSMENT_NOTICE_DAYS, NOT_SEEN_DAYS, pathwayReviewDue, rankToday, type TodayItem } from '../../domain/monitoring/rank';
import type { Db } from '../db/client';
import { checkIn, concern, contactLog, housingFlag, pathwayReview } from '../db/schema';
import { caseloadMoney } from '../money/caseload';
import { inJsonList, prepared } from '../db/prepared';
import { getCaseload } from '../people/queries';
import { datesNeedingFixing, statusFor } from '../money/entitlements';
import { openSubjectAccessFor } from '../privacy/reviewed';

/**
 * Everything that needs a PA today, ranked (src/lib/domain/monitoring/rank.ts). A fixed number of queries
 * whatever the caseload: the caseload, then one query per kind of thing, each over all of it.
 */
export function todayFor(db: Db, adviserId: string, today: IsoDate): TodayItem[] {
	const caseload = getCaseload(db, adviserId, today);
	const ids = caseload.map((p) => p.id);
	if (ids.length === 0) return [];
	const name = new Map(caseload.map((p) => [p.id, p.preferredName]));
	const items: TodayItem[] = [];
	// Every query below is prepared once and takes the caseload as one JSON list (db/prepared.ts).
	const list = { ids: JSON.stringify(ids) };

	const flags = prepared(db, 'today.flags', () =>
		db
			.select({ id: housingFlag.id, youngPersonId: housingFlag.youngPersonId, urgency: housingFlag.urgency, raisedAt: housingFlag.raisedAt })
			.from(housingFlag)
			.where(and(inJsonList(housingFlag.youngPersonId, 'ids'), eq(housingFlag.status, 'raised')))
			.prepare()
	).all(list);
	for (const f of flags) {
		items.push({ kind: f.urgency === 'urgent' ? 'urgent_flag' : 'flag', youngPersonId: f.youngPersonId, name: name.get(f.youngPersonId) ?? '', flagId: f.id, raisedAt: f.raisedAt.toISOString() });
	}
	const concerns = prepared(db, 'today.concerns', () =>
		db
			.select({ id: concern.id, youngPersonId: concern.youngPersonId, grade: concern.grade, raisedAt: concern.raisedAt })
			.from(concern)
			.where(and(inJsonList(concern.youngPersonId, 'ids'), isNull(concern.acknowledgedAt), ne(concern.grade, 'note')))
			.prepare()
	).all(list);
	for (const c of concerns) {
		items.push({ kind: c.grade === 'urgent' ? 'urgent_concern' : 'concern', youngPersonId: c.youngPersonId, name: name.get(c.youngPersonId) ?? '', concernId: c.id, raisedAt: c.raisedAt.toISOString() });
	}
	// The last two check-ins each (recent ones only), for sharp drops.
	const recent = prepared(db, 'today.check_ins', () =>
		db
			.select({ youngPersonId: checkIn.youngPersonId, scores: checkIn.scores })
			.from(checkIn)
			.where(and(inJsonList(checkIn.youngPersonId, 'ids'), gte(checkIn.at, sql.placeholder('since'))))
			.orderBy(desc(checkIn.at), desc(checkIn.id))
			.prepare()
	).all({ ...list, since: Date.parse(`${addCalendarDays(today, -90)}T00:00:00Z`) });
	const byPerson = new Map<string, Record<string, number>[]>();
	for (const r of recent) byPerson.set(r.youngPersonId, [...(byPerson.get(r.youngPersonId) ?? []), r.scores]);
	for (const [id, list] of byPerson) {
		const drop = list.length >= 2 ? checkinDrop(list[1]!, list[0]!) : null;
		if (drop) items.push({ kind: 'checkin_drop', youngPersonId: id, name: name.get(id) ?? '', ...drop });
	}
	const mentorSeen = new Map(
		prepared(db, 'today.mentor_seen', () =>
			db.select({ youngPersonId: contactLog.youngPersonId, on: max(contactLog.occurredOn) }).from(contactLog).where(inJsonList(contactLog.youngPersonId, 'ids')).groupBy(contactLog.youngPersonId).prepare()
		)
			.all(list)
			.map((r) => [r.youngPersonId, r.on])
	);
	for (const p of caseload) {
		const overdue = contactOverdue(p.lastContactOn, addCalendarDays(today, -365), today);
		if (overdue !== null) items.push({ kind: 'contact_overdue', youngPersonId: p.id, name: p.preferredName, days: overdue, lastOn: p.lastContactOn });
		const seen = [p.lastContactOn, mentorSeen.get(p.id) ?? null].filter((d): d is string => Boolean(d)).sort().at(-1);
		const days = seen ? daysBetween(seen, today) : NOT_SEEN_DAYS + 1;
		if (days > NOT_SEEN_DAYS) items.push({ kind: 'not_seen', youngPersonId: p.id, name: p.preferredName, days });
	}
	const reviews = prepared(db, 'today.reviews', () =>
		db
			.select({ youngPersonId: pathwayReview.youngPersonId, kind: pathwayReview.kind, on: max(pathwayReview.on) })
			.from(pathwayReview)
			.where(inJsonList(pathwayReview.youngPersonId, 'ids'))
			.groupBy(pathwayReview.youngPersonId, pathwayReview.kind)
			.prepare()
	).all(list);
	const lastReview = new Map(reviews.filter((r) => r.kind === 'review').map((r) => [r.youngPersonId, r.on]));
	const lastRequest = new Map(reviews.filter((r) => r.kind === 'request').map((r) => [r.youngPersonId, r.on]));
	for (const p of caseload) {
		const due = pathwayReviewDue(lastReview.get(p.id) ?? null, lastRequest.get(p.id) ?? null, today);
		if (due.dueOn <= addCalendarDays(today, 14)) items.push({ kind: 'pathway_review', youngPersonId: p.id, name: p.preferredName, ...due });
	}
	for (const prompt of birthdayPrompts(caseload.map((p) => ({ id: p.id, dateOfBirth: p.dateOfBirth })), today)) {
		items.push({ kind: 'dfe_birthday', youngPersonId: prompt.youngPersonId, name: name.get(prompt.youngPersonId) ?? '', age: prompt.age, closesOn: prompt.closesOn });
	}
	const money = caseloadMoney(db, ids, today);
	for (const p of caseload) {
		const app = money.outcomes.get(p.id)?.find((o) => o.id === 'apprenticeship_bursary' && o.state === 'eligible_now');
		for (const k of app?.keyDates ?? []) if (k.date >= today && k.date <= addCalendarDays(today, 14)) items.push({ kind: 'instalment_due', youngPersonId: p.id, name: p.preferredName, dueOn: k.date });
	}
	// Issue 12: a request for a full copy of their record, not yet sent (the statutory month).
	for (const r of openSubjectAccessFor(db, list)) items.push({ kind: 'subject_access', youngPersonId: r.youngPersonId, name: name.get(r.youngPersonId) ?? '', dueOn: r.dueOn });
	for (const l of money.lapsing) items.push({ kind: 'entitlement_lapsing', youngPersonId: l.id, name: l.name, entitlement: l.entitlement, until: l.until });
	// R1: needs assessments due within 4 weeks or overdue; and records with a date that needs fixing
	// (nothing is worked out from them until it is). The records were read once, for the money above.
	for (const p of money.people) {
		const bad = datesNeedingFixing(p);
		if (bad.length > 0) {
			items.push({ kind: 'date_needs_fixing', youngPersonId: p.id, name: p.preferredName, fields: bad });
			continue;
		}
		const clock = needsAssessmentClock(p.dateOfBirth, statusFor(p, today)?.status ?? null, p.needsAssessmentCompletedOn, today);
		if (clock && clock.state !== 'done' && clock.dueOn <= addCalendarDays(today, NEEDS_ASSESSMENT_NOTICE_DAYS)) items.push({ kind: 'needs_assessment', youngPersonId: p.id, name: p.preferredName, dueOn: clock.dueOn, overdueDays: clock.overdueDays });
	}
	return rankToday(items, today);
}
