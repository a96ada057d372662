import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { londonDay, type IsoDate } from '../../domain/dates';
import { balance, checkEntry, confirmProblem, correctionBound, DEFAULT_LIMIT_PENCE, needsSecondPerson, type LedgerEntry, type LedgerProblem } from '../../domain/money/ledger';
import type { Db } from '../db/client';
import { approvalLimitVersion, claim, claimEvent, ledgerEntry, moneyPending, moneyRequest, user, youngPerson, type ClaimState, type LedgerEntryRow } from '../db/schema';
import { once, type OperationReused } from './operations';
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

export type AskResult =
	| { ok: true; requestId: string }
	| { ok: false; field: 'amount'; code: 'more_than_left'; leftPence: number }
	| { ok: false; field: 'amount'; code: 'not_positive' }
	| OperationReused;

/**
 * The young person asks to spend part of an allowance. Eligibility is checked by the caller with
 * the engine; here the pot is opened with the amount in force and the ask is kept within what is left
 * (counting asks already waiting, so two asks cannot together promise more than is there).
 * Counted once per operation id.
 */
export function askForMoney(
	db: Db,
	input: { youngPersonId: string; entitlement: string; allowancePence: number; pence: number; item: string; actorId: string; today: IsoDate; localOfferVersionId?: number | null; operationId: string },
	now = new Date()
): AskResult {
	return db.transaction(
		(tx) =>
			once<AskResult>(tx, { operationId: input.operationId, kind: 'ask', actorId: input.actorId, content: [input.youngPersonId, input.entitlement, input.pence, input.item] }, now, () => {
				if (!Number.isSafeInteger(input.pence) || input.pence <= 0) return { ok: false, field: 'amount', code: 'not_positive' };
				const c = ensureClaim(tx, input.youngPersonId, input.entitlement, now, input.localOfferVersionId ?? null);
				openPot(tx, input.youngPersonId, input.entitlement, input.allowancePence, input.today, input.actorId, now);
				const left = balance(asDomain(potRows(tx, input.youngPersonId, input.entitlement)));
				const waiting = tx
					.select({ pence: moneyRequest.pence })
					.from(moneyRequest)
					.where(and(eq(moneyRequest.claimId, c.id), inArray(moneyRequest.state, ['asked', 'confirming', 'approved'])))
					.all()
					.reduce((s, r) => s + r.pence, 0);
				if (input.pence > left - waiting) return { ok: false, field: 'amount', code: 'more_than_left', leftPence: Math.max(0, left - waiting) };
				const id = newId();
				tx.insert(moneyRequest)
					.values({ id, claimId: c.id, youngPersonId: input.youngPersonId, pence: input.pence, item: input.item, state: 'asked', askedBy: input.actorId, askedAt: now })
					.run();
				if (c.state === 'not_started' || c.state === 'declined') moveClaim(tx, c.id, c.state, 'asked', input.actorId, input.item, now);
				return { ok: true, requestId: id };
			}),
		{ behavior: 'immediate' }
	);
}

/** The approval limit in force: the newest version a manager set, or £500 until one has. */
export function currentLimit(db: Db | Tx): number {
	return db.select({ p: approvalLimitVersion.limitPence }).from(approvalLimitVersion).orderBy(desc(approvalLimitVersion.version)).limit(1).get()?.p ?? DEFAULT_LIMIT_PENCE;
}

export type DecideResult = { ok: true; code: 'approved' | 'declined' | 'pending' } | { ok: false; code: 'already_decided' | 'not_found' | 'own_request' } | OperationReused;

function insertPending(tx: Tx, values: Omit<typeof moneyPending.$inferInsert, 'id' | 'state' | 'requestedAt'>, now: Date): string | null {
	const id = newId();
	const done = tx
		.insert(moneyPending)
		.values({ ...values, id, state: 'waiting', requestedAt: now })
		.onConflictDoNothing()
		.run().changes;
	return done === 1 ? id : null;
}

