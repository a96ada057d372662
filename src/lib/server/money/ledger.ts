import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { IsoDate } from '../../domain/dates';
import { balance, checkEntry, type LedgerEntry, type LedgerProblem } from '../../domain/money-ledger';
import type { Db } from '../db/client';
import { claim, claimEvent, ledgerEntry, moneyRequest, user, type ClaimState, type LedgerEntryRow } from '../db/schema';
import { newId } from '../ids';
import { inJsonList, prepared } from '../db/prepared';

/** Entitlements a young person can ask to spend from themselves (others are paid by the PA as they fall due). */
export const ASKABLE = new Set(['setting_up_home']);

/** The national entitlements that are money the council pays out, so have a pot in the ledger. */
export const MONEY_ENTITLEMENTS = new Set(['setting_up_home', 'apprenticeship_bursary', 'he_bursary', 'bursary_16_19']);

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function ledgerFor(db: Db | Tx, youngPersonId: string): LedgerEntryRow[] {
	return db.select().from(ledgerEntry).where(eq(ledgerEntry.youngPersonId, youngPersonId)).orderBy(asc(ledgerEntry.id)).all();
}

/** The pure ledger's view of one pot's rows (corrections point at positions, not ids). */
export function asDomain(rows: LedgerEntryRow[]): LedgerEntry[] {
	const position = new Map(rows.map((r, i) => [r.id, i]));
	return rows.map((r): LedgerEntry => {
		const override = r.overrideReason ? { reason: r.overrideReason } : undefined;
		if (r.kind === 'allowance') return { kind: 'payment', pence: r.pence };
		if (r.kind === 'spend') return { kind: 'spend', pence: r.pence, override };
		return { kind: 'correction', pence: r.pence, corrects: position.get(r.correctsId ?? -1) ?? -1, override };
	});
}

export interface Pot {
	entitlement: string;
	allowancePence: number;
	leftPence: number;
	entries: LedgerEntryRow[];
}

/** One pot per entitlement, in the order each was opened. */
export function potsOf(rows: LedgerEntryRow[]): Pot[] {
	const byEntitlement = new Map<string, LedgerEntryRow[]>();
	for (const r of rows) byEntitlement.set(r.entitlement, [...(byEntitlement.get(r.entitlement) ?? []), r]);
	return [...byEntitlement].map(([entitlement, entries]) => ({
		entitlement,
		allowancePence: entries.filter((e) => e.kind === 'allowance').reduce((s, e) => s + e.pence, 0),
		leftPence: balance(asDomain(entries)),
		entries
	}));
}

function addClaimEvent(tx: Tx, claimId: string, state: ClaimState, actorId: string, note: string, now: Date) {
	tx.insert(claimEvent).values({ claimId, state, note, actorId, at: now }).run();
}

/** The claim for this entitlement, made (as "not started") if there is none yet. */
function ensureClaim(tx: Tx, youngPersonId: string, entitlement: string, now: Date, localOfferVersionId: number | null = null) {
	tx.insert(claim)
		.values({ id: newId(), youngPersonId, entitlement, localOfferVersionId, state: 'not_started', updatedAt: now, createdAt: now })
		.onConflictDoNothing()
		.run();
	return tx.select().from(claim).where(and(eq(claim.youngPersonId, youngPersonId), eq(claim.entitlement, entitlement))).get()!;
}

function moveClaim(tx: Tx, claimId: string, from: ClaimState, to: ClaimState, actorId: string, note: string, now: Date, declineReason: string | null = null) {
	if (from === to) return;
	tx.update(claim).set({ state: to, declineReason, updatedAt: now }).where(eq(claim.id, claimId)).run();
	addClaimEvent(tx, claimId, to, actorId, note, now);
}

