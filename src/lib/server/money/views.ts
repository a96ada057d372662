import { addCalendarDays, birthday, checkDate, type IsoDate } from '../../domain/dates';
import type { Outcome } from '../../domain/money/engine';
import type { Db } from '../db/client';
import type { YoungPerson } from '../db/schema';
import { entitlementsFor } from './entitlements';
import { ASKABLE, claimsFor, claimStory, ledgerFor, MONEY_ENTITLEMENTS, potsOf, requestsFor } from './ledger';
import { latestLocalOffers, localKey, localOutcome, offersInForce, type LocalOutcome } from './local-offer';

/** Something that can hold money for this young person: a national allowance or a local offer item with an amount. */
export interface MoneySource {
	key: string;
	/** A catalogue id, or null for a local offer item (then `title` names it). */
	catalogueId: string | null;
	title: string | null;
	state: Outcome['state'];
	reason: string | null;
	/** When it starts, if it has not yet. */
	from: IsoDate | null;
	amountPence: number;
	localOfferVersionId: number | null;
	askable: boolean;
}

/** Everything Harbour knows about one young person's entitlements and money today, in one go (a handful of queries). */
export function moneyPicture(db: Db, person: YoungPerson, today: IsoDate) {
	const outcomes = entitlementsFor(person, today);
	// A birth date that needs fixing: no local offer answers either (the page says the date needs fixing).
	const local = checkDate(person.dateOfBirth) ? offersInForce(latestLocalOffers(db), today).map((o) => localOutcome(o, person.dateOfBirth, today)) : [];
	const sources: MoneySource[] = [
		...outcomes
			.filter((o) => MONEY_ENTITLEMENTS.has(o.id) && o.amountPence)
			.map((o) => ({ key: o.id, catalogueId: o.id, title: null, state: o.state, reason: o.reason, from: o.state === 'eligible_from' ? (o.from ?? null) : null, amountPence: o.amountPence ?? 0, localOfferVersionId: null, askable: ASKABLE.has(o.id) })),
		...local
			.filter((l) => l.offer.amountPence)
			.map((l) => ({ key: localKey(l.offer.offerId), catalogueId: null, title: l.offer.title, state: l.state, reason: null, from: l.state === 'eligible_from' ? (l.from ?? null) : null, amountPence: l.offer.amountPence ?? 0, localOfferVersionId: l.offer.id, askable: true }))
	];
	const pots = potsOf(ledgerFor(db, person.id));
	const requests = requestsFor(db, person.id);
	const claims = claimsFor(db, person.id);
	const apprenticeship = outcomes.find((o) => o.id === 'apprenticeship_bursary');
	const instalments =
		apprenticeship?.state === 'eligible_now' && apprenticeship.amountPence
			? apprenticeship.keyDates.map((k) => ({ label: k.label, date: k.date, pence: Math.round((apprenticeship.amountPence ?? 0) / apprenticeship.keyDates.length) }))
			: [];
	const money = sources.map((s) => {
		const pot = pots.find((p) => p.entitlement === s.key);
		return {
			...s,
			allowancePence: pot?.allowancePence ?? s.amountPence,
			leftPence: pot?.leftPence ?? s.amountPence,
			waitingPence: requests.filter((r) => r.entitlement === s.key && (r.state === 'asked' || r.state === 'approved')).reduce((t, r) => t + r.pence, 0),
			entries: (pot?.entries ?? []).filter((e) => e.kind !== 'allowance').map((e) => ({ id: e.id, kind: e.kind, pence: e.pence, item: e.item, occurredOn: e.occurredOn, override: e.overrideReason }))
		};
	});
	return { outcomes, local, money, requests, claims, instalments };
}

export type DateThatMatters = { date: IsoDate; kind: string; entitlement: string | null; title: string | null };

/** "Dates that matter": birthdays that change things, instalments, and when help starts or stops, from today on. */
export function datesThatMatter(outcomes: Outcome[], local: LocalOutcome[], dateOfBirth: IsoDate, today: IsoDate, horizonDays = 366 * 8): DateThatMatters[] {
	const out: DateThatMatters[] = [];
	const add = (date: IsoDate | undefined, kind: string, entitlement: string | null, title: string | null = null) => {
		if (date && date >= today && date <= addCalendarDays(today, horizonDays)) out.push({ date, kind, entitlement, title });
	};
	for (const o of outcomes) {
		if (o.state === 'not_eligible' || o.state === 'lapsed') continue;
		if (o.state === 'eligible_from') add(o.from, 'starts', o.id);
		if (o.until) add(addCalendarDays(o.until, 1), 'ends', o.id);
		for (const k of o.keyDates) if (k.label.startsWith('instalment')) add(k.date, k.label, o.id);
	}
	for (const l of local) {
		if (l.state === 'eligible_from') add(l.from, 'starts', null, l.offer.title);
		if (l.state !== 'lapsed') add(addCalendarDays(l.until, 1), 'ends', null, l.offer.title);
	}
	if (checkDate(dateOfBirth)) for (const age of [18, 21, 25]) add(birthday(dateOfBirth, age), `birthday_${age}`, null);
	return out.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}

export { claimStory };
