import { eq } from 'drizzle-orm';
import { checkDate, parseDateParts, type IsoDate } from '../../domain/dates';
import type { Db } from '../db/client';
import { youngPerson } from '../db/schema';

/**
 * Life-event dates a PA records on a young person's record, each of which moves an entitlement or
 * a clock: the day they moved into their first home (which setting-up-home amount applies, issue 13
 * item 5) and the day their needs assessment was completed (the R1 clock, issue 13 item 9).
 * Setting a date is idempotent (the same form twice leaves the same record), so no operation id.
 */
export const RECORD_DATE_FIELDS = ['movedIn', 'needsAssessment'] as const;
export type RecordDateField = (typeof RECORD_DATE_FIELDS)[number];
type Parts = { day: string; month: string; year: string };
export type RecordDatesValues = Record<RecordDateField, Parts>;
export type RecordDates = Record<RecordDateField, IsoDate | null>;

const text = (form: FormData, key: string) => String(form.get(key) ?? '').slice(0, 10);
const partsOf = (form: FormData, id: string): Parts => ({ day: text(form, `${id}-day`), month: text(form, `${id}-month`), year: text(form, `${id}-year`) });
const isEmpty = (p: Parts) => !p.day.trim() && !p.month.trim() && !p.year.trim();

/** The form's boxes as typed, for showing again; empty boxes clear a date. */
export function recordDatesValues(current: RecordDates): RecordDatesValues {
	const split = (d: IsoDate | null): Parts => {
		if (!d || !checkDate(d)) return { day: '', month: '', year: '' };
		const [year, month, day] = d.split('-');
		return { day: String(Number(day)), month: String(Number(month)), year: year ?? '' };
	};
	return { movedIn: split(current.movedIn), needsAssessment: split(current.needsAssessment) };
}

/** Reads and checks the form: real days, not in the future, not before they were born. */
export function parseRecordDates(
	form: FormData,
	today: IsoDate,
	dateOfBirth: string
): { values: RecordDatesValues; errors: Partial<Record<RecordDateField, string>>; dates: RecordDates | null } {
	const values: RecordDatesValues = { movedIn: partsOf(form, 'movedIn'), needsAssessment: partsOf(form, 'needsAssessment') };
	const errors: Partial<Record<RecordDateField, string>> = {};
	const dates: RecordDates = { movedIn: null, needsAssessment: null };
	const born = checkDate(dateOfBirth) ? dateOfBirth : null;
	for (const field of RECORD_DATE_FIELDS) {
		if (isEmpty(values[field])) continue;
		const parsed = parseDateParts(values[field]);
		if (!parsed.ok) errors[field] = 'date_invalid';
		else if (parsed.date > today) errors[field] = 'date_future';
		else if (born && parsed.date < born) errors[field] = 'date_before_birth';
		else dates[field] = parsed.date;
	}
	return { values, errors, dates: Object.keys(errors).length ? null : dates };
}

export function recordDatesOf(person: { movedIntoFirstHomeOn: string | null; needsAssessmentCompletedOn: string | null }): RecordDates {
	return { movedIn: person.movedIntoFirstHomeOn, needsAssessment: person.needsAssessmentCompletedOn };
}

/** Saves the dates; answers which of them changed (for the audit trail), or null for nobody found. */
export function saveRecordDates(db: Db, youngPersonId: string, dates: RecordDates): RecordDateField[] | null {
	return db.transaction(
		(tx) => {
			const before = tx
				.select({ movedIntoFirstHomeOn: youngPerson.movedIntoFirstHomeOn, needsAssessmentCompletedOn: youngPerson.needsAssessmentCompletedOn })
				.from(youngPerson)
				.where(eq(youngPerson.id, youngPersonId))
				.get();
			if (!before) return null;
			const was = recordDatesOf(before);
			const changed = RECORD_DATE_FIELDS.filter((f) => was[f] !== dates[f]);
			if (changed.length) {
				tx.update(youngPerson).set({ movedIntoFirstHomeOn: dates.movedIn, needsAssessmentCompletedOn: dates.needsAssessment }).where(eq(youngPerson.id, youngPersonId)).run();
			}
			return changed;
		},
		{ behavior: 'immediate' }
	);
}