/**
 * Approves or declines an ask. The state change is one conditional UPDATE, so if the same form is
 * sent twice, or two PAs press at once, exactly one of them decides and the other is told. An
 * approval above the approval limit waits (`confirming`) for a manager to confirm it. Nobody can
 * approve an ask they made themselves.
 */
export function decideRequest(
	db: Db,
	input: { youngPersonId: string; requestId: string; decision: 'approve' | 'decline'; reason: string; actorId: string; operationId: string },
	now = new Date()
): DecideResult {
	return db.transaction(
		(tx) =>
			once<DecideResult>(tx, { operationId: input.operationId, kind: 'decide', actorId: input.actorId, content: [input.youngPersonId, input.requestId, input.decision, input.reason] }, now, () => {
				const req = tx.select().from(moneyRequest).where(and(eq(moneyRequest.id, input.requestId), eq(moneyRequest.youngPersonId, input.youngPersonId))).get();
				if (!req) return { ok: false, code: 'not_found' };
				if (req.state !== 'asked') return { ok: false, code: 'already_decided' };
				if (input.decision === 'approve' && req.askedBy === input.actorId) return { ok: false, code: 'own_request' };
				const limit = currentLimit(tx);
				const waits = input.decision === 'approve' && needsSecondPerson({ pence: req.pence, limitPence: limit, override: false }) === 'over_limit';
				const state = input.decision === 'decline' ? 'declined' : waits ? 'confirming' : 'approved';
				const changed = tx
					.update(moneyRequest)
					.set({ state, decidedBy: input.actorId, decidedAt: now, declineReason: input.decision === 'decline' ? input.reason : null })
					.where(and(eq(moneyRequest.id, req.id), eq(moneyRequest.state, 'asked')))
					.run().changes;
				if (changed !== 1) return { ok: false, code: 'already_decided' };
				const c = tx.select().from(claim).where(eq(claim.id, req.claimId)).get()!;
				if (waits) {
					insertPending(tx, { kind: 'decide', youngPersonId: req.youngPersonId, entitlement: c.entitlement, requestId: req.id, pence: req.pence, item: req.item, occurredOn: londonDay(now), why: 'over_limit', limitPence: limit, requestedBy: input.actorId }, now);
					addClaimEvent(tx, c.id, c.state, input.actorId, `waiting for a manager: ${req.item}`, now);
					return { ok: true, code: 'pending' };
				}
				if (state === 'approved' && (c.state === 'asked' || c.state === 'in_progress' || c.state === 'not_started')) moveClaim(tx, c.id, c.state, 'approved', input.actorId, req.item, now);
				else addClaimEvent(tx, c.id, c.state, input.actorId, `${state}: ${req.item}`, now);
				return { ok: true, code: state === 'approved' ? 'approved' : 'declined' };
			}),
		{ behavior: 'immediate' }
	);
}

export type PayResult =
	| { ok: true; entryId: number; leftPence: number }
	| { ok: true; pendingId: string; why: 'over_limit' | 'override' }
	| { ok: false; code: 'already_paid' | 'already_pending' | 'not_approved' | 'not_found' | LedgerProblem; leftPence?: number }
	| OperationReused;

/** Writes a spend (after every check) and moves the ask and the claim on. Shared by paying and confirming. */
function writeSpend(
	tx: Tx,
	p: { youngPersonId: string; entitlement: string; requestId: string | null; pence: number; item: string; on: IsoDate; key: string; overrideReason: string | null; createdBy: string; approvedBy: string | null; actorId: string },
	now: Date
): { entryId: number; leftPence: number } | null {
	const inserted = tx
		.insert(ledgerEntry)
		.values({
			youngPersonId: p.youngPersonId,
			entitlement: p.entitlement,
			kind: 'spend',
			pence: p.pence,
			item: p.item,
			occurredOn: p.on,
			key: p.key,
			requestId: p.requestId,
			overrideReason: p.overrideReason,
			createdBy: p.createdBy,
			approvedBy: p.approvedBy,
			createdAt: now
		})
		.onConflictDoNothing()
		.returning({ id: ledgerEntry.id })
		.get();
	if (!inserted) return null;
	if (p.requestId) tx.update(moneyRequest).set({ state: 'paid', paidBy: p.createdBy, paidAt: now }).where(eq(moneyRequest.id, p.requestId)).run();
	const c = ensureClaim(tx, p.youngPersonId, p.entitlement, now);
	const left = balance(asDomain(potRows(tx, p.youngPersonId, p.entitlement)));
	const to: ClaimState = left > 0 ? 'part_paid' : 'paid';
	if (c.state !== to) moveClaim(tx, c.id, c.state, to, p.actorId, p.item, now);
	else addClaimEvent(tx, c.id, c.state, p.actorId, p.item, now);
	return { entryId: inserted.id, leftPence: left };
}

