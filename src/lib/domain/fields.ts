import { z } from 'zod';
import { parseDateParts, type IsoDate } from './dates';
import { parsePounds } from './money/pounds';
import { cleanName } from './text';

/**
 * The fields Harbour's forms share, written once. Each reads what was typed (always strings: a
 * posted form has nothing else) and either gives a clean value or fails with a short code the
 * page turns into words (src/lib/i18n/errors.ts). Forms put these into one zod object each.
 */

/** What a DateInput posts, gathered by the form reader into one value. */
export type DateParts = { day: string; month: string; year: string };

const typed = z.string().default('');

/** Text with a maximum length, trimmed. Empty is fine unless `missing` names the error for it. */
export function text({ max, missing, tooLong = 'note_too_long' }: { max: number; missing?: string; tooLong?: string }) {
	return typed.transform((value, ctx) => {
		const trimmed = value.trim();
		if (missing && !trimmed) ctx.addIssue({ code: 'custom', message: missing });
		else if (trimmed.length > max) ctx.addIssue({ code: 'custom', message: tooLong });
		return trimmed;
	});
}

/** A person's name as they gave it: bidi and control characters removed (finding 12.11). */
export function name({ max = 100, missing = 'name_missing', tooLong = 'name_too_long' } = {}) {
	return text({ max, missing, tooLong }).transform(cleanName);
}

/** One of a fixed list of choices (radios, a select). */
export function choice<const T extends readonly [string, ...string[]]>(values: T, missing: string) {
	return typed.transform((value, ctx) => {
		if ((values as readonly string[]).includes(value)) return value as T[number];
		ctx.addIssue({ code: 'custom', message: missing });
		return z.NEVER;
	});
}

/** Ticked checkboxes: none, one or several values, each from the list (anything else is dropped). */
export function ticked<const T extends readonly string[]>(values: T) {
	return z
		.union([z.string(), z.array(z.string())])
		.default([])
		.transform((v) => (Array.isArray(v) ? v : [v]).filter((x): x is T[number] => (values as readonly string[]).includes(x)));
}

/** A yes/no checkbox. */
export const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on' || v === 'yes' || v === 'true');

/** An amount typed in pounds ("240", "£1,200.50"), as integer pence, greater than zero. */
export function pounds({ zero = 'money_zero' }: { zero?: string } = {}) {
	return typed.transform((value, ctx) => {
		const parsed = parsePounds(value);
		if (!parsed.ok) {
			ctx.addIssue({ code: 'custom', message: `money_${parsed.error}` });
			return z.NEVER;
		}
		if (parsed.pence === 0) {
			ctx.addIssue({ code: 'custom', message: zero });
			return z.NEVER;
		}
		return parsed.pence;
	});
}

type DateRules = {
	/** The latest allowed day, usually London's today: later is `date_future`. */
	notAfter?: IsoDate;
	/** The earliest allowed day, usually a date of birth: earlier is `date_before_birth` unless `early` says otherwise. */
	notBefore?: IsoDate;
	early?: string;
	/** Left empty: fine (null) unless `missing` names the error. */
	missing?: string;
};

const parts = z.object({ day: typed, month: typed, year: typed }).default({ day: '', month: '', year: '' });

/** A day typed into the three boxes of a DateInput, checked to be real, within bounds. Empty gives null. */
export function date({ notAfter, notBefore, early = 'date_before_birth', missing }: DateRules = {}) {
	return parts.transform((value, ctx): IsoDate | null => {
		if (!value.day.trim() && !value.month.trim() && !value.year.trim()) {
			if (missing) ctx.addIssue({ code: 'custom', message: missing });
			return null;
		}
		const parsed = parseDateParts(value);
		if (!parsed.ok) {
			ctx.addIssue({ code: 'custom', message: parsed.error === 'missing' ? 'date_missing' : 'date_invalid' });
			return z.NEVER;
		}
		if (notAfter && parsed.date > notAfter) ctx.addIssue({ code: 'custom', message: 'date_future' });
		else if (notBefore && parsed.date < notBefore) ctx.addIssue({ code: 'custom', message: early });
		return parsed.date;
	});
}

/** A whole number within a range ("3 hours"), with codes for each way it can be wrong. */
export function whole({ min, max, notNumber = 'whole_number', outOfRange = 'invalid', missing }: { min: number; max: number; notNumber?: string; outOfRange?: string; missing?: string }) {
	return typed.transform((value, ctx): number | null => {
		const trimmed = value.trim();
		if (!trimmed) {
			if (missing) ctx.addIssue({ code: 'custom', message: missing });
			return null;
		}
		if (!/^-?\d+$/.test(trimmed)) {
			ctx.addIssue({ code: 'custom', message: notNumber });
			return z.NEVER;
		}
		const n = Number(trimmed);
		if (n < min || n > max) ctx.addIssue({ code: 'custom', message: outOfRange });
		return n;
	});
}

/**
 * The operation id a form carries so a write is counted once however often it is sent (the
 * offline outbox resends; a double tap posts twice). Made by the page when it is drawn.
 */
export const operationId = typed.pipe(z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'invalid'));
