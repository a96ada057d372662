import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { IsoDate } from '../../domain/dates';
import type { Db } from '../db/client';
import { accommodationStay, dutyToRefer, housingFlag, housingFlagEvent, user, youngPerson, type FlagKind, type HousingFlag } from '../db/schema';
import { FLAG_ACTIONS, FLAG_OUTCOMES, FLAG_URGENCIES } from '../db/schema/housing';
import { newId } from '../ids';
import { inJsonList, prepared } from '../db/prepared';
import { alert } from '../notify/alerts';
import { sendEmail } from '../notify/email';
import { getCurrentAdvisers } from '../people/queries';

/** Worries that mean someone may have nowhere safe tonight: always urgent, emergency numbers first. */
export const EMERGENCY_KINDS: ReadonlySet<FlagKind> = new Set(['homeless_tonight', 'not_safe']);
/** Worries that mean homelessness is threatened: they start the 56-day duty-to-refer window. */
export const THREAT_KINDS: ReadonlySet<FlagKind> = new Set(['might_lose_home', 'asked_to_leave', 'homeless_tonight']);

export type Urgency = (typeof FLAG_URGENCIES)[number];
export type FlagAction = (typeof FLAG_ACTIONS)[number];
export type FlagOutcome = (typeof FLAG_OUTCOMES)[number];

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Raises a flag once per operation id: the same form sent twice (a double tap, or a resend after
 * the signal came back) returns the first flag and `created: false`.
 */
export function raiseFlag(
	db: Db,
	input: { youngPersonId: string; raisedBy: string; operationId: string; kind: FlagKind; urgency: Urgency; note: string; staffNote?: string; noticeOn: IsoDate | null; today: IsoDate },
	now = new Date()
): { flag: HousingFlag; created: boolean } {
	return db.transaction(
		(tx) => {
			const urgency = EMERGENCY_KINDS.has(input.kind) ? 'urgent' : input.urgency;
			const id = newId();
			const inserted = tx
				.insert(housingFlag)
				.values({
					id,
					youngPersonId: input.youngPersonId,
					raisedBy: input.raisedBy,
					operationId: input.operationId,
					kind: input.kind,
					urgency,
					note: input.note,
					staffNote: input.staffNote ?? '',
					noticeOn: input.noticeOn,
					threatenedOn: THREAT_KINDS.has(input.kind) ? (input.noticeOn && input.noticeOn < input.today ? input.noticeOn : input.today) : null,
					status: 'raised',
					raisedAt: now
				})
				.onConflictDoNothing()
				.run().changes;
			if (inserted === 1) tx.insert(housingFlagEvent).values({ flagId: id, kind: 'raised', note: input.note, actorId: input.raisedBy, at: now }).run();
			const flag = tx.select().from(housingFlag).where(and(eq(housingFlag.raisedBy, input.raisedBy), eq(housingFlag.operationId, input.operationId))).get()!;
			return { flag, created: inserted === 1 };
		},
		{ behavior: 'immediate' }
	);
}

/** A worry that waited on a phone longer than this reaches the PA marked as sent late (issue 8). */
export const LATE_AFTER_MS = 72 * 3_600_000;

/**
 * Tells the young person's PA (or, with no PA today, the managers) at once: in the app, by push to
 * their phones with alerts on (no name on a lock screen), and by email (waiting for the mail server).
 * `writtenAt` is when the worry was written, if it waited on the phone for signal: after 72 hours
 * the PA is told so.
 */
export async function tellStaff(db: Db, flag: HousingFlag, origin: string, today: IsoDate, now = new Date(), writtenAt: Date | null = null): Promise<{ told: number; emailed: number }> {
	const late = writtenAt !== null && now.getTime() - writtenAt.getTime() > LATE_AFTER_MS;
	let people = getCurrentAdvisers(db, flag.youngPersonId, today).map((a) => ({ id: a.id, email: a.email }));
	if (people.length === 0) people = db.select({ id: user.id, email: user.email }).from(user).where(and(eq(user.role, 'manager'), eq(user.status, 'active'))).all();
	const url = `${origin}/caseload/${flag.youngPersonId}/housing/${flag.id}`;
	const name = db.select({ name: youngPerson.preferredName }).from(youngPerson).where(eq(youngPerson.id, flag.youngPersonId)).get()?.name ?? '';
	let emailed = 0;
	for (const p of people) {
		await alert(db, p.id, 'housing.flag_raised', { flagId: flag.id, youngPersonId: flag.youngPersonId, kind: flag.kind, urgency: flag.urgency, name, ...(late ? { writtenAt: writtenAt!.toISOString() } : {}) }, now);
		const base = flag.urgency === 'urgent' ? `Urgent: a housing worry for ${name}` : `A housing worry for ${name}`;
		const subject = late ? `Sent late: ${base}` : base;
		const lateLine = late ? `It was written on ${writtenAt!.toISOString().slice(0, 16).replace('T', ' ')} UTC but could not be sent until now, probably for lack of signal. Please check on them first.\n\n` : '';
		if (p.email && (await sendEmail({ to: p.email, subject, text: `${name} has raised a worry about their home in Harbour.\n\n${lateLine}Open it to acknowledge it and see the clocks:\n${url}\n\nThis email has no details on purpose. Sign in to read them.` })) === 'sent') emailed++;
	}
	return { told: people.length, emailed };
}

