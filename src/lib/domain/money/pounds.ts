/**
 * Money is integer pence everywhere. People type pounds ("240", "£1,200.50"); this turns what
 * they typed into pence, or says exactly what is wrong with it.
 */
export const MAX_PENCE = 100_000_00; // £100,000: no single payment in Harbour is larger

export type MoneyError = 'empty' | 'not_a_number' | 'too_many_decimals' | 'negative' | 'too_large';

export function parsePounds(input: string): { ok: true; pence: number } | { ok: false; error: MoneyError } {
	let text = input.trim();
	let negative = false;
	const dropMinus = () => {
		if (text.startsWith('-')) {
			negative = true;
			text = text.slice(1).trim();
		}
	};
	dropMinus();
	text = text.replace(/^£\s*/, '');
	dropMinus();
	// Thousands separators only where they really separate thousands: "1,200" yes, "1,2" no.
	text = text.replace(/,(?=\d{3}(?!\d))/g, '');
	if (text === '') return { ok: false, error: negative ? 'not_a_number' : 'empty' };
	const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
	if (!m) return { ok: false, error: 'not_a_number' };
	if (negative) return { ok: false, error: 'negative' };
	const whole = m[1] ?? '0';
	const fraction = m[2] ?? '';
	if (fraction.length > 2) return { ok: false, error: 'too_many_decimals' };
	if (whole.replace(/^0+/, '').length > 9) return { ok: false, error: 'too_large' };
	const pence = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
	if (pence > MAX_PENCE) return { ok: false, error: 'too_large' };
	return { ok: true, pence };
}

/** Building an Intl formatter costs far more than using one (it was a tenth of a caseload page's time). */
const formatters = new Map<string, Intl.NumberFormat>();
function poundsFormatter(locale: string, digits: 0 | 2): Intl.NumberFormat {
	const key = `${locale}:${digits}`;
	let found = formatters.get(key);
	if (!found) {
		found = new Intl.NumberFormat(locale, { style: 'currency', currency: 'GBP', minimumFractionDigits: digits, maximumFractionDigits: digits });
		formatters.set(key, found);
	}
	return found;
}

/** "£3,000" for whole pounds, "£240.50" otherwise; "-£10" for a negative correction. */
export function formatPence(pence: number, locale = 'en-GB'): string {
	if (!Number.isInteger(pence)) throw new RangeError('Money must be whole pence');
	return poundsFormatter(locale, pence % 100 === 0 ? 0 : 2).format(pence / 100);
}
