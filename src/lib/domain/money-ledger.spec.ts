import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { append, balance, checkEntry, type LedgerEntry } from './money-ledger';

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
});
