import { TZDate } from '@date-fns/tz';
import { LONDON, londonDay } from '../dates';

export type Grade = 'note' | 'worry' | 'urgent';

/** A worry or an urgent concern goes to the PA at once; a note is kept on the record. */
export const notifiesPa = (grade: Grade): boolean => grade !== 'note';

export const WORKING_HOURS = { start: 9, end: 17 } as const;
export const URGENT_ACK_WORKING_HOURS = 4;

/**
 * Adds working hours (Monday to Friday, 09:00–17:00 London time, not bank holidays) to an
 * instant. Raised outside hours, the clock starts at the next 09:00. Clock changes are handled
 * by doing the sums in London wall-clock time.
 */
export function addWorkingHours(from: Date, hours: number, isHoliday: (day: string) => boolean): Date {
	let minutesLeft = Math.round(hours * 60);
	let t = new TZDate(from.getTime(), LONDON);
	const isWorkday = (d: TZDate) => d.getDay() !== 0 && d.getDay() !== 6 && !isHoliday(londonDay(new Date(d.getTime())));
	const at = (d: TZDate, h: number) => new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), h, 0, 0, LONDON);
	for (let guard = 0; guard < 400; guard++) {
		if (!isWorkday(t) || t.getHours() >= WORKING_HOURS.end) {
			const next = new TZDate(t.getFullYear(), t.getMonth(), t.getDate() + 1, WORKING_HOURS.start, 0, 0, LONDON);
			t = next;
			continue;
		}
		if (t.getHours() < WORKING_HOURS.start) t = at(t, WORKING_HOURS.start);
		const endOfDay = at(t, WORKING_HOURS.end);
		const available = (endOfDay.getTime() - t.getTime()) / 60_000;
		if (minutesLeft <= available) return new Date(t.getTime() + minutesLeft * 60_000);
		minutesLeft -= available;
		t = new TZDate(t.getFullYear(), t.getMonth(), t.getDate() + 1, WORKING_HOURS.start, 0, 0, LONDON);
	}
	throw new Error('addWorkingHours: no working day found');
}

export type OpenConcern = { id: string; grade: Grade; raisedAt: Date; acknowledgedAt: Date | null };

/** Urgent concerns not acknowledged within 4 working hours, keyed so each escalates once. */
export function concernsToEscalate(concerns: OpenConcern[], now: Date, isHoliday: (day: string) => boolean): { key: string; concernId: string }[] {
	return concerns
		.filter((c) => c.grade === 'urgent' && !c.acknowledgedAt && addWorkingHours(c.raisedAt, URGENT_ACK_WORKING_HOURS, isHoliday) <= now)
		.map((c) => ({ key: `concern-ack:${c.id}`, concernId: c.id }));
}
