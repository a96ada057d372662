import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { append, balance, checkEntry, confirmProblem, correctionBound, needsSecondPerson, type LedgerEntry } from './ledger';

const pence = fc.integer({ min: 1, max: 10_000_00 });
const anyEntry: fc.Arbitrary<LedgerEntry> = fc.oneof(
	pence.map((p) => ({ kind: 'payment' as const, pence: p })),
	fc.record({ pence, override: fc.option(fc.record({ reason: fc.string() }), { nil: undefined }) }).map((r) => ({ kind: 'spend' as const, ...r })),
	fc.record({ pence: fc.integer({ min: -10_000_00, max: 10_000_00 }), corrects: fc.nat(30), override: fc.option(fc.record({ reason: fc.string() }), { nil: undefined }) }).map((r) => ({ kind: 'correction' as const, ...r }))
);

describe('money ledger', () => {
	it('a £3,000 allowance, a £240 bed, a £40 correction back: £2,800 left', () => {
		let ledger: LedgerEntry[] = [];
		for (const entry of [
			{ kind: 'payment', pence: 300_000 },
			{ kind: 'spend', pence: 24_000 },
			{ kind: 'correction', pence: 4_000, corrects: 1 }
		] as LedgerEntry[]) {
			const next = append(ledger, entry);
			expect(next.ok).toBe(true);
			if (next.ok) ledger = next.entries;
		}
		expect(balance(ledger)).toBe(280_000);
	});

	it.each([
		[{ kind: 'spend', pence: 10.5 }, 'not_whole_pence'],
		[{ kind: 'spend', pence: -5 }, 'not_positive'],
		[{ kind: 'payment', pence: 0 }, 'not_positive'],
		[{ kind: 'correction', pence: 100, corrects: 5 }, 'corrects_nothing'],
		[{ kind: 'spend', pence: 100_01 }, 'would_go_below_zero'],
		[{ kind: 'spend', pence: 100_01, override: { reason: '  ' } }, 'empty_override_reason']
	] as [LedgerEntry, string][])('refuses %j: %s', (entry, problem) => {
		expect(checkEntry([{ kind: 'payment', pence: 100_00 }], entry)).toBe(problem);
	});

	it('lets the balance go below zero only with a recorded reason', () => {
		expect(checkEntry([{ kind: 'payment', pence: 100_00 }], { kind: 'spend', pence: 150_00, override: { reason: 'Emergency deposit agreed by manager' } })).toBeNull();
	});

	it('property: for any sequence of entries, the balance is their sum and never silently negative', () => {
		fc.assert(
			fc.property(fc.array(anyEntry, { maxLength: 60 }), (attempts) => {
				let ledger: LedgerEntry[] = [];
				let sum = 0;
				for (const entry of attempts) {
					const next = append(ledger, entry);
					if (!next.ok) continue;
					ledger = next.entries;
					sum += entry.kind === 'spend' ? -entry.pence : entry.pence;
					expect(balance(ledger)).toBe(sum);
					if (sum < 0) expect('override' in entry && entry.override && entry.override.reason.trim().length > 0).toBe(true);
				}
				expect(balance(ledger)).toBe(sum);
			}),
			{ numRuns: 2000 }
		);
	});

	it('a correction can at most reverse the entry it corrects: +£5,000 on a £240 spend is refused', () => {
		const ledger: LedgerEntry[] = [
			{ kind: 'payment', pence: 300_000 },
			{ kind: 'spend', pence: 24_000 }
		];
		expect(checkEntry(ledger, { kind: 'correction', pence: 500_000, corrects: 1 })).toBe('correction_too_large');
		expect(checkEntry(ledger, { kind: 'correction', pence: 24_001, corrects: 1 })).toBe('correction_too_large');
		expect(checkEntry(ledger, { kind: 'correction', pence: 24_000, corrects: 1 })).toBeNull();
	});

	it('a correction can reverse an entry only once in total across all its corrections', () => {
		const ledger: LedgerEntry[] = [
			{ kind: 'payment', pence: 300_000 },
			{ kind: 'spend', pence: 24_000 },
			{ kind: 'correction', pence: 20_000, corrects: 1 }
		];
		expect(correctionBound(ledger, 1)).toEqual({ sign: 1, leftToUndoPence: 4_000 });
		expect(checkEntry(ledger, { kind: 'correction', pence: 4_001, corrects: 1 })).toBe('correction_too_large');
		expect(checkEntry(ledger, { kind: 'correction', pence: 4_000, corrects: 1 })).toBeNull();
	});

	it('a correction that takes more off a spend is not a reversal (record a new payment instead)', () => {
		const ledger: LedgerEntry[] = [
			{ kind: 'payment', pence: 300_000 },
			{ kind: 'spend', pence: 24_000 }
		];
		expect(checkEntry(ledger, { kind: 'correction', pence: -1_000, corrects: 1 })).toBe('correction_wrong_way');
		expect(checkEntry(ledger, { kind: 'correction', pence: 1_000, corrects: 0 })).toBe('correction_wrong_way');
		expect(checkEntry(ledger, { kind: 'correction', pence: -1_000, corrects: 0 })).toBeNull();
	});

	it('a correction beyond the bounds needs an override reason (and then a second person)', () => {
		const ledger: LedgerEntry[] = [
			{ kind: 'payment', pence: 300_000 },
			{ kind: 'spend', pence: 24_000 }
		];
		expect(checkEntry(ledger, { kind: 'correction', pence: 30_000, corrects: 1, override: { reason: 'Refund from the shop, plus a second refund' } })).toBeNull();
	});

	it('property: without an override, the corrections of an entry never undo more than the entry', () => {
		fc.assert(
			fc.property(fc.array(anyEntry, { maxLength: 60 }), (attempts) => {
				let ledger: LedgerEntry[] = [];
				for (const entry of attempts) {
					const plain = entry.kind === 'correction' ? { kind: entry.kind, pence: entry.pence, corrects: entry.corrects } : entry;
					const next = append(ledger, plain);
					if (next.ok) ledger = next.entries;
				}
				ledger.forEach((e, i) => {
					if (e.kind === 'correction') return;
					const undone = ledger.reduce((s, c) => (c.kind === 'correction' && c.corrects === i ? s + Math.abs(c.pence) : s), 0);
					expect(undone).toBeLessThanOrEqual(e.pence);
				});
			}),
			{ numRuns: 1000 }
		);
	});

	it('approval limit: a payment above the limit, or any override below zero, needs a second person', () => {
		expect(needsSecondPerson({ pence: 50_000, limitPence: 50_000, override: false })).toBeNull();
		expect(needsSecondPerson({ pence: 50_001, limitPence: 50_000, override: false })).toBe('over_limit');
		expect(needsSecondPerson({ pence: 50_001, limitPence: 50_000, override: false, limitAlreadyConfirmed: true })).toBeNull();
		expect(needsSecondPerson({ pence: 100, limitPence: 50_000, override: true })).toBe('override');
	});

	it('separation of duties: nobody confirms their own request; the approver cannot be the only one to confirm an override', () => {
		expect(confirmProblem({ confirmerId: 'pa', recordedBy: 'pa', why: 'over_limit' })).toBe('own_request');
		expect(confirmProblem({ confirmerId: 'yp', recordedBy: 'pa', askedBy: 'yp', why: 'over_limit' })).toBe('own_request');
		expect(confirmProblem({ confirmerId: 'mgr', recordedBy: 'pa', agreedBy: 'mgr', why: 'override' })).toBe('approved_it');
		expect(confirmProblem({ confirmerId: 'mgr', recordedBy: 'pa', agreedBy: 'mgr', why: 'over_limit' })).toBeNull();
		expect(confirmProblem({ confirmerId: 'mgr', recordedBy: 'pa', agreedBy: 'pa', why: 'override' })).toBeNull();
	});
});
