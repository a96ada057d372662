/**
 * A money ledger in integer pence (design.md §2): entries are only ever added. A payment in adds
 * to the balance, a spend takes from it, a correction is a new entry that points at the one it
 * corrects. The balance may never go below zero unless the entry carries a recorded override.
 */
export type LedgerEntry =
	| { kind: 'payment'; pence: number }
	| { kind: 'spend'; pence: number; override?: { reason: string } }
	| { kind: 'correction'; pence: number; corrects: number; override?: { reason: string } };

export type LedgerProblem = 'not_whole_pence' | 'not_positive' | 'would_go_below_zero' | 'corrects_nothing' | 'empty_override_reason';

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
	const after = balance(entries) + effect(entry);
	if (after < 0 && !('override' in entry && entry.override)) return 'would_go_below_zero';
	return null;
}

/** Adds an entry if it passes the checks; the ledger itself is never changed in place. */
export function append(entries: readonly LedgerEntry[], entry: LedgerEntry): { ok: true; entries: LedgerEntry[] } | { ok: false; problem: LedgerProblem } {
	const problem = checkEntry(entries, entry);
	return problem ? { ok: false, problem } : { ok: true, entries: [...entries, entry] };
}
