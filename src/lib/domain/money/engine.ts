import { addCalendarDays, ageOn, birthday, checkDate, type IsoDate } from '../dates';
import { amountOn, CATALOGUE, type EntitlementId } from './catalogue';
import { assessLegalStatus, type CareHistory, type LegalStatus } from './status';

/** A young person's situation as the rules need it. Pure data: no database, no clock. */
export interface Circumstances extends CareHistory {
	apprenticeshipStartedOn?: IsoDate | null;
	higherEducationStartedOn?: IsoDate | null;
	/** Living with their former foster carer after 18 (Staying Put). */
	stayingPut?: boolean;
	/** Has a Child Trust Fund (most born 1 Sep 2002 – 2 Jan 2011 do). */
	hasChildTrustFund?: boolean;
	/**
	 * The day they moved into their first home of their own (issue 13 item 5): the setting up home
	 * allowance is the amount in force on that day. undefined/null: not known (or not moved yet).
	 */
	movedIntoFirstHomeOn?: IsoDate | null;
	/** The council's own setting up home allowance (its Appendix E policy), in pence, if it sets one. */
	councilSettingUpHomePence?: number | null;
}

/**
 * `may_apply`: the law may give it, but someone else decides on the facts (the reason says who):
 * e.g. priority need from 21 through vulnerability, decided by the housing authority.
 */
export type OutcomeState = 'eligible_now' | 'eligible_from' | 'lapsed' | 'not_eligible' | 'may_apply';

/** Thrown when a date handed to the engine is not a real calendar day; `fields` names them. */
export class DateNeedsFixing extends Error {
	constructor(readonly fields: string[]) {
		super(`These dates need fixing: ${fields.join(', ')}`);
		this.name = 'DateNeedsFixing';
	}
}

const DATE_FIELDS = ['dateOfBirth', 'leftCareOn', 'apprenticeshipStartedOn', 'higherEducationStartedOn', 'movedIntoFirstHomeOn'] as const;

/**
 * The dates in `c` that are set but are not real calendar days ("2007-02-30", "01/05/2025").
 * Dates are compared as text inside the engine, which is right only for real `YYYY-MM-DD` days,
 * so every one is checked first (issue 13 item 7).
 */
export function badDates(c: Circumstances): string[] {
	return DATE_FIELDS.filter((f) => {
		const v = c[f];
		return f === 'dateOfBirth' ? !checkDate(v) : v !== undefined && v !== null && !checkDate(v);
	});
}

export interface Outcome {
	id: EntitlementId;
	state: OutcomeState;
	/** A code the UI turns into plain words (and the reason a PA can give). */
	reason: string;
	from?: IsoDate;
	until?: IsoDate; // the last day it applies
	lapsedOn?: IsoDate;
	amountPence: number | null;
	keyDates: { label: string; date: IsoDate }[];
}

const CARE_LEAVER: LegalStatus[] = ['eligible', 'relevant', 'former_relevant'];
const dayBefore = (d: IsoDate) => addCalendarDays(d, -1);

/**
 * Works out every catalogue entitlement for one young person on `asOf` (a London calendar day).
 * Ages turn on birthdays (29 February → 1 March in other years); amounts are those in force on
 * the date that matters (the apprenticeship's start, or today).
 */
