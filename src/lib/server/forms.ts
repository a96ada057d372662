import { fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Guarded } from './auth/guards';

/**
 * The one way Harbour handles a posted form (issue 14 part 2):
 *
 *     export const actions = {
 *       pathway: formAction({ form: 'pathway', guard: (e) => guardYoungPerson(e, 'pathway.record'), schema: (g) => pathwayForm(g) },
 *         ({ g, data }) => { recordPathwayReview(g.db, …); redirect(303, '…'); })
 *     };
 *
 * The guard runs first (it asks `can()`), then the form is read and parsed by its zod schema. On
 * bad input the invalid-input audit event is recorded once and the page gets
 * `fail(400, { form, values, errors })`: `values` is exactly what was typed, so nothing is lost,
 * and `errors` maps each field to a short code (src/lib/i18n/errors.ts). A handler that finds a
 * problem only the server can see (a rule over stored records) answers with `invalid(...)`.
 */

/** What was typed: each field a string, a repeated field (checkboxes) a list, a DateInput one object. */
export type FormValues = Record<string, string | string[] | DateValue>;
type DateValue = { day: string; month: string; year: string };

/** What the page gets back on bad input; `values` is typed as the form's schema input, so the page can put each value back. */
export type FormFailure<V = FormValues> = { form: string; values: V; errors: Record<string, string> };

/** No one field is longer than this; a longer one is cut before anything reads it. */
const MAX_FIELD = 10_000;
const DATE_PART = /^(.+)-(day|month|year)$/;

/** Reads a posted form into plain values. `x-day`, `x-month`, `x-year` (a DateInput) become `x: { day, month, year }`. */
export function formValues(form: FormData): FormValues {
	const values: FormValues = {};
	for (const [key, raw] of form.entries()) {
		if (typeof raw !== 'string') continue; // Files are never read from an ordinary form.
		const value = raw.slice(0, MAX_FIELD);
		const [, field, unit] = DATE_PART.exec(key) ?? [];
		if (field && unit) {
			const current = values[field];
			const date: DateValue = typeof current === 'object' && !Array.isArray(current) ? current : { day: '', month: '', year: '' };
			date[unit as keyof DateValue] = value.slice(0, 10);
			values[field] = date;
			continue;
		}
		const existing = values[key];
		if (existing === undefined) values[key] = value;
		else if (Array.isArray(existing)) existing.push(value);
		else if (typeof existing === 'string') values[key] = [existing, value];
	}
	return values;
}

/** Each field's first problem, as its code. Anything not from our field schemas reads as "invalid". */
export function errorsOf(issues: z.core.$ZodIssue[]): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of issues) {
		const field = String(issue.path[0] ?? 'form');
		const code = issue.code === 'custom' || /^[a-z0-9_]+$/.test(issue.message) ? issue.message : 'invalid';
		errors[field] ??= code;
	}
	return errors;
}

/** A form the server refuses after reading it: recorded once as invalid input, with what was typed kept. */
export function invalid<V = FormValues>(g: Pick<Guarded, 'audit'>, form: string, values: V, errors: Record<string, string>): ActionFailure<FormFailure<V>> {
	g.audit('invalid');
	return fail(400, { form, values, errors });
}

type Spec<G extends Guarded, S extends z.ZodType> = {
	/** Which form on the page this is, so the page shows the errors beside the right one. */
	form: string;
	guard: (event: RequestEvent) => G;
	schema: S | ((g: G) => S);
	/** Fields never sent back to the page (passwords). */
	secret?: string[];
};

type Typed<S extends z.ZodType> = Partial<z.input<S>>;

export function formAction<G extends Guarded, S extends z.ZodType, R>(
	spec: Spec<G, S>,
	handler: (input: { g: G; data: z.output<S>; values: Typed<S>; event: RequestEvent }) => R | Promise<R>
): (event: RequestEvent) => Promise<R | ActionFailure<FormFailure<Typed<S>>>> {
	return async (event) => {
		const g = spec.guard(event);
		const values = formValues(await event.request.formData());
		const schema = typeof spec.schema === 'function' && !('safeParse' in spec.schema) ? spec.schema(g) : (spec.schema as S);
		const parsed = schema.safeParse(values);
		if (!parsed.success) {
			const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !spec.secret?.includes(key)));
			return invalid(g, spec.form, kept as Typed<S>, errorsOf(parsed.error.issues));
		}
		return handler({ g, data: parsed.data, values: values as Typed<S>, event });
	};
}
