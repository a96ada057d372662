import { evaluateEntitlements, type Circumstances } from '../../domain/entitlements/engine';
import type { YoungPerson } from '../db/schema';

/** The engine's view of a young person's record (what is recorded today; claims come later). */
export function circumstancesOf(p: YoungPerson): Circumstances {
	return {
		dateOfBirth: p.dateOfBirth,
		weeksLookedAfterSince14: p.weeksLookedAfterSince14 ?? undefined,
		lookedAfterOn16thBirthday: p.lookedAfterOn16thBirthday ?? undefined,
		leftCareOn: p.leftCareOn,
		recordedStatus: p.legalStatus,
		stayingPut: p.stayingPut,
		apprenticeshipStartedOn: p.activity === 'apprenticeship' ? p.activityStartedOn : null,
		higherEducationStartedOn: p.activity === 'higher_education' ? p.activityStartedOn : null
	};
}

export function entitlementsFor(p: YoungPerson, today: string) {
	return evaluateEntitlements(circumstancesOf(p), today);
}
