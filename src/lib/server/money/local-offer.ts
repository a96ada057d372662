import { and, desc, eq, sql } from 'drizzle-orm';
import { addCalendarDays, ageOn, birthday, type IsoDate } from '../../domain/dates';
import type { Db } from '../db/client';
import { claim, localOfferVersion, user, type LocalOfferVersion } from '../db/schema';
import { newId } from '../ids';
import { once, type OperationReused } from './operations';

export const LOCAL_PREFIX = 'local:';
export const localKey = (offerId: string) => `${LOCAL_PREFIX}${offerId}`;

export interface LocalOfferFields {
	title: string;
	description: string;
	howToGet: string;
	conditions: string;
	amountPence: number | null;
	minAge: number;
	maxAge: number;
	effectiveFrom: IsoDate;
	effectiveTo: IsoDate | null;
	withdrawn: boolean;
}

/** The latest version of every local offer item (withdrawn ones included, for the manager). */
export function latestLocalOffers(db: Db): LocalOfferVersion[] {
	const latest = db
		.select({ offerId: localOfferVersion.offerId, version: sql<number>`max(${localOfferVersion.version})`.as('v') })
		.from(localOfferVersion)
		.groupBy(localOfferVersion.offerId)
		.as('latest');
	return db
		.select({ row: localOfferVersion })
		.from(localOfferVersion)
		.innerJoin(latest, and(eq(latest.offerId, localOfferVersion.offerId), eq(latest.version, localOfferVersion.version)))
		.orderBy(localOfferVersion.title)
		.all()
		.map((r) => r.row);
}

/** What applies on `on`: not withdrawn, in its dates. */
export function offersInForce(offers: LocalOfferVersion[], on: IsoDate): LocalOfferVersion[] {
	return offers.filter((o) => !o.withdrawn && o.effectiveFrom <= on && (!o.effectiveTo || on <= o.effectiveTo));
}

/** `until` is the last day it applies (like the national items' `until`); it has lapsed on the day after. */
export type LocalOutcome = { offer: LocalOfferVersion; state: 'eligible_now' | 'eligible_from' | 'lapsed'; from?: IsoDate; until: IsoDate };

/**
 * A local offer item for one young person: by age, like the national ones. `maxAge` 25 means up
 * to the day before the 25th birthday, so that is the last day; an `effectiveTo` (inclusive) that
 * comes first is the last day instead (issue 13 item 8: it showed as ending a day late).
 */
export function localOutcome(offer: LocalOfferVersion, dateOfBirth: IsoDate, today: IsoDate): LocalOutcome {
	const from = birthday(dateOfBirth, offer.minAge);
	const lastDay = addCalendarDays(birthday(dateOfBirth, offer.maxAge), -1);
	const age = ageOn(dateOfBirth, today);
	const until = offer.effectiveTo && offer.effectiveTo < lastDay ? offer.effectiveTo : lastDay;
	if (age >= offer.maxAge) return { offer, state: 'lapsed', until: lastDay };
	if (age < offer.minAge) return { offer, state: 'eligible_from', from, until };
	return { offer, state: 'eligible_now', until };
}

export function offerHistory(db: Db, offerId: string) {
	return db
		.select({
			id: localOfferVersion.id,
			version: localOfferVersion.version,
			title: localOfferVersion.title,
			amountPence: localOfferVersion.amountPence,
			effectiveFrom: localOfferVersion.effectiveFrom,
			effectiveTo: localOfferVersion.effectiveTo,
			withdrawn: localOfferVersion.withdrawn,
			createdAt: localOfferVersion.createdAt,
			by: user.displayName
		})
		.from(localOfferVersion)
		.innerJoin(user, eq(user.id, localOfferVersion.createdBy))
		.where(eq(localOfferVersion.offerId, offerId))
		.orderBy(desc(localOfferVersion.version))
		.all();
}

export function latestVersion(db: Db, offerId: string): LocalOfferVersion | undefined {
	return db.select().from(localOfferVersion).where(eq(localOfferVersion.offerId, offerId)).orderBy(desc(localOfferVersion.version)).limit(1).get();
}

/** How many claims were made against any version of this item (shown before an edit). */
export function claimsAgainst(db: Db, offerId: string): number {
	return db.select({ n: sql<number>`count(*)` }).from(claim).where(eq(claim.entitlement, localKey(offerId))).get()?.n ?? 0;
}

/**
 * Saves a local offer item: a new item, or the next version of an existing one. Earlier versions
 * stay exactly as they were (a trigger refuses updates), so claims keep what they were made against.
 */
export type SaveOfferResult = { ok: true; offerId: string; version: number } | OperationReused;

export function saveLocalOffer(db: Db, offerId: string | null, fields: LocalOfferFields, actorId: string, operationId: string, now = new Date()): SaveOfferResult {
	return db.transaction(
		(tx) =>
			once<SaveOfferResult>(tx, { operationId, kind: 'local_offer', actorId, content: [offerId, fields] }, now, () => {
				const id = offerId ?? newId();
				const prev = offerId ? tx.select({ v: sql<number>`max(${localOfferVersion.version})` }).from(localOfferVersion).where(eq(localOfferVersion.offerId, id)).get()?.v : 0;
				const version = (prev ?? 0) + 1;
				tx.insert(localOfferVersion).values({ offerId: id, version, ...fields, createdBy: actorId, createdAt: now }).run();
				return { ok: true, offerId: id, version };
			}),
		{ behavior: 'immediate' }
	);
}
