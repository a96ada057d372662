import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, paymentsCsv, poundsWithPence, type PaymentExportRow } from './export';

const row: PaymentExportRow = {
	entryId: 7,
	occurredOn: '2026-11-24',
	type: 'payment',
	pence: 24_000,
	entitlement: 'setting_up_home',
	itemName: 'Setting up home allowance',
	costCode: 'LC-4410',
	payee: 'Amira Khan',
	payeeId: 'abc',
	description: 'A bed',
	recordedBy: 'Sam Taylor',
	approvedBy: ['Priya Shah'],
	requestId: 'req1',
	correctsEntryId: null,
	overrideReason: null
};

describe('payments export', () => {
	it('amounts are pounds with two decimals', () => {
		expect(poundsWithPence(24_000)).toBe('240.00');
		expect(poundsWithPence(5)).toBe('0.05');
		expect(poundsWithPence(123_456_78)).toBe('123456.78');
		expect(() => poundsWithPence(-1)).toThrow();
	});

	it.each(['=HYPERLINK("http://evil")', '+44 7700 900123', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])('formula injection is impossible: %j never starts a cell with = + - @', (text) => {
		const cell = csvCell(text);
		const unquoted = cell.startsWith('"') ? cell.slice(1) : cell;
		expect(unquoted[0]).toBe("'");
	});

	it('property: no exported cell starts with = + - @, whatever people typed', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), fc.string(), (description, payee, reason) => {
				const csv = paymentsCsv([{ ...row, description, payee, overrideReason: reason }]);
				expect(csv.startsWith('entry_id,')).toBe(true);
				for (const value of [description, payee, reason]) {
					const cell = csvCell(value);
					expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it('writes one line per entry with cost code, payee, approvers and ids', () => {
		const csv = paymentsCsv([row, { ...row, entryId: 8, type: 'correction_back', pence: 4_000, correctsEntryId: 7, description: 'Bed, "cheaper", refund', approvedBy: [] }]);
		expect(csv.split('\r\n')).toEqual([
			'entry_id,date,type,amount_gbp,cost_code,entitlement,item,description,payee,payee_id,recorded_by,approved_by,request_id,corrects_entry_id,override_reason',
			'7,2026-11-24,payment,240.00,LC-4410,setting_up_home,Setting up home allowance,A bed,Amira Khan,abc,Sam Taylor,Priya Shah,req1,,',
			'8,2026-11-24,correction_back,40.00,LC-4410,setting_up_home,Setting up home allowance,"Bed, ""cheaper"", refund",Amira Khan,abc,Sam Taylor,,req1,7,',
			''
		]);
	});
});
