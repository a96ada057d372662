import { parseDateParts, type IsoDate } from '../../domain/dates';
import { CONTACT_METHODS } from '../db/schema';
import type { Db } from '../db/client';
import { paContact } from '../db/schema';

type Parts = { day: string; month: string; year: string };
export type PaContactValues = { on: Parts; method: string; inTouch: string; note: string; restricted: boolean };

const text = (form: FormData, key: string, max: number) => String(form.get(key) ?? '').slice(0, max);

/** Reads a PA's contact record: a real date, not in the future nor before they were born. */
export function parsePaContact(form: FormData, today: IsoDate, dateOfBirth: IsoDate) {
	const values: PaContactValues = {
		on: { day: text(form, 'on-day', 10), month: text(form, 'on-month', 10), year: text(form, 'on-year', 10) },
		method: text(form, 'method', 20),
		inTouch: text(form, 'inTouch', 5),
		note: text(form, 'note', 5000),
		restricted: form.get('restricted') === 'yes'
	};
	const errors: Record<string, string> = {};
	const empty = !values.on.day && !values.on.month && !values.on.year;
	const on = empty ? ({ ok: true, date: today } as const) : parseDateParts(values.on);
	if (!on.ok) errors.on = 'date_invalid';
	else if (on.date > today) errors.on = 'date_future';
	else if (on.date < dateOfBirth) errors.on = 'date_before_birth';
	if (!(CONTACT_METHODS as readonly string[]).includes(values.method)) errors.method = 'contact_method_missing';
	if (values.inTouch !== 'yes' && values.inTouch !== 'no') errors.inTouch = 'in_touch_missing';
	if (values.note.trim().length > 2000) errors.note = 'note_too_long';
	if (Object.keys(errors).length > 0 || !on.ok) return { values, errors, fields: null };
	return { values, errors, fields: { occurredOn: on.date, method: values.method as (typeof CONTACT_METHODS)[number], inTouch: values.inTouch === 'yes', note: values.note.trim(), restricted: values.restricted } };
}

export function recordPaContact(db: Db, youngPersonId: string, adviserId: string, fields: { occurredOn: IsoDate; method: (typeof CONTACT_METHODS)[number]; inTouch: boolean; note: string; restricted: boolean }): void {
	db.insert(paContact).values({ youngPersonId, adviserId, ...fields }).run();
}