/**
 * Records money paid out of a pot: for an approved ask (keyed on the ask, so it is paid once), or
 * on its own (an instalment, say; keyed on the form's operation id). The balance may not go below
 * zero unless an override reason is given; an override, or a payment above the approval limit,
 * waits for a manager to confirm it and moves no money until then.
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
		operationId: string;
	},
	now = new Date()
): PayResult {
	const reason = input.overrideReason?.trim() || null;
	const content = input.requestId ? [input.youngPersonId, input.requestId, reason, input.paidOn] : [input.youngPersonId, input.entitlement, input.pence, input.item, reason, input.paidOn];
	return db.transaction(
		(tx) =>
			once<PayResult>(tx, { operationId: input.operationId, kind: 'pay', actorId: input.actorId, content }, now, () => {
				let entitlement = input.entitlement;
				let item = input.item;
				let pence = input.pence;
				let req: typeof moneyRequest.$inferSelect | undefined;
				if (input.requestId) {
					req = tx.select().from(moneyRequest).where(and(eq(moneyRequest.id, input.requestId), eq(moneyRequest.youngPersonId, input.youngPersonId))).get();
					if (!req) return { ok: false, code: 'not_found' };
					if (req.state === 'paid') return { ok: false, code: 'already_paid' };
					if (req.state !== 'approved') return { ok: false, code: 'not_approved' };
					entitlement = tx.select({ e: claim.entitlement }).from(claim).where(eq(claim.id, req.claimId)).get()!.e;
					item = req.item;
					pence = req.pence;
				}
				ensureClaim(tx, input.youngPersonId, entitlement, now);
				if (input.allowancePence !== null) openPot(tx, input.youngPersonId, entitlement, input.allowancePence, input.paidOn, input.actorId, now);
				const rows = asDomain(potRows(tx, input.youngPersonId, entitlement));
				const left = balance(rows);
				const plain = checkEntry(rows, { kind: 'spend', pence });
				const withOverride = reason ? checkEntry(rows, { kind: 'spend', pence, override: { reason } }) : plain;
				if (withOverride) return { ok: false, code: withOverride, leftPence: left };
				const limit = currentLimit(tx);
				const why = needsSecondPerson({ pence, limitPence: limit, override: plain === 'would_go_below_zero', limitAlreadyConfirmed: !!req?.confirmedBy });
				if (why) {
					const pendingId = insertPending(
						tx,
						{ kind: 'pay', youngPersonId: input.youngPersonId, entitlement, requestId: req?.id ?? null, pence, item, occurredOn: input.paidOn, overrideReason: why === 'override' ? reason : null, allowancePence: input.allowancePence, why, limitPence: limit, requestedBy: input.actorId },
						now
					);
					if (!pendingId) return { ok: false, code: 'already_pending' };
					return { ok: true, pendingId, why };
				}
				const written = writeSpend(
					tx,
					{ youngPersonId: input.youngPersonId, entitlement, requestId: req?.id ?? null, pence, item, on: input.paidOn, key: req ? `pay:${req.id}` : `pay:${input.operationId}`, overrideReason: null, createdBy: input.actorId, approvedBy: req ? (req.confirmedBy ?? req.decidedBy) : null, actorId: input.actorId },
					now
				);
				if (!written) return { ok: false, code: 'already_paid' };
				return { ok: true, ...written };
			}),
		{ behavior: 'immediate' }
	);
}

export type CorrectResult = { ok: true; entryId: number } | { ok: true; pendingId: string; why: 'override' } | { ok: false; code: 'not_found' | LedgerProblem; leftToUndoPence?: number } | OperationReused;

function writeCorrection(tx: Tx, p: { youngPersonId: string; entitlement: string; correctsId: number; pence: number; reason: string; on: IsoDate; key: string; overrideReason: string | null; createdBy: string; approvedBy: string | null }, now: Date): number | null {
	const row = tx
		.insert(ledgerEntry)
		.values({
			youngPersonId: p.youngPersonId,
			entitlement: p.entitlement,
			kind: 'correction',
			pence: p.pence,
			item: p.reason,
			occurredOn: p.on,
			key: p.key,
			correctsId: p.correctsId,
			overrideReason: p.overrideReason,
			createdBy: p.createdBy,
			approvedBy: p.approvedBy,
			createdAt: now
		})
		.onConflictDoNothing()
		.returning({ id: ledgerEntry.id })
		.get();
	return row?.id ?? null;
}

/**
 * A correction is a new signed entry pointing at the one it corrects; the original stays as it was.
 * It can at most undo that entry, once in total across all its corrections. Anything else needs a
 * recorded reason and waits for a manager to confirm it (or is a new payment).
 */
