import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

type LegalStatus = 'eligible' | 'relevant' | 'former_relevant' | 'qualifying';

const STATUS: Record<LegalStatus, () => string> = {
	eligible: m.status_eligible,
	relevant: m.status_relevant,
	former_relevant: m.status_former_relevant,
	qualifying: m.status_qualifying
};

export function legalStatusLabel(status: LegalStatus): string {
	return STATUS[status]();
}

/** A status that may be none (not a care leaver, or not yet 16). */
export const maybeStatusLabel = (status: LegalStatus | null): string => (status ? STATUS[status]() : m.status_none());

const ROUTES: Record<'special_guardianship_order' | 'child_arrangements_order' | 'adoption' | 'returned_home', () => string> = {
	special_guardianship_order: m.route_special_guardianship_order,
	child_arrangements_order: m.route_child_arrangements_order,
	adoption: m.route_adoption,
	returned_home: m.route_returned_home
};
/** How someone left care, where it was by an order or a return home. */
export const leavingRouteLabel = (route: keyof typeof ROUTES | null): string => (route ? ROUTES[route]() : '—');

const CONTACT: Record<'visit' | 'call' | 'message' | 'office', () => string> = {
	visit: m.contact_visit,
	call: m.contact_call,
	message: m.contact_message,
	office: m.contact_office
};

export function contactMethodLabel(method: keyof typeof CONTACT): string {
	return CONTACT[method]();
}

/** Building an Intl formatter costs far more than using one: keep one per language and style. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const locale = getLocale() === 'ar' ? 'ar-u-nu-latn' : 'en-GB';
	const key = `${locale}|${style}`;
	let found = formatters.get(key);
	if (!found) {
		found = new Intl.DateTimeFormat(locale, options);
		formatters.set(key, found);
	}
	return found;
}

/** "3 March 2026" in the reader's language; the date is a calendar day, so no time zone shift. */
export function formatDay(isoDate: string): string {
	const [y, mo, d] = isoDate.split('-').map(Number);
	return formatter('day', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y ?? 1970, (mo ?? 1) - 1, d ?? 1)));
}

/** "3:42pm" in London, for telling someone when they can try again. */
export function formatTime(instant: string | Date): string {
	return formatter('time', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' })
		.format(new Date(instant))
		.replace(/\s(am|pm)$/i, '$1'); // house style: 3:42pm
}

/** "Tuesday 24 November, 3:40pm" in London. */
export function formatWhen(instant: string | Date): string {
	return formatter('when', { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' })
		.format(new Date(instant))
		.replace(/\s(am|pm)$/i, '$1');
}

const ROLE: Record<'young_person' | 'adviser' | 'mentor' | 'manager', () => string> = {
	young_person: m.role_name_young_person,
	adviser: m.role_name_adviser,
	mentor: m.role_name_mentor,
	manager: m.role_name_manager
};

export function roleLabel(role: keyof typeof ROLE): string {
	return ROLE[role]();
}

/** "Personal adviser", for a table cell or a heading (roleLabel is for the middle of a sentence). */
export function roleTitle(role: keyof typeof ROLE): string {
	const text = roleLabel(role);
	return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

