import { ageOn, birthday, type IsoDate } from '../dates';

export type LegalStatus = 'eligible' | 'relevant' | 'former_relevant' | 'qualifying';

/** The care history facts the law turns on (domain.md §1.1). Missing facts are `undefined`. */
export interface CareHistory {
	dateOfBirth: IsoDate;
	/** Total weeks looked after since the 14th birthday (periods added together). */
	weeksLookedAfterSince14?: number;
	/** Looked after on or after the 16th birthday. */
	lookedAfterOn16thBirthday?: boolean;
	/** The day they stopped being looked after; null while still looked after. */
	leftCareOn?: IsoDate | null;
	/** Lived at home with a parent for a continuous 6 months or more before 18 (ends relevant status). */
	returnedHomeSixMonths?: boolean;
	/** What was recorded, used when the facts above are missing. */
	recordedStatus?: LegalStatus;
}

/**
 * Children Act 1989 as amended: eligible (16–17, still looked after, ≥13 weeks since 14 ending
 * after 16), relevant (16–17, left care having been eligible), former relevant (18+, was relevant
 * or eligible immediately before 18), qualifying (looked after after 16 without meeting the 13
 * weeks). Derived from the facts where they exist, else the recorded status.
 */
export function deriveLegalStatus(h: CareHistory, asOf: IsoDate): LegalStatus | null {
	const facts = h.weeksLookedAfterSince14 !== undefined && h.lookedAfterOn16thBirthday !== undefined && h.leftCareOn !== undefined;
	if (!facts) return h.recordedStatus ?? null;
	if (!h.lookedAfterOn16thBirthday) return null; // never in care after 16: not a care leaver
	const age = ageOn(h.dateOfBirth, asOf);
	const thirteenWeeks = (h.weeksLookedAfterSince14 ?? 0) >= 13;
	if (!thirteenWeeks) return 'qualifying';
	const stillInCare = h.leftCareOn === null || (h.leftCareOn !== undefined && h.leftCareOn > asOf);
	if (age < 18) {
		if (stillInCare) return 'eligible';
		return h.returnedHomeSixMonths ? 'qualifying' : 'relevant';
	}
	// 18 or over: former relevant if eligible or relevant immediately before 18.
	const eighteenth = birthday(h.dateOfBirth, 18);
	if (h.returnedHomeSixMonths && h.leftCareOn && h.leftCareOn < eighteenth) return 'qualifying';
	return 'former_relevant';
}