/** Puts the entitlement's amount into its pot, once (the key makes a second call do nothing). */
function openPot(tx: Tx, youngPersonId: string, entitlement: string, pence: number, on: IsoDate, actorId: string, now: Date) {
	tx.insert(ledgerEntry)
		.values({ youngPersonId, entitlement, kind: 'allowance', pence, item: 'allowance', occurredOn: on, key: `open:${youngPersonId}:${entitlement}`, createdBy: actorId, createdAt: now })
		.onConflictDoNothing()
		.run();
}

const potRows = (tx: Tx, youngPersonId: string, entitlement: string) =>
	tx.select().from(ledgerEntry).where(and(eq(ledgerEntry.youngPersonId, youngPersonId), eq(ledgerEntry.entitlement, entitlement))).orderBy(asc(ledgerEntry.id)).all();

export type AskResult = { ok: true; requestId: string } | { ok: false; field: 'amount'; code: 'more_than_left'; leftPence: number };

/**
 * The young person asks to spend part of an allowance. Eligibility is checked by the caller with
 * the engine; here the pot is opened with the amount in force and the ask is kept within what is left
 * (counting asks already waiting, so two asks cannot together promise more than is there).
 */
export function askForMoney(
	db: Db,
	input: { youngPersonId: string; entitlement: string; allowancePence: number; pence: number; item: string; actorId: string; today: IsoDate; localOfferVersionId?: number | null },
	now = new Date()
): AskResult {
	return db.transaction(
		(tx) => {
			const c = ensureClaim(tx, input.youngPersonId, input.entitlement, now, input.localOfferVersionId ?? null);
			openPot(tx, input.youngPersonId, input.entitlement, input.allowancePence, input.today, input.actorId, now);
			const left = balance(asDomain(potRows(tx, input.youngPersonId, input.entitlement)));
			const waiting = tx
				.select({ pence: moneyRequest.pence })
				.from(moneyRequest)
				.where(and(eq(moneyRequest.claimId, c.id), inArray(moneyRequest.state, ['asked', 'approved'])))
				.all()
				.reduce((s, r) => s + r.pence, 0);
			if (input.pence > left - waiting) return { ok: false, field: 'amount', code: 'more_than_left', leftPence: Math.max(0, left - waiting) };
			const id = newId();
			tx.insert(moneyRequest)
				.values({ id, claimId: c.id, youngPersonId: input.youngPersonId, pence: input.pence, item: input.item, state: 'asked', askedBy: input.actorId, askedAt: now })
				.run();
			if (c.state === 'not_started' || c.state === 'declined') moveClaim(tx, c.id, c.state, 'asked', input.actorId, input.item, now);
			return { ok: true, requestId: id };
		},
		{ behavior: 'immediate' }
	);
}

export type DecideResult = 'approved' | 'declined' | 'already_decided' | 'not_found';

/**
 * Approves or declines an ask. The state change is one conditional UPDATE, so if the same form is
 * sent twice, or two PAs press at once, exactly one of them decides and the other is told.
 */
export function decideRequest(
	db: Db,
	input: { youngPersonId: string; requestId: string; decision: 'approve' | 'decline'; reason: string; actorId: string },
	now = new Date()
): DecideResult {
	return db.transaction(
		(tx) => {
			const req = tx.select().from(moneyRequest).where(and(eq(moneyRequest.id, input.requestId), eq(moneyRequest.youngPersonId, input.youngPersonId))).get();
			if (!req) return 'not_found';
			const state = input.decision === 'approve' ? 'approved' : 'declined';
			const changed = tx
				.update(moneyRequest)
				.set({ state, decidedBy: input.actorId, decidedAt: now, declineReason: input.decision === 'decline' ? input.reason : null })
				.where(and(eq(moneyRequest.id, req.id), eq(moneyRequest.state, 'asked')))
				.run().changes;
			if (changed !== 1) return 'already_decided';
			const c = tx.select().from(claim).where(eq(claim.id, req.claimId)).get()!;
			if (state === 'approved' && (c.state === 'asked' || c.state === 'in_progress' || c.state === 'not_started')) moveClaim(tx, c.id, c.state, 'approved', input.actorId, req.item, now);
			else addClaimEvent(tx, c.id, c.state, input.actorId, `${state}: ${req.item}`, now);
			return state;
		},
		{ behavior: 'immediate' }
	);
}

