import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

// Housing flags speak in codes; these are the words, listed one by one so pages keep only what they use.
const KINDS: Record<string, () => string> = {
	might_lose_home: m.flag_kind_might_lose_home,
	asked_to_leave: m.flag_kind_asked_to_leave,
	not_safe: m.flag_kind_not_safe,
	need_to_move: m.flag_kind_need_to_move,
	repairs: m.flag_kind_repairs,
	homeless_tonight: m.flag_kind_homeless_tonight
};
export const flagKindLabel = (k: string): string => (KINDS[k] ?? (() => k))();

const URGENCY: Record<string, () => string> = { urgent: m.flag_urgency_urgent, soon: m.flag_urgency_soon, routine: m.flag_urgency_routine };
export const urgencyLabel = (u: string): string => (URGENCY[u] ?? (() => u))();

/** The status as the young person reads it. */
const STATUS: Record<string, () => string> = { raised: m.flag_status_raised, acknowledged: m.flag_status_acknowledged, resolved: m.flag_status_resolved };
export const flagStatusLabel = (s: string): string => (STATUS[s] ?? (() => s))();

const STEPS: Record<string, () => string> = {
	raised: m.flag_step_raised,
	acknowledged: m.flag_step_acknowledged,
	action: m.flag_step_action,
	update: m.flag_step_update,
	duty_to_refer: m.flag_step_duty_to_refer,
	resolved: m.flag_step_resolved,
	escalated: m.flag_step_escalated
};
export const flagStepLabel = (s: string): string => (STEPS[s] ?? (() => s))();

const ACTIONS: Record<string, () => string> = {
	visit: m.flag_action_visit,
	referral: m.flag_action_referral,
	emergency_accommodation: m.flag_action_emergency_accommodation,
	staying_put_discussion: m.flag_action_staying_put_discussion,
	staying_close_discussion: m.flag_action_staying_close_discussion,
	deposit_or_rent_in_advance: m.flag_action_deposit_or_rent_in_advance,
	other: m.flag_action_other
};
export const flagActionLabel = (a: string): string => (ACTIONS[a] ?? (() => a))();

const OUTCOMES: Record<string, () => string> = {
	stayed: m.flag_outcome_stayed,
	moved_suitable: m.flag_outcome_moved_suitable,
	moved_temporary: m.flag_outcome_moved_temporary,
	staying_put: m.flag_outcome_staying_put,
	no_longer_needed: m.flag_outcome_no_longer_needed,
	other: m.flag_outcome_other
};
export const flagOutcomeLabel = (o: string): string => (OUTCOMES[o] ?? (() => o))();

const ACCOM: Record<string, () => string> = {
	B: m.accom_b,
	C: m.accom_c,
	D: m.accom_d,
	E: m.accom_e,
	G: m.accom_g,
	H: m.accom_h,
	K: m.accom_k,
	R: m.accom_r,
	S: m.accom_s,
	T: m.accom_t,
	U: m.accom_u,
	V: m.accom_v,
	W: m.accom_w,
	X: m.accom_x,
	Y: m.accom_y,
	Z: m.accom_z
};
/** The kind of place an ACCOM code stands for (its first letter). */
export const accomLabel = (code: string): string => (ACCOM[code.charAt(0)] ?? (() => code))();

/** A statutory clock on a flag, as the server works it out (src/lib/server/housing/clocks.ts). */
export type ClockView =
	| { key: string; kind: 'ack'; state: 'done' | 'due' | 'overdue'; dueOn: string; urgent: boolean }
	| { key: string; kind: 'threat'; state: 'referred' | 'due' | 'overdue'; endsOn: string; daysLeft: number; referredOn: string | null; referBy: string }
	| { key: string; kind: 'emergency_stay'; state: 'ok' | 'escalate'; fromOn: string; workingDays: number }
	| { key: string; kind: 'visit'; state: 'due' | 'overdue'; dueOn: string };

/** A clock in plain words: a title and the detail a PA acts on. */
export function clockText(c: ClockView): { title: string; detail: string } {
	const day = (d: string) => new Intl.DateTimeFormat(getLocale() === 'ar' ? 'ar-u-nu-latn' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
	switch (c.kind) {
		case 'ack':
			return {
				title: c.urgent ? m.clock_ack_urgent() : m.clock_ack(),
				detail: c.state === 'done' ? m.clock_ack_done() : c.state === 'overdue' ? m.clock_ack_overdue({ date: day(c.dueOn) }) : m.clock_ack_due({ date: day(c.dueOn) })
			};
		case 'threat':
			return {
				title: m.clock_threat(),
				detail:
					c.state === 'referred'
						? m.clock_threat_referred({ date: c.referredOn ? day(c.referredOn) : '' })
						: c.state === 'overdue'
							? m.clock_threat_refer_overdue({ referBy: day(c.referBy), days: c.daysLeft, date: day(c.endsOn) })
							: m.clock_threat_refer_now({ referBy: day(c.referBy), days: c.daysLeft, date: day(c.endsOn) })
			};
		case 'emergency_stay':
			return { title: m.clock_stay(), detail: c.state === 'escalate' ? m.clock_stay_escalate({ days: c.workingDays, date: day(c.fromOn) }) : m.clock_stay_ok({ days: c.workingDays, date: day(c.fromOn) }) };
		case 'visit':
			return { title: m.clock_visit(), detail: c.state === 'overdue' ? m.clock_visit_overdue({ date: day(c.dueOn) }) : m.clock_visit_due({ date: day(c.dueOn) }) };
	}
}
