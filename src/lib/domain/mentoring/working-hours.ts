import { TZDate } from '@date-fns/tz';
import { addCalendarDays, LONDON, londonDay, type IsoDate } from '../dates';

/**
 * Working hours: Monday to Friday, 09:00 to 17:00 on London's clock, not on bank holidays. The
 * holiday list is passed in (England and Wales bank holidays in the app, a small set in tests).
 * Sums are done in London wall-clock time: the clocks change at 01:00/02:00 on a Sunday, so a
 * working day is always 8 real hours, and "Friday 16:00 + 4 working hours" is Monday 12:00 on
 * the clock whether or not the clocks changed over the weekend.
 */
export const WORKING_HOURS = { start: 9, end: 17 } as const;
export type IsHoliday = (day: IsoDate) => boolean;

const HOUR_MS = 3_600_000;
/** Ten years of days: more than enough to find working time, unless every day is a holiday. */
const MAX_DAYS = 3660;

function wallClock(day: IsoDate, hour: number): number {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	return new TZDate(y, m - 1, d, hour, 0, 0, LONDON).getTime();
}

export function isWorkingDay(day: IsoDate, isHoliday: IsHoliday): boolean {
	const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
	return weekday !== 0 && weekday !== 6 && !isHoliday(day);
}

/** The working window of a London day, as instants (ms), or null if it is not a working day. */
function workingWindow(day: IsoDate, isHoliday: IsHoliday): { start: number; end: number } | null {
	return isWorkingDay(day, isHoliday) ? { start: wallClock(day, WORKING_HOURS.start), end: wallClock(day, WORKING_HOURS.end) } : null;
}

const valid = (d: Date, name: string) => {
	if (Number.isNaN(d.getTime())) throw new RangeError(`${name} is not a valid date`);
};

export function isWithinWorkingHours(instant: Date, isHoliday: IsHoliday): boolean {
	valid(instant, 'instant');
	const w = workingWindow(londonDay(instant), isHoliday);
	return w !== null && w.start <= instant.getTime() && instant.getTime() < w.end;
}

/**
 * Adds working hours to an instant. Outside working hours the clock starts at the next working
 * day's 09:00; time running out exactly at 17:00 ends at 17:00, not the next morning.
 */
export function addWorkingHours(instant: Date, hours: number, isHoliday: IsHoliday): Date {
	valid(instant, 'instant');
	if (!Number.isFinite(hours) || hours < 0) throw new RangeError('hours must be 0 or more');
	let left = Math.round(hours * HOUR_MS);
	let day = londonDay(instant);
	let from = instant.getTime();
	for (let i = 0; i < MAX_DAYS; i++) {
		const w = workingWindow(day, isHoliday);
		if (w && from < w.end) {
			const begin = Math.max(from, w.start);
			if (left <= w.end - begin) return new Date(begin + left);
			left -= w.end - begin;
		}
		day = addCalendarDays(day, 1);
		from = -Infinity;
	}
	throw new RangeError('addWorkingHours: no working day found in ten years');
}

/** Working hours between two instants (0 if `to` is not after `from`). */
export function workingHoursBetween(from: Date, to: Date, isHoliday: IsHoliday): number {
	valid(from, 'from');
	valid(to, 'to');
	let ms = 0;
	for (let day = londonDay(from), last = londonDay(to); day <= last; day = addCalendarDays(day, 1)) {
		const w = workingWindow(day, isHoliday);
		if (w) ms += Math.max(0, Math.min(w.end, to.getTime()) - Math.max(w.start, from.getTime()));
	}
	return ms / HOUR_MS;
}
