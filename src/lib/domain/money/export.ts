/**
 * The payments export for the council's finance system (CSV, RFC 4180). Pure: rows in, text out.
 * Amounts are pounds with two decimals, never negative (the `type` column says which way money
 * went), and no cell can be read as a formula: one that starts with = + - @ (or a tab or carriage
 * return, which some spreadsheets skip before looking) gets an apostrophe in front.
 */
export interface PaymentExportRow {
	entryId: number;
	occurredOn: string;
	type: 'payment' | 'correction_back' | 'correction_off';
	pence: number;
	entitlement: string;
	itemName: string;
	costCode: string;
	payee: string;
	payeeId: string;
	description: string;
	recordedBy: string;
	approvedBy: string[];
	requestId: string | null;
	correctsEntryId: number | null;
	overrideReason: string | null;
}

export const PAYMENTS_CSV_HEADER = [
	'entry_id',
	'date',
	'type',
	'amount_gbp',
	'cost_code',
	'entitlement',
	'item',
	'description',
	'payee',
	'payee_id',
	'recorded_by',
	'approved_by',
	'request_id',
	'corrects_entry_id',
	'override_reason'
] as const;

/** 24000 -> "240.00"; 5 -> "0.05". Integer arithmetic only (no floating-point rounding). */
export function poundsWithPence(pence: number): string {
	if (!Number.isSafeInteger(pence) || pence < 0) throw new RangeError('Export amounts are whole, non-negative pence');
	return `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
}

/** One cell, safe to open in a spreadsheet: formula starters neutralised, then quoted if needed. */
export function csvCell(value: string | number | null): string {
	let text = value === null ? '' : String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function paymentsCsvRow(r: PaymentExportRow): string {
	return [
		r.entryId,
		r.occurredOn,
		r.type,
		poundsWithPence(r.pence),
		r.costCode,
		r.entitlement,
		r.itemName,
		r.description,
		r.payee,
		r.payeeId,
		r.recordedBy,
		r.approvedBy.join('; '),
		r.requestId,
		r.correctsEntryId,
		r.overrideReason
	]
		.map(csvCell)
		.join(',');
}

export function paymentsCsv(rows: readonly PaymentExportRow[]): string {
	return [PAYMENTS_CSV_HEADER.join(','), ...rows.map(paymentsCsvRow)].map((l) => `${l}\r\n`).join('');
}
