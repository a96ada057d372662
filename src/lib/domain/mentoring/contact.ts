import { addCalendarDays, isIsoDate, londonDay, type IsoDate } from '../dates';
import type { Grade } from './concerns';

export const MODES = ['in_person', 'call', 'video', 'message'] as const;
export type ContactMode = (typeof MODES)[number];
export const MOODS = ['good', 'okay', 'low', 'not_said'] as const;
export type Mood = (typeof MOODS)[number];

export const CONTACT_LIMITS = {
	/** A phone a few minutes fast should not make "now" look like the future. */
	futureToleranceMinutes: 5,
	maxMinutes: 24 * 60,
	noteMaxChars: 2000,
	/** The next planned contact can be at most this many days ahead. */
	nextWithinDays: 366
} as const;

/** A contact as a mentor logs it (domain.md §5.2: date, duration, mode, notes), with an optional concern. */
export interface ContactInput {
	occurredAt: Date;
	mode: string;
	minutes: number;
	note: string;
	mood?: string | null;
	nextPlannedOn?: IsoDate | null;
	concern?: { grade: Grade | null; text: string } | null;
}

export type ContactField = 'occurredAt' | 'mode' | 'minutes' | 'note' | 'mood' | 'nextPlannedOn' | 'concernText';
export type ContactError =
	| 'not_a_date'
	| 'in_future'
	| 'before_match_started'
	| 'not_a_choice'
	| 'not_positive'
	| 'too_long'
	| 'note_too_long'
	| 'next_before_contact'
	| 'next_too_far'
	| 'concern_text_required';
export type ContactErrors = Partial<Record<ContactField, ContactError>>;

/** Characters as people count them: an emoji is one. */
const length = (s: string) => [...s.trim()].length;

/**
 * Checks a contact log entry. One error code per field, for the page to put into words next to
 * the field. The day of the contact is the London day of `occurredAt`.
 */
export function validateContact(input: ContactInput, ctx: { matchStartedOn: IsoDate | null; now: Date }): { ok: true } | { ok: false; errors: ContactErrors } {
	const errors: ContactErrors = {};
	const at = input.occurredAt.getTime();
	const day = Number.isNaN(at) ? null : londonDay(input.occurredAt);
	if (day === null) errors.occurredAt = 'not_a_date';
	else if (at > ctx.now.getTime() + CONTACT_LIMITS.futureToleranceMinutes * 60_000) errors.occurredAt = 'in_future';
	else if (ctx.matchStartedOn && day < ctx.matchStartedOn) errors.occurredAt = 'before_match_started';
	if (!(MODES as readonly string[]).includes(input.mode)) errors.mode = 'not_a_choice';
	if (!Number.isInteger(input.minutes) || input.minutes <= 0) errors.minutes = 'not_positive';
	else if (input.minutes > CONTACT_LIMITS.maxMinutes) errors.minutes = 'too_long';
	if (length(input.note) > CONTACT_LIMITS.noteMaxChars) errors.note = 'note_too_long';
	if (input.mood !== undefined && input.mood !== null && !(MOODS as readonly string[]).includes(input.mood)) errors.mood = 'not_a_choice';
	const next = input.nextPlannedOn ?? null;
	if (next !== null) {
		if (!isIsoDate(next)) errors.nextPlannedOn = 'not_a_date';
		else if (day !== null && next < day) errors.nextPlannedOn = 'next_before_contact';
		else if (next > addCalendarDays(londonDay(ctx.now), CONTACT_LIMITS.nextWithinDays)) errors.nextPlannedOn = 'next_too_far';
	}
	const concern = input.concern;
	if (concern?.grade) {
		if (!concern.text.trim()) errors.concernText = 'concern_text_required';
		else if (length(concern.text) > CONTACT_LIMITS.noteMaxChars) errors.concernText = 'note_too_long';
	}
	return Object.keys(errors).length === 0 ? { ok: true } : { ok: false, errors };
}

export type ContactProblem = {
	field: 'on' | 'minutes' | 'note' | 'next';
	code: 'contact_in_future' | 'contact_before_match' | 'minutes_too_long' | 'minutes_not_positive' | 'note_too_long' | 'next_before_contact' | 'next_too_far';
};

/**
 * The day-only check the mentee page uses (it records the day of a contact, not the time): not
 * after today, not before the match, at most 24 hours, the note and the next planned contact
 * within the same limits as `validateContact`, which is for a form that records the time.
 */
export function checkContact(c: { on: IsoDate; minutes: number; note: string; nextOn: IsoDate | null }, ctx: { matchStartedOn: IsoDate | null; today: IsoDate }): ContactProblem[] {
	const out: ContactProblem[] = [];
	if (c.on > ctx.today) out.push({ field: 'on', code: 'contact_in_future' });
	else if (ctx.matchStartedOn && c.on < ctx.matchStartedOn) out.push({ field: 'on', code: 'contact_before_match' });
	if (!Number.isInteger(c.minutes) || c.minutes <= 0) out.push({ field: 'minutes', code: 'minutes_not_positive' });
	else if (c.minutes > CONTACT_LIMITS.maxMinutes) out.push({ field: 'minutes', code: 'minutes_too_long' });
	if (length(c.note) > CONTACT_LIMITS.noteMaxChars) out.push({ field: 'note', code: 'note_too_long' });
	if (c.nextOn && c.nextOn < c.on) out.push({ field: 'next', code: 'next_before_contact' });
	else if (c.nextOn && c.nextOn > addCalendarDays(ctx.today, CONTACT_LIMITS.nextWithinDays)) out.push({ field: 'next', code: 'next_too_far' });
	return out;
}
