import type { Locale } from '$lib/paraglide/runtime';

/** Each language named in itself, as a speaker of it would look for it. */
export const LOCALE_NAMES: Record<Locale, string> = {
	en: 'English',
	ar: 'العربية'
};
