import { TZDate } from '@date-fns/tz';
import { format, isValid, parseISO } from 'date-fns';

/**
 * Dates of life events are plain calendar days (`YYYY-MM-DD`) in England. Instants are UTC;
 * "today" is always the day it is in Europe/London, whatever the server's own clock zone.
 */
export const LONDON = 'Europe/London';
export type IsoDate = string;

/**
 * Reads `YYYY-MM-DD` into numbers, or null if it is not a real calendar day. By character codes,
 * not a regular expression: the entitlement engine reads dates thousands of times per caseload
 * page, and this was a fifth of that page's time.
 */
function read(value: string): [number, number, number] | null {
	if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
	const digit = (i: number) => {
		const c = value.charCodeAt(i) - 48;
		return c >= 0 && c <= 9 ? c : -1000;
	};
	const y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
	const m = digit(5) * 10 + digit(6);
	const d = digit(8) * 10 + digit(9);
	if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
	return [y, m, d];
}

export function isIsoDate(value: string): boolean {
	return read(value) !== null;
}

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
	return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** The calendar day in London at this instant (midnight BST on 31 March is still 30 March in UTC). */
export function londonDay(instant: Date): IsoDate {
	return format(new TZDate(instant.getTime(), LONDON), 'yyyy-MM-dd');
}

function parts(date: IsoDate): [number, number, number] {
	const found = read(date);
	if (!found) throw new RangeError(`Not a calendar date: ${date}`);
	return found;
}

function iso(y: number, m: number, d: number): IsoDate {
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The day someone reaches `age`. In England a person born on 29 February reaches an age in a
 * non-leap year on 1 March (Family Law Reform Act 1969 s9: at the start of the anniversary, and
 * there is no 29 February that year, so the anniversary falls the day after 28 February).
 */
export function birthday(dateOfBirth: IsoDate, age: number): IsoDate {
	const [y, m, d] = parts(dateOfBirth);
	const year = y + age;
	if (m === 2 && d === 29 && !isLeapYear(year)) return iso(year, 3, 1);
	return iso(year, m, d);
}

/** Whole years of age on a day (the birthday itself counts). */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
	const [y] = parts(dateOfBirth);
	const [oy] = parts(on);
	let age = oy - y;
	if (on < birthday(dateOfBirth, age)) age -= 1;
	return age;
}

const DAY_MS = 86_400_000;
/** Calendar-day arithmetic on UTC day numbers: a calendar day has no time zone, so no clock change can move it. */
const dayNumber = (date: IsoDate) => {
	const [y, m, d] = parts(date);
	return Date.UTC(y, m - 1, d) / DAY_MS;
};

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
	const t = new Date((dayNumber(date) + days) * DAY_MS);
	return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
	return dayNumber(to) - dayNumber(from);
}

export type DatePartsError = 'missing' | 'missing_day' | 'missing_month' | 'missing_year' | 'not_a_date' | 'year_format';

export interface DateParts {
	day: string;
	month: string;
	year: string;
}

/**
 * Reads the three boxes of a GOV.UK date input. Returns which boxes are wrong so the page can
 * highlight only those, as the design system asks.
 */
export function parseDateParts(
	input: DateParts
): { ok: true; date: IsoDate } | { ok: false; error: DatePartsError; fields: (keyof DateParts)[] } {
	const day = input.day.trim();
	const month = input.month.trim();
	const year = input.year.trim();
	if (!day && !month && !year) return { ok: false, error: 'missing', fields: ['day', 'month', 'year'] };
	if (!day) return { ok: false, error: 'missing_day', fields: ['day'] };
	if (!month) return { ok: false, error: 'missing_month', fields: ['month'] };
	if (!year) return { ok: false, error: 'missing_year', fields: ['year'] };
	if (!/^\d{4}$/.test(year)) return { ok: false, error: 'year_format', fields: ['year'] };
	if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month)) {
		return { ok: false, error: 'not_a_date', fields: ['day', 'month', 'year'] };
	}
	const date = iso(Number(year), Number(month), Number(day));
	if (!isIsoDate(date) || !isValid(parseISO(date))) {
		return { ok: false, error: 'not_a_date', fields: ['day', 'month', 'year'] };
	}
	return { ok: true, date };
}

declare const checked: unique symbol;
/**
 * A calendar day that has been checked (issue 13 item 7): only `checkDate` makes one, so a value
 * of this type is always a real `YYYY-MM-DD` day. Strings read from the database or a form are
 * checked at that boundary; the entitlement engine never compares an unchecked string.
 */
export type CalendarDate = IsoDate & { readonly [checked]: true };

/** A real calendar day, or null ("2007-02-30", "1/5/2025", "", a number, null). */
export function checkDate(value: unknown): CalendarDate | null {
	return typeof value === 'string' && read(value) !== null ? (value as CalendarDate) : null;
}

/** For tests and constants written by hand: throws on a day that does not exist. */
export function calendarDate(value: string): CalendarDate {
	const d = checkDate(value);
	if (!d) throw new RangeError(`Not a calendar date: ${value}`);
	return d;
}

/** The same day `months` calendar months later, clamped to that month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
	const [y, m, d] = parts(date);
	const total = y * 12 + (m - 1) + months;
	const year = Math.floor(total / 12);
	const month = (total % 12) + 1;
	return iso(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Age on a day, or null when the date of birth is not a real calendar day (a record that needs fixing). */
export function ageOrNull(dateOfBirth: string, on: IsoDate): number | null {
	return checkDate(dateOfBirth) ? ageOn(dateOfBirth, on) : null;
}
