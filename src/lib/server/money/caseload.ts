import { and, count, eq } from 'drizzle-orm';
import { inJsonList, prepared } from '../db/prepared';
import { addCalendarDays, type IsoDate } from '../../domain/dates';
import type { Db } from '../db/client';
import { moneyRequest, youngPerson, type YoungPerson } from '../db/schema';
import type { Outcome } from '../../domain/money/engine';
import { entitlementsFor } from './entitlements';
import { claimsForMany, MONEY_ENTITLEMENTS } from './ledger';
import { LAPSING_WITHIN_DAYS } from '../jobs/reminders';

/** States in which a claim is still to be made. */
const UNCLAIMED = new Set(['not_started', undefined]);

/**
 * Caseload-wide money work for a PA: asks waiting, money entitlements nobody has claimed yet,
 * and anything ending within 60 days. Three queries whatever the caseload's size.
 */
export function caseloadMoney(db: Db, ids: string[], today: IsoDate) {
	if (ids.length === 0) return { waiting: [], notYetClaimed: [], lapsing: [], outcomes: new Map<string, Outcome[]>(), people: [] as YoungPerson[] };
	const list = { ids: JSON.stringify(ids) };
	const people = prepared(db, 'money.caseload_people', () => db.select().from(youngPerson).where(inJsonList(youngPerson.id, 'ids')).prepare()).all(list);
	const claims = claimsForMany(db, ids);
	const asks = prepared(db, 'money.caseload_asks', () =>
		db
			.select({ youngPersonId: moneyRequest.youngPersonId, n: count() })
			.from(moneyRequest)
			.where(and(inJsonList(moneyRequest.youngPersonId, 'ids'), eq(moneyRequest.state, 'asked')))
			.groupBy(moneyRequest.youngPersonId)
			.prepare()
	).all(list);
	const claimState = new Map(claims.map((c) => [`${c.youngPersonId}:${c.entitlement}`, c.state]));
	const horizon = addCalendarDays(today, LAPSING_WITHIN_DAYS);
	const notYetClaimed: { id: string; name: string; entitlement: string; amountPence: number | null }[] = [];
	const lapsing: { id: string; name: string; entitlement: string; until: IsoDate }[] = [];
	// Worked out once per person; Today reads them too (the apprenticeship instalments).
	const outcomes = new Map(people.map((p) => [p.id, entitlementsFor(p, today)]));
	for (const p of people) {
		for (const o of outcomes.get(p.id)!) {
			if (o.state !== 'eligible_now') continue;
			if (MONEY_ENTITLEMENTS.has(o.id) && UNCLAIMED.has(claimState.get(`${p.id}:${o.id}`))) notYetClaimed.push({ id: p.id, name: p.preferredName, entitlement: o.id, amountPence: o.amountPence });
			if (o.until && o.until <= horizon) lapsing.push({ id: p.id, name: p.preferredName, entitlement: o.id, until: o.until });
		}
	}
	const names = new Map(people.map((p) => [p.id, p.preferredName]));
	return {
		waiting: asks.map((a) => ({ id: a.youngPersonId, name: names.get(a.youngPersonId) ?? '', count: a.n })).sort((a, b) => a.name.localeCompare(b.name)),
		notYetClaimed: notYetClaimed.sort((a, b) => a.name.localeCompare(b.name) || a.entitlement.localeCompare(b.entitlement)),
		lapsing: lapsing.sort((a, b) => a.until.localeCompare(b.until) || a.name.localeCompare(b.name)),
		outcomes,
		// The records, for Today's other clocks (read here once, not twice).
		people
	};
}
