import { m } from '$lib/paraglide/messages';
import type { Role } from '$lib/domain/roles';

export interface NavItem {
	href: string;
	label: () => string;
	icon: 'home' | 'help' | 'language' | 'people' | 'list' | 'person' | 'bell';
}

/** Each role's navigation. Only pages that exist are listed; capabilities add theirs as they land. */
export const NAV: Record<Role, NavItem[]> = {
	young_person: [
		{ href: '/me', label: m.nav_home, icon: 'home' },
		{ href: '/notifications', label: m.nav_notifications, icon: 'bell' },
		{ href: '/help', label: m.nav_help, icon: 'help' },
		{ href: '/account', label: m.nav_account, icon: 'person' }
	],
	mentor: [
		{ href: '/mentees', label: m.nav_mentees, icon: 'people' },
		{ href: '/notifications', label: m.nav_notifications, icon: 'bell' },
		{ href: '/help', label: m.nav_help, icon: 'help' },
		{ href: '/account', label: m.nav_account, icon: 'person' }
	],
	adviser: [
		{ href: '/today', label: m.nav_today, icon: 'home' },
		{ href: '/caseload', label: m.nav_caseload, icon: 'list' },
		{ href: '/notifications', label: m.nav_notifications, icon: 'bell' },
		{ href: '/account', label: m.nav_account, icon: 'person' },
		{ href: '/help', label: m.nav_help, icon: 'help' }
	],
	manager: [
		{ href: '/manage', label: m.nav_service, icon: 'list' },
		{ href: '/manage/people', label: m.nav_people, icon: 'people' },
		{ href: '/manage/young-people', label: m.nav_young_people, icon: 'list' },
		{ href: '/manage/local-offer', label: m.manage_local_offer_link, icon: 'list' },
		{ href: '/manage/money', label: m.nav_money_checks, icon: 'list' },
		{ href: '/manage/mentoring', label: m.nav_mentoring, icon: 'people' },
		{ href: '/manage/indicators', label: m.nav_indicators, icon: 'list' },
		{ href: '/manage/audit', label: m.nav_audit, icon: 'list' },
		{ href: '/notifications', label: m.nav_notifications, icon: 'bell' },
		{ href: '/account', label: m.nav_account, icon: 'person' },
		{ href: '/help', label: m.nav_help, icon: 'help' }
	]
};

/** The page whose nav item carries the unread count. */
export const NOTIFICATIONS_HREF = '/notifications';

/** The young person and mentor use phones in the field: bottom navigation. Staff get a side one. */
export const PHONE_ROLES: readonly Role[] = ['young_person', 'mentor'];

/** The nav item for this page: the longest matching prefix, so /manage/people does not also light up /manage. */
export function isCurrent(href: string, pathname: string, items: NavItem[] = []): boolean {
	const matches = (h: string) => pathname === h || pathname.startsWith(`${h}/`);
	if (!matches(href)) return false;
	return !items.some((other) => other.href.length > href.length && matches(other.href));
}
