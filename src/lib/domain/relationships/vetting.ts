import { addCalendarDays, ageOn, type IsoDate } from '../dates';

/**
 * Vetting (domain.md §5.2). Thresholds are settings, not law: a council may be stricter. A DBS
 * certificate has no expiry date in law; councils treat one as current for 3 years, or while the
 * update service shows no change (checked within 12 months).
 */
export interface VettingRules {
	certificateMaxAgeYears: number;
	updateServiceMaxAgeMonths: number;
	referencesNeeded: number;
}
export const DEFAULT_VETTING_RULES: VettingRules = { certificateMaxAgeYears: 3, updateServiceMaxAgeMonths: 12, referencesNeeded: 2 };

export type DbsLevel = 'basic' | 'enhanced' | 'enhanced_barred_children';
export interface Vetting {
	dbsLevel: DbsLevel | null;
	certificateOn: IsoDate | null;
	updateServiceCheckedOn: IsoDate | null;
	referencesReceived: number;
	trainingCompletedOn: IsoDate | null;
}

export type Refusal = 'no_dbs' | 'needs_enhanced_barred' | 'check_out_of_date' | 'references_missing' | 'training_missing' | 'at_capacity';

/** Adds whole calendar months, clamped to the month's end (31 January + 1 month = 28/29 February). */
export function addMonths(date: IsoDate, months: number): IsoDate {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const total = y * 12 + (m - 1) + months;
	const year = Math.floor(total / 12);
	const month = (total % 12) + 1;
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The last day the DBS check counts as current, or null if there is none. */
export function checkCurrentUntil(v: Vetting, rules: VettingRules = DEFAULT_VETTING_RULES): IsoDate | null {
	const ends: IsoDate[] = [];
	if (v.certificateOn) ends.push(addCalendarDays(addMonths(v.certificateOn, rules.certificateMaxAgeYears * 12), -1));
	if (v.updateServiceCheckedOn) ends.push(addCalendarDays(addMonths(v.updateServiceCheckedOn, rules.updateServiceMaxAgeMonths), -1));
	return ends.length ? ends.sort().at(-1)! : null;
}

/**
 * May this volunteer be matched with this young person on `on`? Anyone needs a current check,
 * references and training; a young person under 18 needs an enhanced check with the children's
 * barred list. The refusal says which.
 */
export function canMatch(v: Vetting, youngPersonDob: IsoDate, on: IsoDate, rules: VettingRules = DEFAULT_VETTING_RULES): { ok: true } | { ok: false; reason: Refusal; until?: IsoDate | null } {
	if (!v.dbsLevel) return { ok: false, reason: 'no_dbs' };
	const until = checkCurrentUntil(v, rules);
	if (!until || until < on) return { ok: false, reason: 'check_out_of_date', until };
	if (ageOn(youngPersonDob, on) < 18 && v.dbsLevel !== 'enhanced_barred_children') return { ok: false, reason: 'needs_enhanced_barred' };
	if (v.referencesReceived < rules.referencesNeeded) return { ok: false, reason: 'references_missing' };
	if (!v.trainingCompletedOn || v.trainingCompletedOn > on) return { ok: false, reason: 'training_missing' };
	return { ok: true };
}

/**
 * The day vetting stops covering a match, if it does before `to`: the check going out of date,
 * or (for a young person under 18 then) when the check does not cover children at all.
 */
export function vettingLapsesOn(v: Vetting, youngPersonDob: IsoDate, from: IsoDate, to: IsoDate, rules: VettingRules = DEFAULT_VETTING_RULES): IsoDate | null {
	const until = checkCurrentUntil(v, rules);
	if (!until || until < from) return from;
	return until < to ? addCalendarDays(until, 1) : null;
}
