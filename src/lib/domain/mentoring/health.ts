import { addCalendarDays, daysBetween, type IsoDate } from '../dates';
import { addMonths, wholeMonthsBetween } from './calendar';

export type Rhythm = 'weekly' | 'fortnightly' | 'monthly';
/** Nominal days per rhythm. A monthly rhythm is due a calendar month after the last contact; 30 is used for regularity only. */
export const RHYTHM_DAYS: Record<Rhythm, number> = { weekly: 7, fortnightly: 14, monthly: 30 };
/** "Due soon" from this many days before the next contact is due. */
export const DUE_SOON_DAYS = 2;
/** Regularity looks back over this many days that were not paused (8 weeks). */
export const REGULARITY_WINDOW_DAYS = 56;

/** A paused stretch, both ends inclusive; `to` null means still paused. */
export type Pause = { from: IsoDate; to: IsoDate | null };

export interface MatchFacts {
	status: 'proposed' | 'introduced' | 'active' | 'paused' | 'ended';
	rhythm: Rhythm;
	/** A rhythm agreed in days (for example 10), instead of `rhythm`. */
	rhythmDays?: number;
	startedOn: IsoDate | null;
	/** When an ended match ended, so its length stops there. */
	endedOn?: IsoDate | null;
	pauses: Pause[];
}

export type ContactFact = IsoDate | { on: IsoDate; planned?: boolean };
export type PlannedContact = { on: IsoDate; happened: boolean };

export type HealthState = 'not_started' | 'paused' | 'ended' | 'on_track' | 'due_soon' | 'overdue';

/** For the UI to put into words: codes and numbers, no English. `days` is days until due, or days overdue. */
export type HealthSummary =
	| { state: 'not_started' }
	| { state: 'ended' }
	| { state: 'paused'; since: IsoDate | null }
	| { state: 'on_track' | 'due_soon'; dueOn: IsoDate; days: number }
	| { state: 'overdue'; dueOn: IsoDate; days: number };

export interface Regularity {
	/** Of the last 8 unpaused weeks since the start, how many had a contact. */
	weeksWithContact: number;
	/** How many of those weeks the rhythm asks to have a contact in (8 weekly, 4 fortnightly, 2 monthly). */
	weeksExpected: number;
	/** Contacts in the window. */
	contacts: number;
	/** Unpaused days looked at: 56, or fewer in a young match. */
	windowDays: number;
	/** Whole rhythm periods (7, 14, 30 days) in the window, counted back from today: the contacts expected. */
	periods: number;
	periodsWithContact: number;
	/** periodsWithContact / periods, 0–1; null until a whole period has passed. */
	ratio: number | null;
}

export interface Health {
	state: HealthState;
	summary: HealthSummary;
	lastContactOn: IsoDate | null;
	/** Days since the last contact (or since the start, if none yet), not counting paused days. */
	daysSinceContact: number | null;
	/** Days between contacts the rhythm asks for (a monthly rhythm: 30, though the due date follows the calendar). */
	expectedIntervalDays: number;
	dueOn: IsoDate | null;
	/** Days past the due date, not counting paused days. */
	overdueByDays: number;
	regularity: Regularity;
	lengthDays: number;
	lengthMonths: number;
	pausedDays: number;
	/** Planned contacts before today that did not happen, leaving out any planned for a paused day. */
	missedPlanned: number;
}

type Span = { from: IsoDate; to: IsoDate };

/** Pauses as closed spans: an open pause runs to `asOf` (no one knows yet when it will end). */
function spans(pauses: Pause[], asOf: IsoDate): Span[] {
	return pauses.map((p) => ({ from: p.from, to: p.to ?? asOf })).filter((p) => p.from <= p.to);
}

const pausedOn = (s: Span[], day: IsoDate) => s.some((p) => p.from <= day && day <= p.to);

/** Paused days from `from` to `to`, both inclusive, counting overlapping pauses once. */
function pausedDaysIn(s: Span[], from: IsoDate, to: IsoDate): number {
	if (to < from) return 0;
	const clipped = s
		.map((p) => ({ from: p.from > from ? p.from : from, to: p.to < to ? p.to : to }))
		.filter((p) => p.from <= p.to)
		.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
	let total = 0;
	let reached: IsoDate | null = null;
	for (const p of clipped) {
		const start: IsoDate = reached && p.from <= reached ? addCalendarDays(reached, 1) : p.from;
		if (start > p.to) continue;
		total += daysBetween(start, p.to) + 1;
		reached = p.to;
	}
	return total;
}

