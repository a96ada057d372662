import { daysInMonth, isIsoDate, type IsoDate } from '../dates';

function parts(date: IsoDate): [number, number, number] {
	if (!isIsoDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return [y, m, d];
}

/**
 * Adds whole calendar months, clamped to the end of the month: 31 January + 1 month is
 * 28 February (29 in a leap year), and 29 February 2024 + 36 months is 28 February 2027.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
	if (!Number.isInteger(months)) throw new RangeError('months must be a whole number');
	const [y, m, d] = parts(date);
	const total = y * 12 + (m - 1) + months;
	const year = Math.floor(total / 12);
	const month = total - year * 12 + 1;
	const day = Math.min(d, daysInMonth(year, month));
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole calendar months from `from` to `to` (0 if `to` is before `from`), counted with `addMonths`. */
export function wholeMonthsBetween(from: IsoDate, to: IsoDate): number {
	if (to < from) return 0;
	const [fy, fm] = parts(from);
	const [ty, tm] = parts(to);
	// The difference in month numbers is the answer, or one too many when `to` is earlier in its month.
	let n = (ty - fy) * 12 + (tm - fm);
	while (n > 0 && addMonths(from, n) > to) n--;
	return n;
}