/** Acknowledges a flag once; a second press (or a colleague's) changes nothing and says so. */
export function acknowledgeFlag(db: Db, input: { flagId: string; youngPersonId: string; actorId: string; note: string }, now = new Date()): 'acknowledged' | 'already' | 'not_found' {
	return db.transaction(
		(tx) => {
			const flag = tx.select().from(housingFlag).where(and(eq(housingFlag.id, input.flagId), eq(housingFlag.youngPersonId, input.youngPersonId))).get();
			if (!flag) return 'not_found';
			const changed = tx
				.update(housingFlag)
				.set({ status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: input.actorId })
				.where(and(eq(housingFlag.id, flag.id), eq(housingFlag.status, 'raised')))
				.run().changes;
			if (changed !== 1) return 'already';
			tx.insert(housingFlagEvent).values({ flagId: flag.id, kind: 'acknowledged', note: input.note, actorId: input.actorId, at: now }).run();
			return 'acknowledged';
		},
		{ behavior: 'immediate' }
	);
}

function openFlag(tx: Tx, flagId: string, youngPersonId: string) {
	return tx.select().from(housingFlag).where(and(eq(housingFlag.id, flagId), eq(housingFlag.youngPersonId, youngPersonId))).get();
}

/** A PA's action (a visit, a referral…) or an update from the young person or mentor. Acknowledges a raised flag too. */
export function addFlagStep(
	db: Db,
	input: { flagId: string; youngPersonId: string; actorId: string; kind: 'action' | 'update'; action?: FlagAction; note: string },
	now = new Date()
): 'added' | 'not_found' | 'resolved' {
	return db.transaction(
		(tx) => {
			const flag = openFlag(tx, input.flagId, input.youngPersonId);
			if (!flag) return 'not_found';
			if (flag.status === 'resolved' && input.kind === 'action') return 'resolved';
			if (input.kind === 'action' && flag.status === 'raised') {
				tx.update(housingFlag).set({ status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: input.actorId }).where(eq(housingFlag.id, flag.id)).run();
				tx.insert(housingFlagEvent).values({ flagId: flag.id, kind: 'acknowledged', actorId: input.actorId, at: now }).run();
			}
			tx.insert(housingFlagEvent).values({ flagId: flag.id, kind: input.kind, action: input.action ?? null, note: input.note, actorId: input.actorId, at: now }).run();
			return 'added';
		},
		{ behavior: 'immediate' }
	);
}

export function recordDutyToRefer(
	db: Db,
	input: { flagId: string; youngPersonId: string; actorId: string; consentGiven: boolean; consentOn: IsoDate | null; housingAuthority: string; referredOn: IsoDate | null },
	now = new Date()
): 'recorded' | 'not_found' {
	return db.transaction(
		(tx) => {
			const flag = openFlag(tx, input.flagId, input.youngPersonId);
			if (!flag) return 'not_found';
			tx.insert(dutyToRefer)
				.values({ flagId: flag.id, youngPersonId: flag.youngPersonId, consentGiven: input.consentGiven, consentOn: input.consentOn, housingAuthority: input.housingAuthority, referredOn: input.referredOn, recordedBy: input.actorId, recordedAt: now })
				.run();
			tx.insert(housingFlagEvent).values({ flagId: flag.id, kind: 'duty_to_refer', note: input.housingAuthority, actorId: input.actorId, at: now }).run();
			if (flag.status === 'raised') tx.update(housingFlag).set({ status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: input.actorId }).where(eq(housingFlag.id, flag.id)).run();
			return 'recorded';
		},
		{ behavior: 'immediate' }
	);
}