export function recordCorrection(
	db: Db,
	input: { youngPersonId: string; correctsId: number; pence: number; reason: string; overrideReason?: string | null; actorId: string; on: IsoDate; operationId: string },
	now = new Date()
): CorrectResult {
	const override = input.overrideReason?.trim() || null;
	return db.transaction(
		(tx) =>
			once<CorrectResult>(tx, { operationId: input.operationId, kind: 'correct', actorId: input.actorId, content: [input.youngPersonId, input.correctsId, input.pence, input.reason, override, input.on] }, now, () => {
				const target = tx.select().from(ledgerEntry).where(and(eq(ledgerEntry.id, input.correctsId), eq(ledgerEntry.youngPersonId, input.youngPersonId))).get();
				if (!target) return { ok: false, code: 'not_found' };
				const rows = potRows(tx, input.youngPersonId, target.entitlement);
				const domain = asDomain(rows);
				const at = rows.findIndex((r) => r.id === target.id);
				const plain = checkEntry(domain, { kind: 'correction', pence: input.pence, corrects: at });
				if (!plain) {
					const entryId = writeCorrection(tx, { youngPersonId: input.youngPersonId, entitlement: target.entitlement, correctsId: target.id, pence: input.pence, reason: input.reason, on: input.on, key: `fix:${input.operationId}`, overrideReason: null, createdBy: input.actorId, approvedBy: null }, now);
					return entryId === null ? { ok: false, code: 'corrects_nothing' } : { ok: true, entryId };
				}
				const overridable = plain === 'correction_too_large' || plain === 'correction_wrong_way' || plain === 'would_go_below_zero';
				if (!override || !overridable) return { ok: false, code: plain, leftToUndoPence: correctionBound(domain, at).leftToUndoPence };
				const withOverride = checkEntry(domain, { kind: 'correction', pence: input.pence, corrects: at, override: { reason: override } });
				if (withOverride) return { ok: false, code: withOverride };
				const pendingId = insertPending(
					tx,
					{ kind: 'correct', youngPersonId: input.youngPersonId, entitlement: target.entitlement, correctsId: target.id, pence: input.pence, item: input.reason, occurredOn: input.on, overrideReason: override, why: 'override', limitPence: currentLimit(tx), requestedBy: input.actorId },
					now
				);
				return pendingId ? { ok: true, pendingId, why: 'override' } : { ok: false, code: 'corrects_nothing' };
			}),
		{ behavior: 'immediate' }
	);
}

