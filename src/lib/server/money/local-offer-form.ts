import { parseDateParts } from '../../domain/dates';
import { parsePounds } from '../../domain/money/pounds';
import type { LocalOfferFields } from './local-offer';

export type LocalOfferValues = {
	title: string;
	description: string;
	howToGet: string;
	conditions: string;
	amount: string;
	minAge: string;
	maxAge: string;
	from: { day: string; month: string; year: string };
	to: { day: string; month: string; year: string };
	withdrawn: boolean;
	operation: string;
};

const text = (form: FormData, key: string, max: number) => String(form.get(key) ?? '').slice(0, max);

/** Reads the local offer form: every value kept as typed, and a field error for each problem. */
export function parseLocalOfferForm(form: FormData): { values: LocalOfferValues; errors: Record<string, string>; fields: LocalOfferFields | null } {
	const values: LocalOfferValues = {
		title: text(form, 'title', 200),
		description: text(form, 'description', 3000),
		howToGet: text(form, 'howToGet', 1000),
		conditions: text(form, 'conditions', 1000),
		amount: text(form, 'amount', 40),
		minAge: text(form, 'minAge', 3),
		maxAge: text(form, 'maxAge', 3),
		from: { day: text(form, 'from-day', 10), month: text(form, 'from-month', 10), year: text(form, 'from-year', 10) },
		to: { day: text(form, 'to-day', 10), month: text(form, 'to-month', 10), year: text(form, 'to-year', 10) },
		withdrawn: form.get('withdrawn') === 'yes',
		operation: text(form, 'operation', 64)
	};
	const errors: Record<string, string> = {};
	if (!/^[A-Za-z0-9_-]{8,64}$/.test(values.operation)) errors.title = 'invalid';
	else if (!values.title.trim()) errors.title = 'title_missing';
	else if (values.title.trim().length > 120) errors.title = 'title_too_long';
	if (!values.description.trim()) errors.description = 'description_missing';
	const pounds = values.amount.trim() === '' ? ({ ok: true, pence: null } as const) : parsePounds(values.amount);
	if (!pounds.ok) errors.amount = `money_${pounds.error}`;
	const age = (v: string) => (/^\d{1,2}$/.test(v.trim()) ? Number(v.trim()) : NaN);
	const minAge = age(values.minAge);
	const maxAge = age(values.maxAge);
	if (!(minAge >= 16 && minAge <= 25)) errors.minAge = 'age_range';
	if (!(maxAge >= 17 && maxAge <= 26)) errors.maxAge = 'age_range';
	else if (minAge >= maxAge) errors.maxAge = 'age_order';
	const from = parseDateParts(values.from);
	if (!from.ok) errors.from = from.error === 'missing' ? 'date_missing' : 'date_invalid';
	const noTo = !values.to.day && !values.to.month && !values.to.year;
	const to = noTo ? null : parseDateParts(values.to);
	if (to && !to.ok) errors.to = 'date_invalid';
	else if (to?.ok && from.ok && to.date < from.date) errors.to = 'date_order';
	if (Object.keys(errors).length > 0 || !pounds.ok || !from.ok || (to && !to.ok)) return { values, errors, fields: null };
	return {
		values,
		errors,
		fields: {
			title: values.title.trim(),
			description: values.description.trim(),
			howToGet: values.howToGet.trim(),
			conditions: values.conditions.trim(),
			amountPence: pounds.pence,
			minAge,
			maxAge,
			effectiveFrom: from.date,
			effectiveTo: to?.ok ? to.date : null,
			withdrawn: values.withdrawn
		}
	};
}

export function valuesOf(o: LocalOfferFields): LocalOfferValues {
	const parts = (d: string | null) => (d ? { day: String(Number(d.slice(8))), month: String(Number(d.slice(5, 7))), year: d.slice(0, 4) } : { day: '', month: '', year: '' });
	return {
		title: o.title,
		description: o.description,
		howToGet: o.howToGet,
		conditions: o.conditions,
		amount: o.amountPence === null ? '' : (o.amountPence / 100).toFixed(2).replace(/\.00$/, ''),
		minAge: String(o.minAge),
		maxAge: String(o.maxAge),
		from: parts(o.effectiveFrom),
		to: parts(o.effectiveTo),
		withdrawn: o.withdrawn,
		operation: ''
	};
}
