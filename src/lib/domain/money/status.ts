import { addCalendarMonths, ageOn, birthday, type IsoDate } from '../dates';

export type LegalStatus = 'eligible' | 'relevant' | 'former_relevant' | 'qualifying';

/**
 * How a young person stopped being looked after, where it changes their status (domain.md §1.1,
 * §2.16). `returned_home`: to a parent. A child arrangements ("lives with") order and adoption
 * both give the carer parental responsibility (Children Act 1989 s12(2); Adoption and Children Act
 * 2002 s46), so living with them counts as living with "someone who has parental responsibility"
 * (Care Leavers (England) Regulations 2010 reg 3(3)).
 */
export const LEAVING_ROUTES = ['special_guardianship_order', 'child_arrangements_order', 'adoption', 'returned_home'] as const;
export type LeavingRoute = (typeof LEAVING_ROUTES)[number];

/** The care history facts the law turns on (domain.md §1.1). Missing facts are `undefined`. */
export interface CareHistory {
	dateOfBirth: IsoDate;
	/** Total weeks looked after since the 14th birthday (periods added together). */
	weeksLookedAfterSince14?: number;
	/** Looked after on or after the 16th birthday. */
	lookedAfterOn16thBirthday?: boolean;
	/** The day they stopped being looked after; null while still looked after. */
	leftCareOn?: IsoDate | null;
	/** Lived at home with a parent (or someone with parental responsibility) for a continuous 6 months or more before 18 (ends relevant status). */
	returnedHomeSixMonths?: boolean;
	/** How they left care, when it was by an order or a return home (null: none of these). */
	leftCareRoute?: LeavingRoute | null;
	/** What the council recorded (the responsible authority decides status: domain.md §0). */
	recordedStatus?: LegalStatus;
}

export interface StatusAssessment {
	/** The status the engine works with. */
	status: LegalStatus | null;
	/** What the care-history facts say (undefined when the facts are incomplete). */
	fromFacts: LegalStatus | null | undefined;
	/** What was recorded, moved on by age the way the law moves it (eligible/relevant → former relevant at 18). */
	recorded: LegalStatus | null;
	/** The facts and the record say different things: a PA must check which is right. */
	disagree: boolean;
	/** Under 16: nobody is a care leaver yet (eligible and relevant both start at 16). */
	under16: boolean;
}

/**
 * How much help each status brings, to choose between two answers that disagree: a former relevant
 * child gets the most, a qualifying care leaver advice and assistance, no status nothing.
 */
const RANK: Record<LegalStatus, number> = { former_relevant: 3, relevant: 3, eligible: 3, qualifying: 2 };
const rank = (s: LegalStatus | null) => (s ? RANK[s] : 0);

/**
 * Children Act 1989 as amended: eligible (16–17, still looked after, ≥13 weeks since 14 ending
 * after 16: CPPCR 2010 reg 40), relevant (16–17, left care having been eligible: s23A, Care
 * Leavers (England) Regs 2010 reg 3), former relevant (18+, was relevant or eligible immediately
 * before 18: s23C(1)), qualifying for advice and assistance (s24(1A): under 21, a special
 * guardianship order made straight from care; s24(1B): under 21, looked after after 16 but not
 * eligible or relevant). No-one is any of these before their 16th birthday.
 */
export function statusFromFacts(h: CareHistory, asOf: IsoDate): LegalStatus | null | undefined {
	const age = ageOn(h.dateOfBirth, asOf);
	if (age < 16) return null;
	// s24(1A): a special guardianship order made while looked after: qualifying, whatever the age
	// at the order (an order at 9 counts), from 16 to the day before 21.
	const sgo = h.leftCareRoute === 'special_guardianship_order';
	const complete = h.weeksLookedAfterSince14 !== undefined && h.lookedAfterOn16thBirthday !== undefined && h.leftCareOn !== undefined;
	if (!complete) return sgo ? (age < 21 ? 'qualifying' : null) : undefined;
	const stillInCare = h.leftCareOn === null || (h.leftCareOn !== undefined && h.leftCareOn > asOf);
	if (!h.lookedAfterOn16thBirthday) {
		// Not looked after after 16: only the special guardianship route gives a status.
		return sgo && age < 21 ? 'qualifying' : null;
	}
	const thirteenWeeks = (h.weeksLookedAfterSince14 ?? 0) >= 13;
	// Six months or more with a parent or someone with parental responsibility ends relevant
	// status (reg 3(3)); a special guardian, a "lives with" order holder and adopters all have it.
	const home = h.returnedHomeSixMonths ?? sixMonthsWithParentalResponsibility(h, asOf);
	if (!thirteenWeeks) return 'qualifying';
	if (age < 18) {
		if (stillInCare) return 'eligible';
		return home ? 'qualifying' : 'relevant';
	}
	// 18 or over: former relevant if eligible or relevant immediately before 18.
	const eighteenth = birthday(h.dateOfBirth, 18);
	if (home && h.leftCareOn && h.leftCareOn < eighteenth) return 'qualifying';
	return 'former_relevant';
}

/**
 * Left care to a parent, by a child arrangements order or by adoption, with no answer recorded to
 * "did they stay 6 months?": presumed yes once 6 months have passed before 18 (reg 3(3)). A
 * recorded answer (a placement that broke down revives relevant status) always wins.
 */
function sixMonthsWithParentalResponsibility(h: CareHistory, asOf: IsoDate): boolean {
	if (!h.leftCareOn || !h.leftCareRoute || h.leftCareRoute === 'special_guardianship_order') return false;
	const sixMonths = addCalendarMonths(h.leftCareOn, 6);
	return sixMonths <= asOf && sixMonths <= birthday(h.dateOfBirth, 18);
}

/** The recorded status, moved on by age: eligible and relevant children become former relevant at 18 (s23C(1)). */
function recordedOn(h: CareHistory, age: number): LegalStatus | null {
	const r = h.recordedStatus;
	if (!r || age < 16) return null;
	if (age >= 18 && (r === 'eligible' || r === 'relevant')) return 'former_relevant';
	return r;
}

/**
 * The status to work with, and both of its sources. Neither is dropped silently: where the
 * recorded status and the care-history facts disagree, the engine works with whichever brings
 * more help (so nobody loses advice and assistance to a data slip) and says they disagree, so the
 * PA sees both and puts the record right. The responsible authority decides status (domain.md §0).
 */
export function assessLegalStatus(h: CareHistory, asOf: IsoDate): StatusAssessment {
	const age = ageOn(h.dateOfBirth, asOf);
	const fromFacts = statusFromFacts(h, asOf);
	const recorded = recordedOn(h, age);
	const under16 = age < 16;
	if (fromFacts === undefined) return { status: recorded, fromFacts, recorded, disagree: false, under16 };
	const disagree = h.recordedStatus !== undefined && recorded !== fromFacts;
	const status = !disagree ? fromFacts : rank(recorded) > rank(fromFacts) ? recorded : fromFacts;
	return { status, fromFacts, recorded, disagree, under16 };
}

export function deriveLegalStatus(h: CareHistory, asOf: IsoDate): LegalStatus | null {
	return assessLegalStatus(h, asOf).status;
}
