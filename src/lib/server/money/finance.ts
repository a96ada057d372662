import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { IsoDate } from '../../domain/dates';
import type { PaymentExportRow } from '../../domain/money/export';
import type { Db } from '../db/client';
import { approvalLimitVersion, costCodeVersion, ledgerEntry, localOfferVersion, moneyRequest, user, youngPerson } from '../db/schema';
import { LOCAL_PREFIX } from './local-offer';
import { currentLimit, MONEY_ENTITLEMENTS } from './ledger';
import { once, type OperationReused } from './operations';

export { currentLimit };

/** The approval limit's versions, newest first, with who set each and when. */
export function limitHistory(db: Db) {
	return db
		.select({ version: approvalLimitVersion.version, limitPence: approvalLimitVersion.limitPence, at: approvalLimitVersion.createdAt, by: user.displayName })
		.from(approvalLimitVersion)
		.innerJoin(user, eq(user.id, approvalLimitVersion.createdBy))
		.orderBy(desc(approvalLimitVersion.version))
		.all();
}

export type SetLimitResult = { ok: true; version: number } | OperationReused;

/** A new version of the approval limit (the caller has checked it is £0 to £100,000). */
export function setApprovalLimit(db: Db, input: { limitPence: number; actorId: string; operationId: string }, now = new Date()): SetLimitResult {
	return db.transaction(
		(tx) =>
			once<SetLimitResult>(tx, { operationId: input.operationId, kind: 'limit', actorId: input.actorId, content: [input.limitPence] }, now, () => {
				const last = tx.select({ v: approvalLimitVersion.version }).from(approvalLimitVersion).orderBy(desc(approvalLimitVersion.version)).limit(1).get()?.v ?? 0;
				tx.insert(approvalLimitVersion).values({ version: last + 1, limitPence: input.limitPence, createdBy: input.actorId, createdAt: now }).run();
				return { ok: true, version: last + 1 };
			}),
		{ behavior: 'immediate' }
	);
}

/** The cost code in force for each entitlement key (catalogue id or `local:<offerId>`). */
export function costCodes(db: Db): Map<string, string> {
	const rows = db.select({ entitlement: costCodeVersion.entitlement, code: costCodeVersion.code }).from(costCodeVersion).orderBy(asc(costCodeVersion.id)).all();
	return new Map(rows.map((r) => [r.entitlement, r.code]));
}

export type SetCodesResult = { ok: true; changed: number } | OperationReused;

/** Saves the codes that changed (each change a new row: who and when). */
export function setCostCodes(db: Db, input: { codes: Record<string, string>; actorId: string; operationId: string }, now = new Date()): SetCodesResult {
	return db.transaction(
		(tx) =>
			once<SetCodesResult>(tx, { operationId: input.operationId, kind: 'cost_codes', actorId: input.actorId, content: Object.entries(input.codes).sort() }, now, () => {
				const rows = tx.select({ entitlement: costCodeVersion.entitlement, code: costCodeVersion.code }).from(costCodeVersion).orderBy(asc(costCodeVersion.id)).all();
				const current = new Map(rows.map((r) => [r.entitlement, r.code]));
				let changed = 0;
				for (const [entitlement, code] of Object.entries(input.codes)) {
					if ((current.get(entitlement) ?? '') === code) continue;
					tx.insert(costCodeVersion).values({ entitlement, code, createdBy: input.actorId, createdAt: now }).run();
					changed += 1;
				}
				return { ok: true, changed };
			}),
		{ behavior: 'immediate' }
	);
}

/** The things that can carry a cost code: the national money entitlements and every local offer item with an amount. */
export function costCodeTargets(db: Db): { key: string; catalogueId: string | null; title: string | null }[] {
	const local = db
		.select({ offerId: localOfferVersion.offerId, title: localOfferVersion.title, amountPence: localOfferVersion.amountPence, version: localOfferVersion.version })
		.from(localOfferVersion)
		.orderBy(asc(localOfferVersion.offerId), desc(localOfferVersion.version))
		.all();
	const seen = new Set<string>();
	const items: { key: string; catalogueId: string | null; title: string | null }[] = [...MONEY_ENTITLEMENTS].map((id) => ({ key: id, catalogueId: id, title: null }));
	for (const o of local) {
		if (seen.has(o.offerId)) continue;
		seen.add(o.offerId);
		if (o.amountPence) items.push({ key: `${LOCAL_PREFIX}${o.offerId}`, catalogueId: null, title: o.title });
	}
	return items;
}

