import { addCalendarDays, parseDateParts, type IsoDate } from '../../domain/dates';
import { ACCOM } from '../../domain/monitoring/codes';
import { FLAG_KINDS, FLAG_URGENCIES, type FlagKind } from '../db/schema/housing';
import type { Urgency } from './flags';

/** A notice can be for a date ahead (notice to leave in 2 months) but not absurdly far either way. */
export const NOTICE_MAX_AHEAD_DAYS = 84;
export const NOTICE_MAX_AGO_DAYS = 183;

type Parts = { day: string; month: string; year: string };
export type RaiseValues = { kind: string; urgency: string; note: string; staffNote: string; notice: Parts; operation: string };
export type RaiseFields = { kind: FlagKind; urgency: Urgency; note: string; staffNote: string; noticeOn: IsoDate | null; operationId: string };

const text = (form: FormData, key: string, max: number) => String(form.get(key) ?? '').slice(0, max);

/**
 * When a form was written, if it waited on the phone (the outbox adds `queuedAt`). A time in the
 * future or older than the outbox could hold is ignored: it only changes how the PA is told.
 */
export function writtenAtOf(form: FormData, now = new Date()): Date | null {
	const raw = String(form.get('queuedAt') ?? '');
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(raw)) return null;
	const at = new Date(raw);
	const age = now.getTime() - at.getTime();
	return Number.isNaN(at.getTime()) || age < 0 || age > 90 * 24 * 3_600_000 ? null : at;
}

/**
 * Reads the "worried about my home" form, keeping every value as typed. A mentor or staff member
 * raising it for someone (`forSomeone`) may add a staff-only note; the young person's own form has none.
 */
export function parseRaise(form: FormData, today: IsoDate, { forSomeone = false }: { forSomeone?: boolean } = {}): { values: RaiseValues; errors: Record<string, string>; fields: RaiseFields | null; writtenAt: Date | null } {
	const values: RaiseValues = {
		kind: text(form, 'kind', 40),
		urgency: text(form, 'urgency', 20),
		note: text(form, 'note', 2000),
		staffNote: forSomeone ? text(form, 'staffNote', 2000) : '',
		notice: { day: text(form, 'notice-day', 10), month: text(form, 'notice-month', 10), year: text(form, 'notice-year', 10) },
		operation: text(form, 'operation', 64)
	};
	const errors: Record<string, string> = {};
	const kind = (FLAG_KINDS as readonly string[]).includes(values.kind) ? (values.kind as FlagKind) : null;
	if (!kind) errors.kind = 'flag_kind_missing';
	const urgency = (FLAG_URGENCIES as readonly string[]).includes(values.urgency) ? (values.urgency as Urgency) : 'soon';
	if (values.note.trim().length > 1000) errors.note = 'note_too_long';
	if (values.staffNote.trim().length > 1000) errors.staffNote = 'note_too_long';
	let noticeOn: IsoDate | null = null;
	if (values.notice.day || values.notice.month || values.notice.year) {
		const parsed = parseDateParts(values.notice);
		if (!parsed.ok) errors.notice = 'date_invalid';
		else if (parsed.date > addCalendarDays(today, NOTICE_MAX_AHEAD_DAYS)) errors.notice = 'notice_too_far_ahead';
		else if (parsed.date < addCalendarDays(today, -NOTICE_MAX_AGO_DAYS)) errors.notice = 'notice_too_long_ago';
		else noticeOn = parsed.date;
	}
	if (!/^[A-Za-z0-9_-]{8,64}$/.test(values.operation)) errors.kind ??= 'invalid';
	const writtenAt = writtenAtOf(form);
	if (!kind || Object.keys(errors).length > 0) return { values, errors, fields: null, writtenAt };
	return { values, errors, fields: { kind, urgency, note: values.note.trim(), staffNote: values.staffNote.trim(), noticeOn, operationId: values.operation }, writtenAt };
}

/**
 * An ACCOM code for the accommodation history: one of DfE's valid values (rule 133, from the
 * indicators' code list) other than 0, which is only for a return. No fixed abode (S) and custody
 * (X) are never suitable, so S1 and X1 get their own message.
 */
export function accomProblem(code: string): 'accom_missing' | 'accom_unknown' | 'accom_never_suitable' | null {
	if (!code) return 'accom_missing';
	if (code !== '0' && (ACCOM as readonly string[]).includes(code)) return null;
	return code === 'S1' || code === 'X1' ? 'accom_never_suitable' : 'accom_unknown';
}
