import { m } from '$lib/paraglide/messages';

const SHARES: Record<string, () => string> = {
	age: m.share_age,
	interests: m.share_interests,
	phone: m.share_phone,
	college: m.share_college,
	home_situation: m.share_home_situation
};
export const shareLabel = (s: string): string => (SHARES[s] ?? (() => s))();

type HealthLike = {
	state: 'not_started' | 'paused' | 'ended' | 'on_track' | 'due_soon' | 'overdue';
	daysSinceContact: number | null;
	dueOn: string | null;
	overdueByDays: number;
	regularity: { weeksWithContact: number; weeksExpected: number };
	lengthMonths: number;
};

const day = (d: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));

/** Relationship health in plain words, and the numbers behind them. */
export function healthText(h: HealthLike): { headline: string; numbers: string } {
	const headline =
		h.state === 'overdue'
			? m.health_overdue({ days: h.overdueByDays })
			: h.state === 'due_soon'
				? m.health_due_soon({ date: h.dueOn ? day(h.dueOn) : '' })
				: h.state === 'on_track'
					? m.health_on_track({ date: h.dueOn ? day(h.dueOn) : '' })
					: h.state === 'paused'
						? m.health_paused()
						: h.state === 'ended'
							? m.health_ended()
							: m.health_not_started();
	const numbers = m.health_numbers({
		days: h.daysSinceContact ?? 0,
		weeks: h.regularity.weeksWithContact,
		expected: h.regularity.weeksExpected,
		months: h.lengthMonths
	});
	return { headline, numbers };
}

const MODES: Record<string, () => string> = { in_person: m.mode_in_person, call: m.mode_call, video: m.mode_video, message: m.mode_message };
export const modeLabel = (mode: string): string => (MODES[mode] ?? (() => mode))();

const GRADES: Record<string, () => string> = { note: m.grade_note, worry: m.grade_worry, urgent: m.grade_urgent };
export const gradeLabel = (g: string): string => (GRADES[g] ?? (() => g))();

const DBS: Record<string, () => string> = { basic: m.dbs_basic, enhanced: m.dbs_enhanced, enhanced_barred_children: m.dbs_enhanced_barred };
export const dbsLabel = (l: string): string => (DBS[l] ?? (() => l))();

const STATUS: Record<string, () => string> = { proposed: m.match_proposed, introduced: m.match_introduced, active: m.match_active, paused: m.match_paused, ended: m.match_ended };
export const matchStatusLabel = (s: string): string => (STATUS[s] ?? (() => s))();

type ReasonLike = { kind: 'shared_language'; value: string } | { kind: 'shared_interest'; value: string } | { kind: 'distance'; miles: number } | { kind: 'gender_preference' };
/** "both speak Tigrinya", "2 miles apart", "both into football" */
export function reasonText(r: ReasonLike): string {
	switch (r.kind) {
		case 'shared_language':
			return m.reason_language({ value: r.value });
		case 'shared_interest':
			return m.reason_interest({ value: r.value });
		case 'distance':
			return m.reason_distance({ miles: r.miles });
		case 'gender_preference':
			return m.reason_gender();
	}
}

const REFUSALS: Record<string, () => string> = {
	no_dbs: m.refusal_no_dbs,
	needs_enhanced_barred: m.refusal_needs_enhanced_barred,
	check_out_of_date: m.refusal_check_out_of_date,
	references_missing: m.refusal_references_missing,
	training_missing: m.refusal_training_missing,
	at_capacity: m.refusal_at_capacity,
	wrong_kind: m.refusal_wrong_kind,
	gender_preference: m.refusal_gender_preference
};
export const refusalText = (r: string): string => (REFUSALS[r] ?? (() => r))();