/** Days after `from` up to and including `to`, leaving out paused days. */
const activeDaysAfter = (s: Span[], from: IsoDate, to: IsoDate) => (to <= from ? 0 : daysBetween(from, to) - pausedDaysIn(s, addCalendarDays(from, 1), to));

/** One rhythm after `anchor`, then pushed back a day for every paused day before it. */
function nextDue(anchor: IsoDate, match: MatchFacts, s: Span[]): IsoDate {
	const base = match.rhythmDays === undefined && match.rhythm === 'monthly' ? addMonths(anchor, 1) : addCalendarDays(anchor, intervalDays(match));
	let due = base;
	for (let counted = -1; ; ) {
		const paused = pausedDaysIn(s, addCalendarDays(anchor, 1), due);
		if (paused === counted) return due;
		counted = paused;
		due = addCalendarDays(base, paused);
	}
}

function intervalDays(match: MatchFacts): number {
	if (match.rhythmDays === undefined) return RHYTHM_DAYS[match.rhythm];
	if (!Number.isInteger(match.rhythmDays) || match.rhythmDays < 1) throw new RangeError('rhythmDays must be a whole number of days, 1 or more');
	return match.rhythmDays;
}

function regularity(start: IsoDate | null, s: Span[], contactDays: IsoDate[], interval: number, asOf: IsoDate): Regularity {
	// The last 56 unpaused days of the match, newest first.
	const days: IsoDate[] = [];
	for (let d = asOf; start !== null && d >= start && days.length < REGULARITY_WINDOW_DAYS; d = addCalendarDays(d, -1)) {
		if (!pausedOn(s, d)) days.push(d);
	}
	const count = new Map<IsoDate, number>();
	for (const c of contactDays) count.set(c, (count.get(c) ?? 0) + 1);
	const chunks = (size: number) => {
		const whole = Math.floor(days.length / size);
		let withContact = 0;
		for (let i = 0; i < whole; i++) if (days.slice(i * size, (i + 1) * size).some((d) => count.has(d))) withContact++;
		return { whole, withContact };
	};
	const weeks = chunks(7);
	const periods = chunks(interval);
	return {
		weeksWithContact: weeks.withContact,
		weeksExpected: Math.round((weeks.whole * 7) / interval),
		contacts: days.reduce((n, d) => n + (count.get(d) ?? 0), 0),
		windowDays: days.length,
		periods: periods.whole,
		periodsWithContact: periods.withContact,
		ratio: periods.whole > 0 ? periods.withContact / periods.whole : null
	};
}

const dayOf = (c: ContactFact): IsoDate => (typeof c === 'string' ? c : c.on);

/**
 * How a relationship is doing on `asOf`, from its rhythm and the contacts logged (domain.md §5.3:
 * consistency, "be there when they say they will"). Paused days never count against it: they
 * are left out of the gap since the last contact, push the due date back, and are skipped by the
 * regularity window.
 */
