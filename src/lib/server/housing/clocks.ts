import { londonDay } from '../../domain/dates';
import { acknowledgementClock, emergencyStayClock, threatClock, visitClock } from '../../domain/housing/clocks';
import type { ClockView } from '../../i18n/housing';
import type { AccommodationStay, HousingFlag } from '../db/schema';

/**
 * The clocks on one flag for the PA's page: acknowledgement; the 56 days if homelessness is
 * threatened; any emergency stay since it was raised; a visit after a move into council housing.
 */
export function flagClocks(
	flag: HousingFlag,
	referrals: { referredOn: string | null }[],
	stays: AccommodationStay[],
	visitsOn: string[],
	now: Date
): ClockView[] {
	const today = londonDay(now);
	const raisedOn = londonDay(flag.raisedAt);
	const out: ClockView[] = [{ key: 'ack', kind: 'ack', urgent: flag.urgency === 'urgent', ...acknowledgementClock(flag.raisedAt, flag.urgency === 'urgent', flag.acknowledgedAt, now) }];
	if (flag.threatenedOn) {
		const referredOn = referrals.map((r) => r.referredOn).find((d): d is string => Boolean(d)) ?? null;
		out.push({ key: 'threat', kind: 'threat', ...threatClock(flag.threatenedOn, referredOn, today) });
	}
	for (const s of stays) {
		if (s.emergency && (s.toOn === null || s.toOn >= raisedOn)) out.push({ key: `stay:${s.id}`, kind: 'emergency_stay', fromOn: s.fromOn, ...emergencyStayClock(s.fromOn, s.toOn, today) });
		if (s.councilProvided && s.fromOn >= raisedOn) {
			const visit = visitClock(s.fromOn, visitsOn.filter((d) => d >= s.fromOn).sort()[0] ?? null, today);
			if (visit.state !== 'done') out.push({ key: `visit:${s.id}`, kind: 'visit', state: visit.state, dueOn: visit.dueOn });
		}
	}
	return flag.status === 'resolved' ? out.filter((c) => c.kind === 'ack') : out;
}