export function resolveFlag(db: Db, input: { flagId: string; youngPersonId: string; actorId: string; outcome: FlagOutcome; resolution: string }, now = new Date()): 'resolved' | 'already' | 'not_found' {
	return db.transaction(
		(tx) => {
			const flag = openFlag(tx, input.flagId, input.youngPersonId);
			if (!flag) return 'not_found';
			const changed = tx
				.update(housingFlag)
				.set({ status: 'resolved', resolvedAt: now, resolvedBy: input.actorId, outcome: input.outcome, resolution: input.resolution, acknowledgedAt: flag.acknowledgedAt ?? now, acknowledgedBy: flag.acknowledgedBy ?? input.actorId })
				.where(and(eq(housingFlag.id, flag.id), ne(housingFlag.status, 'resolved')))
				.run().changes;
			if (changed !== 1) return 'already';
			tx.insert(housingFlagEvent).values({ flagId: flag.id, kind: 'resolved', note: input.resolution, actorId: input.actorId, at: now }).run();
			return 'resolved';
		},
		{ behavior: 'immediate' }
	);
}

export function flagsFor(db: Db, youngPersonId: string) {
	return db.select().from(housingFlag).where(eq(housingFlag.youngPersonId, youngPersonId)).orderBy(desc(housingFlag.raisedAt)).all();
}

export function getFlag(db: Db, flagId: string, youngPersonId: string) {
	return db.select().from(housingFlag).where(and(eq(housingFlag.id, flagId), eq(housingFlag.youngPersonId, youngPersonId))).get();
}

/** A flag's story with who did each step (their name and role; never another young person). */
export function flagStory(db: Db, flagId: string) {
	return db
		.select({ id: housingFlagEvent.id, kind: housingFlagEvent.kind, action: housingFlagEvent.action, note: housingFlagEvent.note, at: housingFlagEvent.at, by: user.displayName, byRole: user.role })
		.from(housingFlagEvent)
		.leftJoin(user, eq(user.id, housingFlagEvent.actorId))
		.where(eq(housingFlagEvent.flagId, flagId))
		.orderBy(asc(housingFlagEvent.id))
		.all();
}

/**
 * The same story as the young person sees it: who did what and when, with their own words and the
 * note shared with them when the worry was raised (the form told its writer they would see it).
 * Staff steps' notes and staff-only notes stay with staff. One definition for their page and their data.
 */
export function flagStoryForYoungPerson(db: Db, flagId: string) {
	return flagStory(db, flagId).map((s) => ({ id: s.id, kind: s.kind, action: s.action, at: s.at, by: s.by, note: s.kind === 'update' || s.kind === 'raised' ? s.note : '' }));
}

export function dutyToReferFor(db: Db, flagId: string) {
	return db.select().from(dutyToRefer).where(eq(dutyToRefer.flagId, flagId)).orderBy(desc(dutyToRefer.id)).all();
}

/** Open flags across a caseload (one query): what goes at the top of the PA's list. */
export function openFlagsFor(db: Db, ids: string[]) {
	if (ids.length === 0) return [];
	return prepared(db, 'housing.open_flags_for', () =>
		db
			.select({ id: housingFlag.id, youngPersonId: housingFlag.youngPersonId, kind: housingFlag.kind, urgency: housingFlag.urgency, status: housingFlag.status, raisedAt: housingFlag.raisedAt, threatenedOn: housingFlag.threatenedOn })
			.from(housingFlag)
			.where(and(inJsonList(housingFlag.youngPersonId, 'ids'), ne(housingFlag.status, 'resolved')))
			.orderBy(asc(housingFlag.raisedAt))
			.prepare()
	).all({ ids: JSON.stringify(ids) });
}

export function staysFor(db: Db, youngPersonId: string) {
	return db.select().from(accommodationStay).where(eq(accommodationStay.youngPersonId, youngPersonId)).orderBy(desc(accommodationStay.fromOn), desc(accommodationStay.id)).all();
}

export function addStay(
	db: Db,
	input: { youngPersonId: string; accomCode: string; fromOn: IsoDate; toOn: IsoDate | null; emergency: boolean; councilProvided: boolean; note: string; actorId: string },
	now = new Date()
): void {
	db.transaction(
		(tx) => {
			// A new stay ends the one before it (the day before it starts), so history has no overlaps.
			const open = tx.select().from(accommodationStay).where(eq(accommodationStay.youngPersonId, input.youngPersonId)).all().filter((s) => !s.toOn && s.fromOn < input.fromOn);
			for (const s of open) tx.update(accommodationStay).set({ toOn: dayBefore(input.fromOn) }).where(eq(accommodationStay.id, s.id)).run();
			tx.insert(accommodationStay).values({ ...input, recordedBy: input.actorId, recordedAt: now }).run();
		},
		{ behavior: 'immediate' }
	);
}

function dayBefore(d: IsoDate): IsoDate {
	const t = new Date(`${d}T00:00:00Z`);
	t.setUTCDate(t.getUTCDate() - 1);
	return t.toISOString().slice(0, 10);
}
