import { addCalendarDays, ageOn, type IsoDate } from '../dates';
import { addMonths } from './calendar';

/**
 * Volunteer vetting (domain.md §5.2). Mentoring a child (under 18) often is regulated activity and
 * needs an enhanced DBS check with the children's barred list; we ask for it for every under-18
 * match, whatever the rhythm, rather than judge "frequently" case by case. For adults the law asks
 * for less, so the lowest level is a setting. A DBS certificate has no expiry in law: "current"
 * (3 years, or an update-service check within 12 months), the number of references and the
 * training requirement are local policy, so they are settings too (domain.md names references and
 * induction training but no number).
 */
export interface VettingRules {
	/** A certificate counts as current for this many years: its last day is the day before that anniversary. */
	certificateMaxAgeYears: number;
	/** An update-service check keeps the certificate current for this many months: to the day before that anniversary of the check. */
	updateServiceMaxAgeMonths: number;
	referencesNeeded: number;
	trainingRequired: boolean;
	/** The lowest DBS level for a match with an adult (18 or over). */
	adultMinimumLevel: DbsLevel;
}

export const DEFAULT_VETTING_RULES: VettingRules = {
	certificateMaxAgeYears: 3,
	updateServiceMaxAgeMonths: 12,
	referencesNeeded: 2,
	trainingRequired: true,
	adultMinimumLevel: 'basic'
};

export type DbsLevel = 'basic' | 'enhanced' | 'enhanced_barred_children';
const LEVEL_RANK: Record<DbsLevel, number> = { basic: 1, enhanced: 2, enhanced_barred_children: 3 };

/** A volunteer's vetting record. Dates after the day being asked about do not count yet. */
export interface Vetting {
	/** Null when no DBS check is recorded. */
	dbsLevel: DbsLevel | null;
	certificateOn: IsoDate | null;
	updateServiceCheckedOn: IsoDate | null;
	referencesReceived: number;
	trainingCompletedOn: IsoDate | null;
}

/** Why a volunteer may not be matched. `no_dbs`: no certificate; `check_out_of_date`: the certificate is no longer current. */
export type VettingProblem = 'no_dbs' | 'needs_enhanced_barred' | 'level_too_low' | 'check_out_of_date' | 'references_missing' | 'training_missing';
export type Refusal = VettingProblem | 'at_capacity';

export interface VettingStatus {
	/** The DBS check counts as current on the day. */
	current: boolean;
	/** Current, and at the level needed to match with a child. */
	currentEnhancedBarred: boolean;
	/** The last day the check counts as current; null without a certificate. */
	currentUntil: IsoDate | null;
	/** The first day it no longer counts (today or earlier if it has already lapsed); null without a certificate. */
	lapsesOn: IsoDate | null;
	/** What keeps it current the longest: the certificate's age, or an update-service check. */
	basis: 'certificate' | 'update_service' | null;
	/** What stops a match with anyone on the day (the adult rules); a child also needs `currentEnhancedBarred`. */
	reasons: VettingProblem[];
}

const held = (date: IsoDate | null, on: IsoDate | undefined): date is IsoDate => date !== null && (on === undefined || date <= on);

/**
 * The last day of a period of `months` starting on `from`: the day before the anniversary, as the
 * app has always counted it (a check done on 24 November 2023 is current to 23 November 2026).
 * The anniversary is clamped to the month's end, so a 29 February certificate's third anniversary
 * is 28 February and its last current day 27 February. Lapse days are part of the escalation
 * job's keys (`vetting:<match>:<lapsesOn>`), so this rule must not move by a day.
 */
const lastDayOf = (from: IsoDate, months: number): IsoDate => addCalendarDays(addMonths(from, months), -1);