export type ConfirmResult =
	| { ok: true; code: 'confirmed' | 'refused'; kind: 'decide' | 'pay' | 'correct'; youngPersonId: string; entitlement: string; requestedBy: string; entryId: number | null }
	| { ok: false; code: 'not_found' | 'already_decided' | 'own_request' | 'approved_it' | 'reason_missing' | 'not_approved' | 'already_paid' | LedgerProblem }
	| OperationReused;

/**
 * A manager confirms (or refuses) money that waits for a second person. Confirming writes the
 * entry with both names on it: who recorded it and who confirmed it. The one who recorded or
 * asked for it can never confirm it; for an override, neither can the one who agreed the ask.
 */
export function decidePending(
	db: Db,
	input: { pendingId: string; decision: 'confirm' | 'refuse'; reason: string; actorId: string; operationId: string },
	now = new Date()
): ConfirmResult {
	return db.transaction(
		(tx) =>
			once<ConfirmResult>(tx, { operationId: input.operationId, kind: 'confirm', actorId: input.actorId, content: [input.pendingId, input.decision, input.reason] }, now, () => {
				const p = tx.select().from(moneyPending).where(eq(moneyPending.id, input.pendingId)).get();
				if (!p) return { ok: false, code: 'not_found' };
				if (p.state !== 'waiting') return { ok: false, code: 'already_decided' };
				const req = p.requestId ? tx.select().from(moneyRequest).where(eq(moneyRequest.id, p.requestId)).get() : undefined;
				const c = ensureClaim(tx, p.youngPersonId, p.entitlement, now);
				const close = (state: 'confirmed' | 'refused', entryId: number | null) =>
					tx
						.update(moneyPending)
						.set({ state, decidedBy: input.actorId, decidedAt: now, refuseReason: state === 'refused' ? input.reason : null, entryId })
						.where(and(eq(moneyPending.id, p.id), eq(moneyPending.state, 'waiting')))
						.run().changes === 1;
				if (input.decision === 'refuse') {
					if (!input.reason.trim()) return { ok: false, code: 'reason_missing' };
					if (!close('refused', null)) return { ok: false, code: 'already_decided' };
					if (p.kind === 'decide' && req) {
						tx.update(moneyRequest).set({ state: 'declined', declineReason: input.reason }).where(and(eq(moneyRequest.id, req.id), eq(moneyRequest.state, 'confirming'))).run();
					}
					addClaimEvent(tx, c.id, c.state, input.actorId, `not confirmed: ${p.item} (${input.reason})`, now);
					return { ok: true, code: 'refused', kind: p.kind, youngPersonId: p.youngPersonId, entitlement: p.entitlement, requestedBy: p.requestedBy, entryId: null };
				}
				const duty = confirmProblem({ confirmerId: input.actorId, recordedBy: p.requestedBy, askedBy: req?.askedBy ?? null, agreedBy: p.kind === 'decide' ? null : (req?.decidedBy ?? null), why: p.why });
				if (duty) return { ok: false, code: duty };
				let entryId: number | null = null;
				if (p.kind === 'decide') {
					if (!req || req.state !== 'confirming') return { ok: false, code: 'already_decided' };
					tx.update(moneyRequest).set({ state: 'approved', confirmedBy: input.actorId, confirmedAt: now }).where(eq(moneyRequest.id, req.id)).run();
					if (c.state === 'asked' || c.state === 'in_progress' || c.state === 'not_started') moveClaim(tx, c.id, c.state, 'approved', input.actorId, p.item, now);
					else addClaimEvent(tx, c.id, c.state, input.actorId, `approved: ${p.item}`, now);
				} else {
					if (p.allowancePence !== null) openPot(tx, p.youngPersonId, p.entitlement, p.allowancePence, p.occurredOn, p.requestedBy, now);
					const rows = potRows(tx, p.youngPersonId, p.entitlement);
					const domain = asDomain(rows);
					const override = p.overrideReason ? { reason: p.overrideReason } : undefined;
					if (p.kind === 'pay') {
						if (req && req.state === 'paid') return { ok: false, code: 'already_paid' };
						if (req && req.state !== 'approved') return { ok: false, code: 'not_approved' };
						const problem = checkEntry(domain, { kind: 'spend', pence: p.pence, override });
						if (problem) return { ok: false, code: problem };
						const written = writeSpend(
							tx,
							{ youngPersonId: p.youngPersonId, entitlement: p.entitlement, requestId: req?.id ?? null, pence: p.pence, item: p.item, on: p.occurredOn, key: req ? `pay:${req.id}` : `pay:pending:${p.id}`, overrideReason: p.overrideReason, createdBy: p.requestedBy, approvedBy: input.actorId, actorId: input.actorId },
							now
						);
						if (!written) return { ok: false, code: 'already_paid' };
						entryId = written.entryId;
					} else {
						const at = rows.findIndex((r) => r.id === p.correctsId);
						const problem = checkEntry(domain, { kind: 'correction', pence: p.pence, corrects: at, override });
						if (problem) return { ok: false, code: problem };
						entryId = writeCorrection(tx, { youngPersonId: p.youngPersonId, entitlement: p.entitlement, correctsId: p.correctsId ?? -1, pence: p.pence, reason: p.item, on: p.occurredOn, key: `fix:pending:${p.id}`, overrideReason: p.overrideReason, createdBy: p.requestedBy, approvedBy: input.actorId }, now);
					}
				}
				if (!close('confirmed', entryId)) return { ok: false, code: 'already_decided' };
				return { ok: true, code: 'confirmed', kind: p.kind, youngPersonId: p.youngPersonId, entitlement: p.entitlement, requestedBy: p.requestedBy, entryId };
			}),
		{ behavior: 'immediate' }
	);
}

