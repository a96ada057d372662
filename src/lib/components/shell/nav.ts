import { m } from '$lib/paraglide/messages';
import type { Role } from '$lib/domain/roles';

export interface NavItem {
	href: string;
	label: () => string;
	icon: 'home' | 'help' | 'language' | 'people' | 'list';
}

/** Each role's navigation. Only pages that exist are listed; capabilities add theirs as they land. */
export const NAV: Record<Role, NavItem[]> = {
	young_person: [
		{ href: '/me', label: m.nav_home, icon: 'home' },
		{ href: '/help', label: m.nav_help, icon: 'help' },
		{ href: '/language', label: m.nav_language, icon: 'language' }
	],
	mentor: [
		{ href: '/mentees', label: m.nav_mentees, icon: 'people' },
		{ href: '/help', label: m.nav_help, icon: 'help' },
		{ href: '/language', label: m.nav_language, icon: 'language' }
	],
	adviser: [
		{ href: '/caseload', label: m.nav_caseload, icon: 'list' },
		{ href: '/help', label: m.nav_help, icon: 'help' },
		{ href: '/language', label: m.nav_language, icon: 'language' }
	],
	manager: [
		{ href: '/manage', label: m.nav_service, icon: 'list' },
		{ href: '/help', label: m.nav_help, icon: 'help' },
		{ href: '/language', label: m.nav_language, icon: 'language' }
	]
};

/** The young person and mentor use phones in the field: bottom navigation. Staff get a side one. */
export const PHONE_ROLES: readonly Role[] = ['young_person', 'mentor'];

export function isCurrent(href: string, pathname: string): boolean {
	return pathname === href || pathname.startsWith(`${href}/`);
}
