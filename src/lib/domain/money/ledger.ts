/**
 * A money ledger in integer pence (design.md §2): entries are only ever added. A payment in adds
 * to the balance, a spend takes from it, a correction is a new entry that points at the one it
 * corrects. The balance may never go below zero unless the entry carries a recorded override.
 */
export type LedgerEntry =
	| { kind: 'payment'; pence: number }
	| { kind: 'spend'; pence: number; override?: { reason: string } }
	| { kind: 'correction'; pence: number; corrects: number; override?: { reason: string } };

export type LedgerProblem =
	| 'not_whole_pence'
	| 'not_positive'
	| 'would_go_below_zero'
	| 'corrects_nothing'
	| 'empty_override_reason'
	/** A correction that does not undo (part of) the entry: taking more off a spend is a new payment. */
	| 'correction_wrong_way'
	/** A correction that would undo more than is left to undo of that entry. */
	| 'correction_too_large';

/** The signed effect of one entry on the balance. */
export function effect(entry: LedgerEntry): number {
	return entry.kind === 'spend' ? -entry.pence : entry.pence;
}

export function balance(entries: readonly LedgerEntry[]): number {
	return entries.reduce((sum, e) => sum + effect(e), 0);
}

/**
 * Checks an entry against the ledger so far; `null` means it may be added. Payments and spends
 * are positive; a correction may be either sign (it can put money back or take it away).
 */
export function checkEntry(entries: readonly LedgerEntry[], entry: LedgerEntry): LedgerProblem | null {
	if (!Number.isSafeInteger(entry.pence)) return 'not_whole_pence';
	if (entry.kind !== 'correction' && entry.pence <= 0) return 'not_positive';
	if (entry.kind === 'correction' && (entry.pence === 0 || entry.corrects < 0 || entry.corrects >= entries.length)) return 'corrects_nothing';
	if ('override' in entry && entry.override && entry.override.reason.trim() === '') return 'empty_override_reason';
	if (entry.kind === 'correction' && !entry.override) {
		const bound = correctionBound(entries, entry.corrects);
		if (Math.sign(entry.pence) !== bound.sign) return 'correction_wrong_way';
		if (Math.abs(entry.pence) > bound.leftToUndoPence) return 'correction_too_large';
	}
	const after = balance(entries) + effect(entry);
	if (after < 0 && !('override' in entry && entry.override)) return 'would_go_below_zero';
	return null;
}

/**
 * How far entry `at` can still be corrected: a correction only undoes it (the opposite sign to the
 * entry's effect), and all corrections of it together undo it at most once. A correction itself
 * cannot be corrected (undo it with a new entry instead). Anything beyond this needs an override.
 */
export function correctionBound(entries: readonly LedgerEntry[], at: number): { sign: 1 | -1; leftToUndoPence: number } {
	const target = entries[at];
	if (!target || target.kind === 'correction') return { sign: 1, leftToUndoPence: 0 };
	const sign = effect(target) > 0 ? -1 : 1;
	const undone = entries.reduce((sum, e) => (e.kind === 'correction' && e.corrects === at ? sum + e.pence * sign : sum), 0);
	return { sign, leftToUndoPence: Math.max(0, target.pence - undone) };
}

/** Why money must wait for a second person: above the approval limit, or an override below zero. */
export type SecondPersonReason = 'over_limit' | 'override' | null;

export function needsSecondPerson(input: { pence: number; limitPence: number; override: boolean; limitAlreadyConfirmed?: boolean }): SecondPersonReason {
	if (input.override) return 'override';
	if (!input.limitAlreadyConfirmed && Math.abs(input.pence) > input.limitPence) return 'over_limit';
	return null;
}

/**
 * Separation of duties: who may confirm money that waits for a second person. Never the one who
 * recorded it or asked for it; and for an override, never the one who agreed the ask it pays.
 */
export function confirmProblem(input: { confirmerId: string; recordedBy: string; askedBy?: string | null; agreedBy?: string | null; why: 'over_limit' | 'override' }): 'own_request' | 'approved_it' | null {
	if (input.confirmerId === input.recordedBy || input.confirmerId === input.askedBy) return 'own_request';
	if (input.why === 'override' && input.agreedBy && input.confirmerId === input.agreedBy) return 'approved_it';
	return null;
}

/** The approval limit a manager may set: £0 to £100,000. */
export const LIMIT_MAX_PENCE = 100_000_00;
export const DEFAULT_LIMIT_PENCE = 500_00;

/** Adds an entry if it passes the checks; the ledger itself is never changed in place. */
export function append(entries: readonly LedgerEntry[], entry: LedgerEntry): { ok: true; entries: LedgerEntry[] } | { ok: false; problem: LedgerProblem } {
	const problem = checkEntry(entries, entry);
	return problem ? { ok: false, problem } : { ok: true, entries: [...entries, entry] };
}
