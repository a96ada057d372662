import { m } from '$lib/paraglide/messages';
import { formatPence } from '$lib/domain/money/pounds';
import { claimStateLabel, entitlementName } from './money';
import { contactMethodLabel } from './format';
import { flagKindLabel, flagStepLabel } from './housing';
import { gradeLabel, modeLabel } from './mentoring';

const KINDS: Record<string, () => string> = {
	contacts: m.timeline_contacts,
	payments: m.timeline_payments,
	housing: m.timeline_housing,
	concerns: m.timeline_concerns,
	mentoring: m.timeline_mentoring,
	check_ins: m.timeline_check_ins,
	claims: m.timeline_claims,
	reviews: m.timeline_reviews
};
export const timelineKindLabel = (k: string): string => (KINDS[k] ?? (() => k))();

/** One timeline entry in words. */
export function timelineText(e: { what: string; detail: string }): string {
	const [group, sub = ''] = e.what.split('.');
	switch (group) {
		case 'pa_contact':
			return `${contactMethodLabel(sub as 'visit')}${e.detail ? `: ${e.detail}` : ''}`;
		case 'mentor_contact':
			return m.timeline_mentor_contact({ how: modeLabel(sub), minutes: e.detail });
		case 'ledger': {
			const [pence = '0', item = ''] = e.detail.split('|');
			return sub === 'allowance' ? m.timeline_allowance({ amount: formatPence(Number(pence)) }) : `${item}: ${formatPence(Number(pence))}`;
		}
		case 'housing':
			return `${flagKindLabel(e.detail)}: ${flagStepLabel(sub)}`;
		case 'concern':
			return `${gradeLabel(sub)}: ${e.detail}`;
		case 'match':
			return sub === 'ended' ? m.timeline_match_ended() : m.timeline_match_started();
		case 'check_in':
			return m.timeline_check_in({ average: e.detail });
		case 'claim':
			return `${entitlementName(e.detail)}: ${claimStateLabel(sub)}`;
		case 'review':
			return sub === 'request' ? m.timeline_review_requested() : m.timeline_review_held();
		default:
			return e.what;
	}
}
