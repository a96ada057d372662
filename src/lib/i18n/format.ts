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

const CONTACT: Record<'visit' | 'call' | 'message' | 'office', () => string> = {
	visit: m.contact_visit,
	call: m.contact_call,
	message: m.contact_message,
	office: m.contact_office
};

export function contactMethodLabel(method: keyof typeof CONTACT): string {
	return CONTACT[method]();
}

/** "3 March 2026" in the reader's language; the date is a calendar day, so no time zone shift. */
export function formatDay(isoDate: string): string {
	const [y, mo, d] = isoDate.split('-').map(Number);
	return new Intl.DateTimeFormat(getLocale() === 'ar' ? 'ar-u-nu-latn' : 'en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(y ?? 1970, (mo ?? 1) - 1, d ?? 1)));
}
