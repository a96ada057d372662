import { addCalendarDays, daysBetween, londonDay, type IsoDate } from '../dates';
import { addWorkingDays, workingDaysBetween } from './working-days';

/** domain.md §4 and §7: the clocks that run on a housing flag. */
export const ACK_WORKING_DAYS = { urgent: 1, other: 5 } as const;
export const THREAT_WINDOW_DAYS = 56;
export const EMERGENCY_STAY_MAX_WORKING_DAYS = 2;
export const VISIT_AFTER_COUNCIL_MOVE_DAYS = 7;

/**
 * Acknowledgement: due by the end of the Nth working day after the London day it was raised
 * (urgent 1, otherwise 5). Raised at 23:30 UTC on a summer evening is the next London day.
 */
export function acknowledgementDue(raisedAt: Date, urgent: boolean): IsoDate {
	return addWorkingDays(londonDay(raisedAt), urgent ? ACK_WORKING_DAYS.urgent : ACK_WORKING_DAYS.other);
}

export type AckClock = { state: 'done' | 'due' | 'overdue'; dueOn: IsoDate };

/** Overdue from the first moment of the London day after the due day, until acknowledged. */
export function acknowledgementClock(raisedAt: Date, urgent: boolean, acknowledgedAt: Date | null, now: Date): AckClock {
	const dueOn = acknowledgementDue(raisedAt, urgent);
	if (acknowledgedAt) return { state: 'done', dueOn };
	return { state: londonDay(now) > dueOn ? 'overdue' : 'due', dueOn };
}

export type ThreatClock = { state: 'referred' | 'due' | 'overdue'; endsOn: IsoDate; daysLeft: number; referredOn: IsoDate | null; referBy: IsoDate };

/** The referral is made on the day the threat is known, and escalated if not made by the end of the next working day. */
export const REFER_WITHIN_WORKING_DAYS = 1;

/**
 * The duty to refer (Housing Act 1996 s213B; Homelessness Code of Guidance ch. 4 para 4.1): it
 * arises as soon as the PA considers the young person may be homeless or threatened with
 * homelessness, i.e. likely to be homeless within 56 days (s175(4)). So the clock does not wait
 * for day 56, when they may already be homeless. Rule chosen (issue 13 item 9): from the day the
 * threat is known the state is `due` and the page says "refer now"; it is `overdue` (and goes to a
 * manager) from the first day after the end of the next working day (`referBy`). How to discharge
 * the duty is for each authority to decide (Code para 4.4): one working day is Harbour's local
 * standard, the same as an urgent flag's acknowledgement. `endsOn` is the 56th day: the latest
 * day homelessness is expected, shown so the PA sees how long is left.
 */
export function threatClock(threatenedOn: IsoDate, referredOn: IsoDate | null, today: IsoDate): ThreatClock {
	const endsOn = addCalendarDays(threatenedOn, THREAT_WINDOW_DAYS);
	const referBy = addWorkingDays(threatenedOn, REFER_WITHIN_WORKING_DAYS);
	const daysLeft = Math.max(0, daysBetween(today, endsOn));
	if (referredOn) return { state: 'referred', endsOn, daysLeft, referredOn, referBy };
	return { state: today > referBy ? 'overdue' : 'due', endsOn, daysLeft, referredOn: null, referBy };
}

export type StayClock = { state: 'ok' | 'escalate'; workingDays: number };

/** Bed and breakfast or emergency accommodation: more than 2 working days after moving in is escalated. */
export function emergencyStayClock(fromOn: IsoDate, toOn: IsoDate | null, today: IsoDate): StayClock {
	const end = toOn && toOn < today ? toOn : today;
	const workingDays = workingDaysBetween(fromOn, end);
	return { state: workingDays > EMERGENCY_STAY_MAX_WORKING_DAYS ? 'escalate' : 'ok', workingDays };
}

/** A PA visit is due within 7 days of moving into council-provided accommodation. */
export function visitClock(movedInOn: IsoDate, visitedOn: IsoDate | null, today: IsoDate): { state: 'done' | 'due' | 'overdue'; dueOn: IsoDate } {
	const dueOn = addCalendarDays(movedInOn, VISIT_AFTER_COUNCIL_MOVE_DAYS);
	if (visitedOn && visitedOn >= movedInOn) return { state: 'done', dueOn };
	return { state: today > dueOn ? 'overdue' : 'due', dueOn };
}

export type OpenFlag = { id: string; urgency: 'urgent' | 'soon' | 'routine'; raisedAt: Date; acknowledgedAt: Date | null; youngPersonId: string; threatenedOn?: IsoDate | null; referredOn?: IsoDate | null };
export type OpenStay = { id: number; youngPersonId: string; fromOn: IsoDate; toOn: IsoDate | null };
export type Escalation = { key: string; kind: 'flag_ack' | 'emergency_stay' | 'duty_to_refer'; subjectId: string; youngPersonId: string };

/**
 * What should be escalated to a manager now: flags not acknowledged in time, a threat of
 * homelessness with no referral by the end of the next working day, and emergency stays
 * past 2 working days. Keys name the event, so storing them makes a re-run escalate nothing twice.
 */
export function escalationsDue(flags: OpenFlag[], stays: OpenStay[], now: Date): Escalation[] {
	const today = londonDay(now);
	const out: Escalation[] = [];
	for (const f of flags) {
		if (acknowledgementClock(f.raisedAt, f.urgency === 'urgent', f.acknowledgedAt, now).state === 'overdue') out.push({ key: `flag-ack:${f.id}`, kind: 'flag_ack', subjectId: f.id, youngPersonId: f.youngPersonId });
		if (f.threatenedOn && threatClock(f.threatenedOn, f.referredOn ?? null, today).state === 'overdue') out.push({ key: `refer:${f.id}`, kind: 'duty_to_refer', subjectId: f.id, youngPersonId: f.youngPersonId });
	}
	for (const s of stays) {
		if (emergencyStayClock(s.fromOn, s.toOn, today).state === 'escalate') out.push({ key: `stay:${s.id}`, kind: 'emergency_stay', subjectId: String(s.id), youngPersonId: s.youngPersonId });
	}
	return out;
}
