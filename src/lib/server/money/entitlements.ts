import { checkDate, type CalendarDate } from '../../domain/dates';
import { badDates, evaluateEntitlements, type Circumstances, type Outcome } from '../../domain/money/engine';
import { assessLegalStatus, type StatusAssessment } from '../../domain/money/status';
import { getConfig } from '../config';
import type { YoungPerson } from '../db/schema';

/**
 * The dates on a record that are not real calendar days ('2007-02-30', '1/5/2025'): the record's
 * field names. Every date is checked here, where it leaves the database (issue 13 item 7).
 */
export function datesNeedingFixing(p: Pick<YoungPerson, 'dateOfBirth' | 'leftCareOn' | 'activityStartedOn' | 'movedIntoFirstHomeOn' | 'needsAssessmentCompletedOn'>): string[] {
	const out: string[] = [];
	if (!checkDate(p.dateOfBirth)) out.push('dateOfBirth');
	for (const f of ['leftCareOn', 'activityStartedOn', 'movedIntoFirstHomeOn', 'needsAssessmentCompletedOn'] as const) if (p[f] !== null && !checkDate(p[f])) out.push(f);
	return out;
}

/** The record's date of birth, checked; null when it needs fixing (then no age or birthday is worked out). */
export const checkedBirthDate = (p: Pick<YoungPerson, 'dateOfBirth'>): CalendarDate | null => checkDate(p.dateOfBirth);

/**
 * The engine's view of a young person's record, with every date checked: `ok: false` names the
 * dates that need fixing, and the engine is not asked anything about this person until they are.
 */
export function checkedCircumstancesOf(p: YoungPerson): { ok: true; circumstances: Circumstances } | { ok: false; fields: string[] } {
	const fields = datesNeedingFixing(p);
	if (fields.length > 0) return { ok: false, fields };
	const c: Circumstances = {
		dateOfBirth: p.dateOfBirth,
		weeksLookedAfterSince14: p.weeksLookedAfterSince14 ?? undefined,
		lookedAfterOn16thBirthday: p.lookedAfterOn16thBirthday ?? undefined,
		leftCareOn: p.leftCareOn,
		leftCareRoute: p.leftCareRoute,
		recordedStatus: p.legalStatus,
		stayingPut: p.stayingPut,
		apprenticeshipStartedOn: p.activity === 'apprenticeship' ? p.activityStartedOn : null,
		higherEducationStartedOn: p.activity === 'higher_education' ? p.activityStartedOn : null,
		movedIntoFirstHomeOn: p.movedIntoFirstHomeOn,
		councilSettingUpHomePence: getConfig().COUNCIL_SETTING_UP_HOME_PENCE ?? null
	};
	// The engine checks again (a second line of defence): nothing unchecked gets past here.
	const bad = badDates(c);
	return bad.length > 0 ? { ok: false, fields: bad } : { ok: true, circumstances: c };
}

/**
 * Every entitlement for one young person today. A record with a date that needs fixing gets no
 * answers at all (an empty list), never a confident wrong one and never an error: the pages say
 * "this date needs fixing" instead (see `datesNeedingFixing`).
 */
export function entitlementsFor(p: YoungPerson, today: string): Outcome[] {
	const checked = checkedCircumstancesOf(p);
	return checked.ok ? evaluateEntitlements(checked.circumstances, today) : [];
}

/** The status the engine works with, and whether the record and the care history disagree (for the PA). */
export function statusFor(p: YoungPerson, today: string): StatusAssessment | null {
	const checked = checkedCircumstancesOf(p);
	return checked.ok ? assessLegalStatus(checked.circumstances, today) : null;
}
