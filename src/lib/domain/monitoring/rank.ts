import { addCalendarMonths, birthday, daysBetween, type IsoDate } from '../dates';
import type { LegalStatus } from '../money/status';

export const DEFAULT_CONTACT_RHYTHM_DAYS = 56; // 8-weekly (domain.md §3.1, §7)
export const NOT_SEEN_DAYS = 90;
export const CHECKIN_DOMAINS = ['housing', 'health', 'relationships', 'activities', 'money', 'work_learning', 'independence', 'identity'] as const;

export type TodayItem =
	| { kind: 'urgent_flag'; youngPersonId: string; name: string; flagId: string; raisedAt: string }
	| { kind: 'flag'; youngPersonId: string; name: string; flagId: string; raisedAt: string }
	| { kind: 'urgent_concern'; youngPersonId: string; name: string; concernId: string; raisedAt: string }
	| { kind: 'concern'; youngPersonId: string; name: string; concernId: string; raisedAt: string }
	| { kind: 'checkin_drop'; youngPersonId: string; name: string; area: string; from: number; to: number }
	| { kind: 'contact_overdue'; youngPersonId: string; name: string; days: number; lastOn: IsoDate | null }
	| { kind: 'pathway_review'; youngPersonId: string; name: string; dueOn: IsoDate; overdueDays: number; requested: boolean }
	| { kind: 'dfe_birthday'; youngPersonId: string; name: string; age: number; closesOn: IsoDate }
	| { kind: 'instalment_due'; youngPersonId: string; name: string; dueOn: IsoDate }
	| { kind: 'entitlement_lapsing'; youngPersonId: string; name: string; entitlement: string; until: IsoDate }
	| { kind: 'not_seen'; youngPersonId: string; name: string; days: number }
	| { kind: 'needs_assessment'; youngPersonId: string; name: string; dueOn: IsoDate; overdueDays: number }
	| { kind: 'date_needs_fixing'; youngPersonId: string; name: string; fields: string[] }
	// Issue 12: they asked for a full copy of their record; the statutory month runs to dueOn.
	| { kind: 'subject_access'; youngPersonId: string; name: string; dueOn: IsoDate };

/**
 * Safety first, then statutory clocks, then money before it is lost, then the rest. Within a tier
 * the most pressing comes first (oldest worry, most overdue, nearest date), then by name and id.
 */
const TIER: Record<TodayItem['kind'], number> = {
	urgent_flag: 0,
	urgent_concern: 0,
	flag: 1,
	concern: 1,
	checkin_drop: 2,
	contact_overdue: 3,
	pathway_review: 3,
	needs_assessment: 3,
	date_needs_fixing: 3,
	subject_access: 3,
	dfe_birthday: 4,
	instalment_due: 5,
	entitlement_lapsing: 5,
	not_seen: 6
};

/** A number where smaller is more pressing, within a tier. */
function pressure(item: TodayItem, today: IsoDate): number {
	switch (item.kind) {
		case 'urgent_flag':
		case 'flag':
		case 'urgent_concern':
		case 'concern':
			return Date.parse(item.raisedAt);
		case 'checkin_drop':
			return item.to - item.from;
		case 'contact_overdue':
		case 'not_seen':
			return -item.days;
		case 'pathway_review':
		case 'needs_assessment':
			return -item.overdueDays;
		case 'date_needs_fixing':
			return 0;
		case 'subject_access':
			return daysBetween(today, item.dueOn);
		case 'dfe_birthday':
			return daysBetween(today, item.closesOn);
		case 'instalment_due':
			return daysBetween(today, item.dueOn);
		case 'entitlement_lapsing':
			return daysBetween(today, item.until);
	}
}

export function rankToday(items: TodayItem[], today: IsoDate): TodayItem[] {
	return [...items].sort((a, b) => TIER[a.kind] - TIER[b.kind] || pressure(a, today) - pressure(b, today) || a.name.localeCompare(b.name) || a.youngPersonId.localeCompare(b.youngPersonId));
}