export function relationshipHealth(match: MatchFacts, contacts: ContactFact[], planned: PlannedContact[], asOf: IsoDate): Health {
	const s = spans(match.pauses, asOf);
	const start = match.startedOn;
	const interval = intervalDays(match);
	const past = contacts
		.map(dayOf)
		.filter((c) => c <= asOf)
		.sort();
	const lastContactOn = past.at(-1) ?? null;
	const end = match.status === 'ended' && match.endedOn && match.endedOn < asOf ? match.endedOn : asOf;
	// A proposed or introduced match has not started, whatever `startedOn` says: no length, no
	// regularity, no due date (the pages show "not started yet").
	const started = start !== null && start <= asOf && match.status !== 'proposed' && match.status !== 'introduced';
	const base = {
		lastContactOn,
		expectedIntervalDays: interval,
		regularity: regularity(started ? start : null, s, past, interval, asOf),
		lengthDays: started ? Math.max(0, daysBetween(start, end)) : 0,
		lengthMonths: started ? wholeMonthsBetween(start, end) : 0,
		pausedDays: started ? pausedDaysIn(s, addCalendarDays(start, 1), end) : 0,
		missedPlanned: planned.filter((p) => p.on < asOf && !p.happened && !pausedOn(s, p.on)).length
	};
	const quiet = { dueOn: null, overdueByDays: 0 };
	if (match.status === 'ended') {
		return { ...base, ...quiet, state: 'ended', summary: { state: 'ended' }, daysSinceContact: lastContactOn ? daysBetween(lastContactOn, asOf) : null };
	}
	if (!started) {
		return { ...base, ...quiet, state: 'not_started', summary: { state: 'not_started' }, daysSinceContact: null };
	}
	const anchor = lastContactOn && lastContactOn >= start ? lastContactOn : start;
	const daysSinceContact = activeDaysAfter(s, anchor, asOf);
	if (match.status === 'paused' || pausedOn(s, asOf)) {
		const since = s.find((p) => p.from <= asOf && asOf <= p.to)?.from ?? null;
		return { ...base, ...quiet, state: 'paused', summary: { state: 'paused', since }, daysSinceContact };
	}
	const dueOn = nextDue(anchor, match, s);
	const overdueByDays = activeDaysAfter(s, dueOn, asOf);
	if (overdueByDays > 0) return { ...base, state: 'overdue', summary: { state: 'overdue', dueOn, days: overdueByDays }, daysSinceContact, dueOn, overdueByDays };
	const state = daysBetween(asOf, dueOn) <= DUE_SOON_DAYS ? 'due_soon' : 'on_track';
	return { ...base, state, summary: { state, dueOn, days: daysBetween(asOf, dueOn) }, daysSinceContact, dueOn, overdueByDays: 0 };
}

/** Last contact per volunteer: a day, null for never, or with the day their matching began (so "never" has a length). */
export type LastContact = IsoDate | null | { lastOn: IsoDate | null; since: IsoDate };
export type QuietVolunteer = { volunteerId: string; lastContactOn: IsoDate | null; days: number | null };
export const QUIET_DAYS = { attention: 14, concern: 30 } as const;

/**
 * The coordinator's lists: volunteers with no contact logged for 14 days or more, and for 30 days or
 * more (the second is inside the first). Someone with no contact ever and no `since` is listed in
 * both with `days` null: better asked about than missed. Longest first, then by id.
 */
export function volunteersWithoutContact(
	lastContactByVolunteer: ReadonlyMap<string, LastContact> | Readonly<Record<string, LastContact>>,
	asOf: IsoDate
): { atLeast14Days: QuietVolunteer[]; atLeast30Days: QuietVolunteer[] } {
	const entries: [string, LastContact][] =
		lastContactByVolunteer instanceof Map ? [...(lastContactByVolunteer as ReadonlyMap<string, LastContact>)] : Object.entries(lastContactByVolunteer);
	const all: QuietVolunteer[] = entries.map(([volunteerId, c]) => {
		const lastContactOn = c !== null && typeof c === 'object' ? c.lastOn : c;
		const from = c !== null && typeof c === 'object' ? (c.lastOn ?? c.since) : c;
		return { volunteerId, lastContactOn, days: from === null ? null : daysBetween(from, asOf) };
	});
	all.sort((a, b) => (b.days ?? Infinity) - (a.days ?? Infinity) || (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0));
	const atLeast = (n: number) => all.filter((v) => v.days === null || v.days >= n);
	return { atLeast14Days: atLeast(QUIET_DAYS.attention), atLeast30Days: atLeast(QUIET_DAYS.concern) };
}

/**
 * The same lists as `volunteersWithoutContact`, as ids, in the shape the coordinator's roster
 * (server/mentoring/coordinate.ts) uses. A thin wrapper: the order is the same, longest first.
 */
export function quietVolunteers(lastContact: { volunteerId: string; lastOn: IsoDate | null; since: IsoDate }[], asOf: IsoDate): { over14: string[]; over30: string[] } {
	const quiet = volunteersWithoutContact(new Map(lastContact.map((v) => [v.volunteerId, { lastOn: v.lastOn, since: v.since }])), asOf);
	return { over14: quiet.atLeast14Days.map((v) => v.volunteerId), over30: quiet.atLeast30Days.map((v) => v.volunteerId) };
}