const NATIONAL_NAMES: Record<string, string> = {
	setting_up_home: 'Setting up home allowance',
	apprenticeship_bursary: 'Care leavers apprenticeship bursary',
	he_bursary: 'Higher education bursary',
	bursary_16_19: '16 to 19 bursary'
};

/**
 * Every payment and correction whose date falls in [from, to], oldest first, with the cost code,
 * the payee (the young person), who recorded it and who approved it (the PA who agreed the ask,
 * the manager who confirmed it), and the ids finance needs to trace it.
 */
export function paymentsBetween(db: Db, from: IsoDate, to: IsoDate): PaymentExportRow[] {
	const recorder = alias(user, 'recorder');
	const approver = alias(user, 'approver');
	const rows = db
		.select({
			id: ledgerEntry.id,
			kind: ledgerEntry.kind,
			pence: ledgerEntry.pence,
			occurredOn: ledgerEntry.occurredOn,
			entitlement: ledgerEntry.entitlement,
			item: ledgerEntry.item,
			payee: youngPerson.fullName,
			payeeId: youngPerson.id,
			recordedBy: recorder.displayName,
			approvedBy: approver.displayName,
			requestId: ledgerEntry.requestId,
			correctsId: ledgerEntry.correctsId,
			overrideReason: ledgerEntry.overrideReason
		})
		.from(ledgerEntry)
		.innerJoin(youngPerson, eq(youngPerson.id, ledgerEntry.youngPersonId))
		.innerJoin(recorder, eq(recorder.id, ledgerEntry.createdBy))
		.leftJoin(approver, eq(approver.id, ledgerEntry.approvedBy))
		.where(and(inArray(ledgerEntry.kind, ['spend', 'correction']), gte(ledgerEntry.occurredOn, from), lte(ledgerEntry.occurredOn, to)))
		.orderBy(asc(ledgerEntry.occurredOn), asc(ledgerEntry.id))
		.all();
	const requestIds = [...new Set(rows.map((r) => r.requestId).filter((r): r is string => !!r))];
	const decider = alias(user, 'decider');
	const confirmer = alias(user, 'confirmer');
	const requests = requestIds.length
		? db
				.select({ id: moneyRequest.id, decidedBy: decider.displayName, confirmedBy: confirmer.displayName })
				.from(moneyRequest)
				.leftJoin(decider, eq(decider.id, moneyRequest.decidedBy))
				.leftJoin(confirmer, eq(confirmer.id, moneyRequest.confirmedBy))
				.where(inArray(moneyRequest.id, requestIds))
				.all()
		: [];
	const byRequest = new Map(requests.map((r) => [r.id, r]));
	const codes = costCodes(db);
	const titles = new Map(
		db
			.select({ offerId: localOfferVersion.offerId, title: localOfferVersion.title })
			.from(localOfferVersion)
			.orderBy(asc(localOfferVersion.version))
			.all()
			.map((o) => [`${LOCAL_PREFIX}${o.offerId}`, o.title])
	);
	return rows.map((r) => {
		const req = r.requestId ? byRequest.get(r.requestId) : undefined;
		const approvers = [...new Set([req?.decidedBy, req?.confirmedBy, r.approvedBy].filter((n): n is string => !!n))];
		return {
			entryId: r.id,
			occurredOn: r.occurredOn,
			type: r.kind === 'spend' ? 'payment' : r.pence > 0 ? 'correction_back' : 'correction_off',
			pence: Math.abs(r.pence),
			entitlement: r.entitlement,
			itemName: titles.get(r.entitlement) ?? NATIONAL_NAMES[r.entitlement] ?? r.entitlement,
			costCode: codes.get(r.entitlement) ?? '',
			payee: r.payee,
			payeeId: r.payeeId,
			description: r.item,
			recordedBy: r.recordedBy,
			approvedBy: approvers,
			requestId: r.requestId,
			correctsEntryId: r.correctsId,
			overrideReason: r.overrideReason
		};
	});
}
