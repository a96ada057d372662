import { daysBetween, daysInMonth, type IsoDate } from '../dates';

/**
 * The statutory deadline for a subject access request: one calendar month from the day it was
 * received (UK GDPR Art. 12(3)). The same date next month; when that month has no such date
 * (31 January), the last day of that month (ICO guidance: 28 or 29 February).
 */
export function subjectAccessDueOn(receivedOn: IsoDate): IsoDate {
	const [y, m, d] = receivedOn.split('-').map(Number) as [number, number, number];
	const year = m === 12 ? y + 1 : y;
	const month = m === 12 ? 1 : m + 1;
	const day = Math.min(d, daysInMonth(year, month));
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ICO's internal target: 28 days, so a reply is always inside the calendar month. */
export const SAR_TARGET_DAYS = 28;

export type SarClock = { dueOn: IsoDate; daysLeft: number; state: 'on_track' | 'due_soon' | 'overdue' };

/** How the clock stands today: overdue after the due date; due soon within a week of it. */
export function subjectAccessClock(dueOn: IsoDate, today: IsoDate): SarClock {
	const daysLeft = daysBetween(today, dueOn);
	return { dueOn, daysLeft, state: daysLeft < 0 ? 'overdue' : daysLeft <= 7 ? 'due_soon' : 'on_track' };
}
