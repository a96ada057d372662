import { addCalendarDays, daysBetween, type IsoDate } from '../dates';
import { addMonths } from './vetting';

export type Rhythm = 'weekly' | 'fortnightly' | 'monthly';
export const RHYTHM_DAYS: Record<Rhythm, number> = { weekly: 7, fortnightly: 14, monthly: 30 };
/** "Due soon" this many days before the next contact is due. */
export const DUE_SOON_DAYS = 2;

export interface MatchFacts {
	status: 'proposed' | 'introduced' | 'active' | 'paused' | 'ended';
	rhythm: Rhythm;
	startedOn: IsoDate | null;
	/** Paused stretches (inclusive); `to` null means still paused. */
	pauses: { from: IsoDate; to: IsoDate | null }[];
}

export type HealthState = 'not_started' | 'paused' | 'ended' | 'on_track' | 'due_soon' | 'overdue';

export interface Health {
	state: HealthState;
	/** Days since the last contact (or since the start, if none yet), not counting paused days. */
	daysSinceContact: number | null;
	dueOn: IsoDate | null;
	overdueByDays: number;
	/** Weeks of the last 8 (not paused) with at least one contact, against how many the rhythm asks for. */
	regularity: { weeksWithContact: number; weeksExpected: number; contacts: number };
	lengthDays: number;
	lengthMonths: number;
	missedPlanned: number;
}

const pausedOn = (pauses: MatchFacts['pauses'], day: IsoDate) => pauses.some((p) => p.from <= day && (p.to === null || day <= p.to));

/** Days from `from` to `to`, leaving out paused days. */
function activeDays(from: IsoDate, to: IsoDate, pauses: MatchFacts['pauses']): number {
	let n = 0;
	for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (!pausedOn(pauses, d)) n++;
	return n;
}

/** The day the next contact is due: one rhythm after `last`, pushed back by any paused days in between. */
function nextDue(last: IsoDate, rhythm: Rhythm, pauses: MatchFacts['pauses']): IsoDate {
	let due = rhythm === 'monthly' ? addMonths(last, 1) : addCalendarDays(last, RHYTHM_DAYS[rhythm]);
	for (let d = addCalendarDays(last, 1); d <= due; d = addCalendarDays(d, 1)) if (pausedOn(pauses, d)) due = addCalendarDays(due, 1);
	return due;
}

/**
 * How a relationship is doing on `asOf`, from its rhythm and the contacts logged (domain.md §5.3).
 * Plain states for people ("on track", "overdue by 9 days") with the numbers behind them.
 */
export function relationshipHealth(match: MatchFacts, contacts: IsoDate[], planned: { on: IsoDate; happened: boolean }[], asOf: IsoDate): Health {
	const past = contacts.filter((c) => c <= asOf).sort();
	const last = past.at(-1) ?? null;
	const start = match.startedOn;
	const lengthDays = start && start <= asOf ? daysBetween(start, asOf) : 0;
	let lengthMonths = 0;
	if (start) while (addMonths(start, lengthMonths + 1) <= asOf) lengthMonths++;
	const missedPlanned = planned.filter((p) => p.on < asOf && !p.happened).length;
	// Regularity over the last 8 weeks (56 days), week by week, paused weeks left out.
	let weeksWithContact = 0;
	let weeksCounted = 0;
	for (let w = 0; w < 8; w++) {
		const end = addCalendarDays(asOf, -7 * w);
		const begin = addCalendarDays(end, -6);
		if (start && end < start) break;
		if (pausedOn(match.pauses, begin) && pausedOn(match.pauses, end)) continue;
		weeksCounted++;
		if (past.some((c) => c >= begin && c <= end)) weeksWithContact++;
	}
	const perWeek = 7 / RHYTHM_DAYS[match.rhythm];
	const regularity = { weeksWithContact, weeksExpected: Math.max(0, Math.round(weeksCounted * perWeek)), contacts: past.filter((c) => c > addCalendarDays(asOf, -56)).length };
	const base = { lengthDays, lengthMonths, missedPlanned, regularity };
	if (match.status === 'ended') return { ...base, state: 'ended', daysSinceContact: last ? daysBetween(last, asOf) : null, dueOn: null, overdueByDays: 0 };
	if (!start || start > asOf || match.status === 'proposed' || match.status === 'introduced') return { ...base, state: 'not_started', daysSinceContact: null, dueOn: null, overdueByDays: 0 };
	const from = last && last >= start ? last : start;
	const daysSinceContact = activeDays(from, asOf, match.pauses);
	if (match.status === 'paused' || pausedOn(match.pauses, asOf)) return { ...base, state: 'paused', daysSinceContact, dueOn: null, overdueByDays: 0 };
	const dueOn = nextDue(from, match.rhythm, match.pauses);
	const overdueByDays = asOf > dueOn ? daysBetween(dueOn, asOf) : 0;
	const state: HealthState = overdueByDays > 0 ? 'overdue' : asOf >= addCalendarDays(dueOn, -DUE_SOON_DAYS) ? 'due_soon' : 'on_track';
	return { ...base, state, daysSinceContact, dueOn, overdueByDays };
}

/** Coordinator's list: volunteers with no contact logged in 14 and in 30 days (active matches). */
export function quietVolunteers(lastContact: { volunteerId: string; lastOn: IsoDate | null; since: IsoDate }[], asOf: IsoDate): { over14: string[]; over30: string[] } {
	const days = (v: { lastOn: IsoDate | null; since: IsoDate }) => daysBetween(v.lastOn ?? v.since, asOf);
	return {
		over14: lastContact.filter((v) => days(v) >= 14).map((v) => v.volunteerId),
		over30: lastContact.filter((v) => days(v) >= 30).map((v) => v.volunteerId)
	};
}