/** What waits for a manager: for one young person (their PA's page), or everyone (the manager's page). */
export function pendingList(db: Db, youngPersonId?: string) {
	const recorder = alias(user, 'recorder');
	return db
		.select({
			id: moneyPending.id,
			kind: moneyPending.kind,
			youngPersonId: moneyPending.youngPersonId,
			name: youngPerson.fullName,
			entitlement: moneyPending.entitlement,
			requestId: moneyPending.requestId,
			correctsId: moneyPending.correctsId,
			pence: moneyPending.pence,
			item: moneyPending.item,
			overrideReason: moneyPending.overrideReason,
			why: moneyPending.why,
			limitPence: moneyPending.limitPence,
			requestedAt: moneyPending.requestedAt,
			requestedBy: moneyPending.requestedBy,
			by: recorder.displayName
		})
		.from(moneyPending)
		.innerJoin(youngPerson, eq(youngPerson.id, moneyPending.youngPersonId))
		.innerJoin(recorder, eq(recorder.id, moneyPending.requestedBy))
		.where(youngPersonId ? and(eq(moneyPending.state, 'waiting'), eq(moneyPending.youngPersonId, youngPersonId)) : eq(moneyPending.state, 'waiting'))
		.orderBy(asc(moneyPending.requestedAt))
		.all();
}

/** The PA moves a claim along its lifecycle by hand (e.g. "in progress" while forms are filled in). */
export function setClaimState(
	db: Db,
	input: { youngPersonId: string; entitlement: string; state: ClaimState; reason: string; actorId: string; operationId: string },
	now = new Date()
): { ok: true } | OperationReused {
	return db.transaction(
		(tx) =>
			once<{ ok: true }>(tx, { operationId: input.operationId, kind: 'claim', actorId: input.actorId, content: [input.youngPersonId, input.entitlement, input.state, input.reason] }, now, () => {
				const c = ensureClaim(tx, input.youngPersonId, input.entitlement, now);
				if (c.state === input.state) addClaimEvent(tx, c.id, c.state, input.actorId, input.reason, now);
				else moveClaim(tx, c.id, c.state, input.state, input.actorId, input.reason, now, input.state === 'declined' ? input.reason : null);
				return { ok: true };
			}),
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