export type PayResult = { ok: true; entryId: number; leftPence: number } | { ok: false; code: 'already_paid' | 'not_approved' | 'not_found' | 'would_go_below_zero' | LedgerProblem; leftPence?: number };

/**
 * Records money paid out of a pot: for an approved ask (keyed on the ask, so it is paid once), or
 * on its own (an instalment, say). The balance may not go below zero unless an override reason is given.
 */
export function recordPayment(
	db: Db,
	input: {
		youngPersonId: string;
		entitlement: string;
		allowancePence: number | null;
		requestId?: string | null;
		pence: number;
		item: string;
		paidOn: IsoDate;
		overrideReason?: string | null;
		actorId: string;
	},
	now = new Date()
): PayResult {
	return db.transaction(
		(tx) => {
			let entitlement = input.entitlement;
			let item = input.item;
			if (input.requestId) {
				const req = tx.select().from(moneyRequest).where(and(eq(moneyRequest.id, input.requestId), eq(moneyRequest.youngPersonId, input.youngPersonId))).get();
				if (!req) return { ok: false, code: 'not_found' };
				if (req.state === 'paid') return { ok: false, code: 'already_paid' };
				if (req.state !== 'approved') return { ok: false, code: 'not_approved' };
				entitlement = tx.select({ e: claim.entitlement }).from(claim).where(eq(claim.id, req.claimId)).get()!.e;
				item = req.item;
			}
			const c = ensureClaim(tx, input.youngPersonId, entitlement, now);
			if (input.allowancePence !== null) openPot(tx, input.youngPersonId, entitlement, input.allowancePence, input.paidOn, input.actorId, now);
			const rows = potRows(tx, input.youngPersonId, entitlement);
			const override = input.overrideReason?.trim() ? { reason: input.overrideReason.trim() } : undefined;
			const problem = checkEntry(asDomain(rows), { kind: 'spend', pence: input.pence, override });
			if (problem) return { ok: false, code: problem, leftPence: balance(asDomain(rows)) };
			const key = input.requestId ? `pay:${input.requestId}` : `pay:${newId()}`;
			const inserted = tx
				.insert(ledgerEntry)
				.values({
					youngPersonId: input.youngPersonId,
					entitlement,
					kind: 'spend',
					pence: input.pence,
					item,
					occurredOn: input.paidOn,
					key,
					requestId: input.requestId ?? null,
					overrideReason: override?.reason ?? null,
					createdBy: input.actorId,
					createdAt: now
				})
				.onConflictDoNothing()
				.returning({ id: ledgerEntry.id })
				.get();
			if (!inserted) return { ok: false, code: 'already_paid' };
			if (input.requestId) tx.update(moneyRequest).set({ state: 'paid', paidBy: input.actorId, paidAt: now }).where(eq(moneyRequest.id, input.requestId)).run();
			const left = balance(asDomain(potRows(tx, input.youngPersonId, entitlement)));
			const to: ClaimState = left > 0 ? 'part_paid' : 'paid';
			if (c.state !== to) moveClaim(tx, c.id, c.state, to, input.actorId, item, now);
			else addClaimEvent(tx, c.id, c.state, input.actorId, item, now);
			return { ok: true, entryId: inserted.id, leftPence: left };
		},
		{ behavior: 'immediate' }
	);
}

export type CorrectResult = { ok: true } | { ok: false; code: 'not_found' | LedgerProblem };