function currency(v: Vetting, rules: VettingRules, on?: IsoDate): { until: IsoDate; basis: 'certificate' | 'update_service' } | null {
	if (!v.dbsLevel || !held(v.certificateOn, on)) return null;
	const byCertificate = lastDayOf(v.certificateOn, rules.certificateMaxAgeYears * 12);
	// The update service re-checks an existing certificate, so it only counts alongside one.
	if (held(v.updateServiceCheckedOn, on)) {
		const byUpdate = lastDayOf(v.updateServiceCheckedOn, rules.updateServiceMaxAgeMonths);
		if (byUpdate > byCertificate) return { until: byUpdate, basis: 'update_service' };
	}
	return { until: byCertificate, basis: 'certificate' };
}

/** The last day the DBS check counts as current, or null if there is none. */
export function checkCurrentUntil(v: Vetting, rules: VettingRules = DEFAULT_VETTING_RULES): IsoDate | null {
	return currency(v, rules)?.until ?? null;
}

/** Where a volunteer's vetting stands on a day. */
export function vettingFor(v: Vetting, rules: VettingRules, on: IsoDate): VettingStatus {
	const c = currency(v, rules, on);
	const current = c !== null && on <= c.until;
	const reasons: VettingProblem[] = [];
	if (!c) reasons.push('no_dbs');
	else if (v.dbsLevel && LEVEL_RANK[v.dbsLevel] < LEVEL_RANK[rules.adultMinimumLevel]) reasons.push('level_too_low');
	if (c && !current) reasons.push('check_out_of_date');
	if (v.referencesReceived < rules.referencesNeeded) reasons.push('references_missing');
	if (rules.trainingRequired && !held(v.trainingCompletedOn, on)) reasons.push('training_missing');
	return {
		current,
		currentEnhancedBarred: current && v.dbsLevel === 'enhanced_barred_children',
		currentUntil: c?.until ?? null,
		lapsesOn: c ? addCalendarDays(c.until, 1) : null,
		basis: c?.basis ?? null,
		reasons
	};
}

export type MatchCheck = { ok: true } | { ok: false; reason: VettingProblem; reasons: VettingProblem[]; until: IsoDate | null };

/**
 * May this volunteer be matched with this young person on `on`? Anyone needs a current check at
 * the adult level or above, references and training; someone under 18 on that day (the day
 * before their 18th birthday included) needs an enhanced check with the children's barred list.
 * `reason` is the first problem to fix; `reasons` are all of them.
 */
export function canMatch(v: Vetting, youngPersonDob: IsoDate, on: IsoDate, rules: VettingRules = DEFAULT_VETTING_RULES): MatchCheck {
	const status = vettingFor(v, rules, on);
	const reasons = [...status.reasons];
	if (ageOn(youngPersonDob, on) < 18 && v.dbsLevel !== 'enhanced_barred_children') {
		const at = reasons.indexOf('level_too_low');
		if (at >= 0) reasons.splice(at, 1, 'needs_enhanced_barred');
		else reasons.splice(reasons[0] === 'no_dbs' ? 1 : 0, 0, 'needs_enhanced_barred');
	}
	const [reason] = reasons;
	return reason ? { ok: false, reason, reasons, until: status.currentUntil } : { ok: true };
}

export interface VettingLapse {
	/** One task per lapse: the same lapse gives the same key however often a job asks; a renewal that lapses later gives a new one. */
	key: string;
	/** The first day the check no longer counts; null when there has never been a certificate. */
	lapsesOn: IsoDate | null;
	/** It had already lapsed (or never existed) on `from`. */
	alreadyLapsed: boolean;
}

/**
 * Whether the DBS check stops being current between `from` and `to` (inclusive), for a job that
 * raises a "vetting lapses during a match" task. `subject` (the match id) goes into the key.
 */
export function vettingLapsesDuring(v: Vetting, rules: VettingRules, from: IsoDate, to: IsoDate, subject?: string): VettingLapse | null {
	const prefix = subject === undefined ? 'vetting' : `vetting:${subject}`;
	const c = currency(v, rules, from);
	if (!c) return { key: `${prefix}:no_dbs`, lapsesOn: null, alreadyLapsed: true };
	const lapsesOn = addCalendarDays(c.until, 1);
	if (lapsesOn > to) return null;
	return { key: `${prefix}:${lapsesOn}`, lapsesOn, alreadyLapsed: lapsesOn <= from };
}