export function evaluateEntitlements(c: Circumstances, asOf: IsoDate): Outcome[] {
	const bad = badDates(c);
	if (!checkDate(asOf)) bad.push('asOf');
	if (bad.length > 0) throw new DateNeedsFixing(bad);
	const { status, under16 } = assessLegalStatus(c, asOf);
	const age = ageOn(c.dateOfBirth, asOf);
	const b = (n: number) => birthday(c.dateOfBirth, n);
	const careLeaver = status !== null && CARE_LEAVER.includes(status);
	const anyStatus = status !== null;
	// Under 16 nobody is a care leaver yet (eligible and relevant start at 16): say "from 16", not "no".
	const nobody = under16 ? 'from_16' : 'not_a_care_leaver';
	const out: Outcome[] = [];
	const push = (id: EntitlementId, o: Omit<Outcome, 'id' | 'amountPence' | 'keyDates'> & Partial<Pick<Outcome, 'amountPence' | 'keyDates'>>) =>
		out.push({ id, amountPence: o.amountPence ?? amountOn(CATALOGUE[id], asOf), keyDates: o.keyDates ?? [], ...o });
	/** Applies from `from` up to the day before `end` (a birthday), for those `who` qualify. */
	const during = (id: EntitlementId, who: boolean, from: IsoDate, end: IsoDate, reason: string, notReason = nobody, extra: Partial<Pick<Outcome, 'amountPence' | 'keyDates'>> = {}) => {
		const until = dayBefore(end);
		if (!who) push(id, { state: 'not_eligible', reason: notReason });
		else if (asOf > until) push(id, { state: 'lapsed', reason, lapsedOn: end });
		else if (asOf < from) push(id, { state: 'eligible_from', reason, from, until, ...extra });
		else push(id, { state: 'eligible_now', reason, from, until, ...extra });
	};

	// Setting up home allowance (domain.md §2.1, R11): for moving into a first home, up to the 25th
	// birthday. The guidance minimum is the one in force on the day they move in (£2,000 before
	// 1 April 2023, £3,000 from then: DfE, Coram Voice; Vol. 3 Appendix E), or the council's own
	// level if it pays more. Until the move-in day is known, the amount is what a move from today
	// would bring, and the reason says the day is still to be recorded.
	const stillInCare = c.leftCareOn === null || (c.leftCareOn !== undefined && c.leftCareOn > asOf);
	const moved = c.movedIntoFirstHomeOn ?? null;
	const guidance = amountOn(CATALOGUE.setting_up_home, moved ?? asOf);
	const suha = Math.max(guidance ?? 0, c.councilSettingUpHomePence ?? 0) || null;
	const homeKeyDates = moved ? [{ label: 'moved_in', date: moved }] : [];
	during('setting_up_home', careLeaver, stillInCare ? (c.leftCareOn ?? b(18)) : (c.leftCareOn ?? b(16)), b(25), moved ? 'setting_up_home_moved_in' : 'setting_up_home_move_unknown', nobody, { amountPence: suha, keyDates: homeKeyDates });

	// Apprenticeship bursary: the amount depends on the start date; under 25 at the start; once.
	const app = c.apprenticeshipStartedOn;
	if (!careLeaver) push('apprenticeship_bursary', { state: 'not_eligible', reason: nobody });
	else if (!app) {
		if (age >= 25) push('apprenticeship_bursary', { state: 'lapsed', reason: 'apprenticeship_start_before_25', lapsedOn: b(25), amountPence: null });
		else push('apprenticeship_bursary', { state: 'not_eligible', reason: 'apprenticeship_if_you_start', until: dayBefore(b(25)) });
	} else if (ageOn(c.dateOfBirth, app) >= 25) {
		push('apprenticeship_bursary', { state: 'not_eligible', reason: 'apprenticeship_started_at_25', amountPence: null });
	} else {
		const pence = amountOn(CATALOGUE.apprenticeship_bursary, app);
		const instalments = pence === 300_000 ? [60, 120, 300] : [60];
		const keyDates = instalments.map((d, i) => ({ label: `instalment_${i + 1}`, date: addCalendarDays(app, d) }));
		// Not started yet: "from <start>", not "now" (issue 13 item 8).
		const state = pence === null ? 'not_eligible' : app > asOf ? 'eligible_from' : 'eligible_now';
		push('apprenticeship_bursary', { state, reason: pence === null ? 'apprenticeship_before_scheme' : 'apprenticeship_on_programme', from: app, amountPence: pence, keyDates });
	}

	// HE bursary (domain.md §2.3, R12): £2,000 to a former relevant child "who pursues higher
	// education in accordance with a pathway plan" (s23C(5A) Children Act 1989), for a course
	// started from 1 September 2008 (HE Bursary (England) Regs 2009 reg 1(2)). Rule chosen: the
	// course must START before the 25th birthday. Pathway-plan support for a former relevant child
	// who starts or resumes education after 21 exists only under 25 (s23CA(1)(b)); once a course
	// in the plan has started, the plan and the duties carry on while they pursue it (s23C(7)), so
	// a course started at 24 still counts at 25 and 26. A course started at 25 or later has no
	// pathway plan behind it, so no bursary is owed (a council may still help at its discretion).
	const he = c.higherEducationStartedOn;
	const heLastStart = dayBefore(b(25));
	if (status !== 'former_relevant') push('he_bursary', { state: 'not_eligible', reason: status === 'qualifying' ? 'he_former_relevant_only' : status === null ? nobody : 'he_when_former_relevant' });
	else if (!he) {
		if (asOf > heLastStart) push('he_bursary', { state: 'lapsed', reason: 'he_start_before_25', lapsedOn: b(25), amountPence: null });
		else push('he_bursary', { state: 'not_eligible', reason: 'he_if_you_go', until: heLastStart });
	} else if (he < '2008-09-01') push('he_bursary', { state: 'not_eligible', reason: 'he_course_too_early', amountPence: null });
	else if (he > heLastStart) push('he_bursary', { state: 'not_eligible', reason: 'he_started_at_25', amountPence: null });
	else push('he_bursary', { state: he > asOf ? 'eligible_from' : 'eligible_now', reason: 'he_on_course', from: he });

	// 16 to 19 bursary: 16–18 on 31 August at the start of the academic year.
	const [y, m] = asOf.split('-').map(Number) as [number, number];
	const academicStart = m >= 9 ? y : y - 1;
	const ageOnAugust31 = ageOn(c.dateOfBirth, `${academicStart}-08-31`);
	if (!anyStatus) push('bursary_16_19', { state: 'not_eligible', reason: nobody });
	else if (ageOnAugust31 > 18) push('bursary_16_19', { state: 'lapsed', reason: 'bursary_16_19_age', lapsedOn: `${academicStart}-09-01` });
	else if (ageOnAugust31 < 16) push('bursary_16_19', { state: 'eligible_from', reason: 'bursary_16_19_age', from: `${academicStart + (16 - ageOnAugust31)}-09-01` });
	else push('bursary_16_19', { state: 'eligible_now', reason: 'bursary_16_19_in_education', until: `${academicStart + 1}-08-31` });

	// Staying Put: living on with the former foster carer after 18, supported until 21. Only for a
	// former relevant child who was an eligible child immediately before 18 (s23C(1)(b)): someone
	// who left care before their 18th birthday (a relevant child then) is not in Staying Put.
	const leftBefore18 = typeof c.leftCareOn === 'string' && c.leftCareOn < b(18);
	const couldStayPut = status === 'eligible' || (status === 'former_relevant' && c.stayingPut === true && !leftBefore18);
	during('staying_put', couldStayPut, b(18), b(21), status === 'eligible' ? 'staying_put_talk' : 'staying_put_living', 'staying_put_not_fostered');

	// A personal adviser: automatically to 21, then on request to 25 (qualifying: advice and assistance).
	if (!careLeaver) push('pa_support', { state: 'not_eligible', reason: status === 'qualifying' ? 'pa_advice_and_assistance' : nobody });
	else if (age < 21) push('pa_support', { state: 'eligible_now', reason: 'pa_to_21', until: dayBefore(b(21)), keyDates: [{ label: 'birthday_21', date: b(21) }, { label: 'birthday_25', date: b(25) }] });
	else during('pa_support', true, b(21), b(25), 'pa_on_request_to_25');

	// Council tax relief: each council decides; most give it to care leavers 18–24.
	during('council_tax', careLeaver, b(18), b(25), 'council_tax_local');
	// Shared Accommodation Rate exemption: in care on or after 16, 18–24 from 31 May 2021 (under 22 before).
	during('shared_accommodation_exemption', anyStatus, b(18), asOf < '2021-05-31' ? b(22) : b(25), 'sar_exemption');
	// Priority need for housing (domain.md §4.2): automatic for care leavers aged 18, 19 and 20
	// (Homelessness (Priority Need for Accommodation) (England) Order 2002 art 4). From 21 it may
	// still apply if they are vulnerable as a result of having been looked after (art 5(1)): not
	// "lapsed", but for the local housing authority to decide on the facts (issue 13 item 8).
	if (anyStatus && age >= 21) push('priority_need', { state: 'may_apply', reason: 'priority_need_vulnerable_21', from: b(21) });
	else during('priority_need', anyStatus, b(18), b(21), 'priority_need_18_20');
	// Universal Credit: a pre-claim appointment in the 28 days before the 18th birthday.
	during('uc_pre_claim', anyStatus, addCalendarDays(b(18), -28), b(18), 'uc_pre_claim');
	// Care Leaver Covenant offers: ages 16 to 25.
	during('care_leaver_covenant', anyStatus, b(16), b(26), 'covenant');

	// Junior ISA: £200 for a year or more in care, unless they have a Child Trust Fund; theirs at 18.
	const longEnough = (c.weeksLookedAfterSince14 ?? 0) >= 52;
	const ctf = c.hasChildTrustFund ?? (c.dateOfBirth >= '2002-09-01' && c.dateOfBirth <= '2011-01-02');
	if (!(anyStatus || under16) || !longEnough) push('junior_isa', { state: 'not_eligible', reason: 'jisa_one_year_in_care' });
	else if (ctf) push('junior_isa', { state: 'not_eligible', reason: 'jisa_child_trust_fund', amountPence: null });
	else push('junior_isa', { state: age >= 18 ? 'eligible_now' : 'eligible_from', reason: 'jisa_yours_at_18', from: b(18), keyDates: [{ label: 'birthday_18', date: b(18) }] });

	// Free prescriptions, dental and eye care to 25: announced, not yet in force.
	push('free_prescriptions', { state: 'not_eligible', reason: age < 25 && anyStatus ? 'announced_not_in_force' : nobody, until: dayBefore(b(25)) });

	return out;
}