/** A correction is a new signed entry pointing at the one it corrects; the original stays as it was. */
export function recordCorrection(
	db: Db,
	input: { youngPersonId: string; correctsId: number; pence: number; reason: string; overrideReason?: string | null; actorId: string; on: IsoDate },
	now = new Date()
): CorrectResult {
	return db.transaction(
		(tx) => {
			const target = tx.select().from(ledgerEntry).where(and(eq(ledgerEntry.id, input.correctsId), eq(ledgerEntry.youngPersonId, input.youngPersonId))).get();
			if (!target) return { ok: false, code: 'not_found' };
			const rows = potRows(tx, input.youngPersonId, target.entitlement);
			const override = input.overrideReason?.trim() ? { reason: input.overrideReason.trim() } : undefined;
			const problem = checkEntry(asDomain(rows), { kind: 'correction', pence: input.pence, corrects: rows.findIndex((r) => r.id === target.id), override });
			if (problem) return { ok: false, code: problem };
			tx.insert(ledgerEntry)
				.values({
					youngPersonId: input.youngPersonId,
					entitlement: target.entitlement,
					kind: 'correction',
					pence: input.pence,
					item: input.reason,
					occurredOn: input.on,
					key: `fix:${newId()}`,
					correctsId: target.id,
					overrideReason: override?.reason ?? null,
					createdBy: input.actorId,
					createdAt: now
				})
				.run();
			return { ok: true };
		},
		{ behavior: 'immediate' }
	);
}

/** The PA moves a claim along its lifecycle by hand (e.g. "in progress" while forms are filled in). */
export function setClaimState(
	db: Db,
	input: { youngPersonId: string; entitlement: string; state: ClaimState; reason: string; actorId: string },
	now = new Date()
): void {
	db.transaction(
		(tx) => {
			const c = ensureClaim(tx, input.youngPersonId, input.entitlement, now);
			if (c.state === input.state) addClaimEvent(tx, c.id, c.state, input.actorId, input.reason, now);
			else moveClaim(tx, c.id, c.state, input.state, input.actorId, input.reason, now, input.state === 'declined' ? input.reason : null);
		},
		{ behavior: 'immediate' }
	);
}

export function claimsFor(db: Db, youngPersonId: string) {
	return db.select().from(claim).where(eq(claim.youngPersonId, youngPersonId)).all();
}

export function claimsForMany(db: Db, ids: string[]) {
	if (ids.length === 0) return [];
	return prepared(db, 'money.claims_for_many', () =>
		db.select({ youngPersonId: claim.youngPersonId, entitlement: claim.entitlement, state: claim.state }).from(claim).where(inJsonList(claim.youngPersonId, 'ids')).prepare()
	).all({ ids: JSON.stringify(ids) });
}

export function requestsFor(db: Db, youngPersonId: string) {
	return db
		.select({
			id: moneyRequest.id,
			claimId: moneyRequest.claimId,
			entitlement: claim.entitlement,
			pence: moneyRequest.pence,
			item: moneyRequest.item,
			state: moneyRequest.state,
			askedAt: moneyRequest.askedAt,
			decidedAt: moneyRequest.decidedAt,
			declineReason: moneyRequest.declineReason,
			paidAt: moneyRequest.paidAt
		})
		.from(moneyRequest)
		.innerJoin(claim, eq(claim.id, moneyRequest.claimId))
		.where(eq(moneyRequest.youngPersonId, youngPersonId))
		.orderBy(desc(moneyRequest.askedAt))
		.all();
}

/** Every step of every claim, newest first, with who took it: what both the PA and the young person see. */
export function claimStory(db: Db, youngPersonId: string, limit = 50) {
	return db
		.select({ id: claimEvent.id, entitlement: claim.entitlement, state: claimEvent.state, note: claimEvent.note, at: claimEvent.at, by: user.displayName })
		.from(claimEvent)
		.innerJoin(claim, eq(claim.id, claimEvent.claimId))
		.innerJoin(user, eq(user.id, claimEvent.actorId))
		.where(eq(claim.youngPersonId, youngPersonId))
		.orderBy(desc(claimEvent.id))
		.limit(limit)
		.all();
}

export function countAsksWaiting(db: Db, youngPersonId: string): number {
	return db.select({ n: count() }).from(moneyRequest).where(and(eq(moneyRequest.youngPersonId, youngPersonId), eq(moneyRequest.state, 'asked'))).get()?.n ?? 0;
}
