import { m } from '$lib/paraglide/messages';
import type { TodayItem } from '$lib/domain/monitoring/rank';
import { entitlementName } from './money';
import { formatDay } from './format';
import { checkInDomainLabel } from './monitoring';

/** Why an item is on the PA's list today, in a sentence. */
export function todayWhy(item: TodayItem): string {
	switch (item.kind) {
		case 'urgent_flag':
			return m.today_urgent_flag();
		case 'flag':
			return m.today_flag();
		case 'urgent_concern':
			return m.today_urgent_concern();
		case 'concern':
			return m.today_concern();
		case 'checkin_drop':
			return m.today_checkin_drop({ area: checkInDomainLabel(item.area), from: item.from, to: item.to });
		case 'contact_overdue':
			return item.lastOn ? m.today_contact_overdue({ days: item.days, date: formatDay(item.lastOn) }) : m.today_contact_never();
		case 'pathway_review':
			return item.requested ? m.today_review_requested({ date: formatDay(item.dueOn) }) : item.overdueDays > 0 ? m.today_review_overdue({ days: item.overdueDays }) : m.today_review_due({ date: formatDay(item.dueOn) });
		case 'dfe_birthday':
			return m.today_dfe_birthday({ age: item.age, date: formatDay(item.closesOn) });
		case 'instalment_due':
			return m.today_instalment({ date: formatDay(item.dueOn) });
		case 'entitlement_lapsing':
			return m.today_lapsing({ name: entitlementName(item.entitlement), date: formatDay(item.until) });
		case 'not_seen':
			return m.today_not_seen({ days: item.days });
		case 'needs_assessment':
			return item.overdueDays > 0 ? m.today_needs_assessment_overdue({ days: item.overdueDays, date: formatDay(item.dueOn) }) : m.today_needs_assessment_due({ date: formatDay(item.dueOn) });
		case 'date_needs_fixing':
			return m.today_date_needs_fixing();
		case 'subject_access':
			return m.today_subject_access({ date: formatDay(item.dueOn) });
	}
}

/** The one click that deals with it. */
export function todayAction(item: TodayItem): { href: string; label: string } {
	const record = `/caseload/${item.youngPersonId}`;
	switch (item.kind) {
		case 'urgent_flag':
		case 'flag':
			return { href: `${record}/housing/${item.flagId}`, label: m.today_act_flag() };
		case 'urgent_concern':
		case 'concern':
			return { href: `${record}#concerns`, label: m.today_act_concern() };
		case 'instalment_due':
		case 'entitlement_lapsing':
			return { href: `${record}/entitlements`, label: m.today_act_money() };
		case 'pathway_review':
			return { href: `${record}#pathway`, label: m.today_act_review() };
		case 'dfe_birthday':
			return { href: `${record}#birthday-return`, label: m.today_act_dfe() };
		case 'needs_assessment':
			return { href: `${record}#needs-assessment`, label: m.today_act_needs_assessment() };
		case 'date_needs_fixing':
			return { href: `${record}#dates-need-fixing`, label: m.today_act_fix_date() };
		default:
			return { href: record, label: m.today_act_contact() };
	}
}