/** Contact is overdue when the last one (or, with none, the start of the caseload) is more than the rhythm ago. */
export function contactOverdue(lastOn: IsoDate | null, since: IsoDate, today: IsoDate, rhythmDays = DEFAULT_CONTACT_RHYTHM_DAYS): number | null {
	const days = daysBetween(lastOn ?? since, today);
	return days > rhythmDays ? days - rhythmDays : null;
}

/** A sharp drop between the last two check-ins: any area down by 2 or more points (the biggest fall). */
export function checkinDrop(previous: Record<string, number>, latest: Record<string, number>): { area: string; from: number; to: number } | null {
	let worst: { area: string; from: number; to: number } | null = null;
	for (const area of CHECKIN_DOMAINS) {
		const from = previous[area];
		const to = latest[area];
		if (from === undefined || to === undefined || from - to < 2) continue;
		if (!worst || from - to > worst.from - worst.to) worst = { area, from, to };
	}
	return worst;
}

/** Pathway plans are reviewed at least every 6 months (Care Leavers (England) Regulations 2010 reg 7), or sooner on request. */
export const PATHWAY_REVIEW_MONTHS = 6;

/**
 * When the next pathway plan review is due: 6 months after the last (clamped to the month's end),
 * or at once if the young person asked for one since. With no review recorded, it is due now.
 */
export function pathwayReviewDue(lastReviewOn: IsoDate | null, requestedOn: IsoDate | null, today: IsoDate): { dueOn: IsoDate; overdueDays: number; requested: boolean } {
	const requested = Boolean(requestedOn && (!lastReviewOn || requestedOn > lastReviewOn));
	let dueOn: IsoDate = today;
	if (requested) dueOn = requestedOn as IsoDate;
	else if (lastReviewOn) {
		const [y, m, d] = lastReviewOn.split('-').map(Number) as [number, number, number];
		const total = y * 12 + (m - 1) + PATHWAY_REVIEW_MONTHS;
		const year = Math.floor(total / 12);
		const month = (total % 12) + 1;
		const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
		dueOn = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
	}
	return { dueOn, overdueDays: Math.max(0, daysBetween(dueOn, today)), requested };
}

/** R1 (domain.md §7; CPPCR 2010 reg 42): the needs assessment is completed within 3 months. */
export const NEEDS_ASSESSMENT_MONTHS = 3;
/** Today shows it from this many days before it is due. */
export const NEEDS_ASSESSMENT_NOTICE_DAYS = 28;

export type NeedsAssessmentClock = { state: 'done' | 'due' | 'overdue'; dueOn: IsoDate; overdueDays: number; completedOn: IsoDate | null };

/**
 * R1: an eligible child's needs assessment must be completed no more than 3 months after the 16th
 * birthday, or 3 months after becoming eligible if that is later (CPPCR 2010 reg 42). "3 months
 * after" is the same day 3 calendar months on, or that month's last day if it has none (a 16th
 * birthday on 30 November → due 28 or 29 February). It is owed to eligible children; a relevant
 * child (16–17, left care) with none recorded still needs one, so it stays on the list too.
 * Null when it does not apply (under 16, 18 or over, or not eligible/relevant).
 */
export function needsAssessmentClock(
	dateOfBirth: IsoDate,
	status: LegalStatus | null,
	completedOn: IsoDate | null,
	today: IsoDate,
	becameEligibleOn: IsoDate | null = null
): NeedsAssessmentClock | null {
	const sixteenth = birthday(dateOfBirth, 16);
	if (status !== 'eligible' && status !== 'relevant') return null;
	const start = becameEligibleOn && becameEligibleOn > sixteenth ? becameEligibleOn : sixteenth;
	const dueOn = addCalendarMonths(start, NEEDS_ASSESSMENT_MONTHS);
	if (completedOn) return { state: 'done', dueOn, overdueDays: 0, completedOn };
	if (today < sixteenth || today >= birthday(dateOfBirth, 18)) return null;
	return { state: today > dueOn ? 'overdue' : 'due', dueOn, overdueDays: Math.max(0, daysBetween(dueOn, today)), completedOn: null };
}
