import { addCalendarDays, type IsoDate } from '../dates';

export const MAX_CONTACT_MINUTES = 24 * 60;

export type ContactProblem = { field: 'on' | 'minutes' | 'note' | 'next'; code: 'contact_in_future' | 'contact_before_match' | 'minutes_too_long' | 'minutes_not_positive' | 'note_too_long' | 'next_before_contact' | 'next_too_far' };

/** Checks a mentor's contact log (issue 5's bad input): not in the future, not before the match, at most 24 hours. */
export function checkContact(c: { on: IsoDate; minutes: number; note: string; nextOn: IsoDate | null }, ctx: { matchStartedOn: IsoDate | null; today: IsoDate }): ContactProblem[] {
	const out: ContactProblem[] = [];
	if (c.on > ctx.today) out.push({ field: 'on', code: 'contact_in_future' });
	else if (ctx.matchStartedOn && c.on < ctx.matchStartedOn) out.push({ field: 'on', code: 'contact_before_match' });
	if (!Number.isInteger(c.minutes) || c.minutes <= 0) out.push({ field: 'minutes', code: 'minutes_not_positive' });
	else if (c.minutes > MAX_CONTACT_MINUTES) out.push({ field: 'minutes', code: 'minutes_too_long' });
	if (c.note.length > 2000) out.push({ field: 'note', code: 'note_too_long' });
	if (c.nextOn && c.nextOn < c.on) out.push({ field: 'next', code: 'next_before_contact' });
	else if (c.nextOn && c.nextOn > addCalendarDays(ctx.today, 366)) out.push({ field: 'next', code: 'next_too_far' });
	return out;
}
