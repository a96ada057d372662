import { afterEach, describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '$lib/server/notify/in-app';
import { m } from '$lib/paraglide/messages';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { notificationText } from './notifications';

const DATA = { name: 'Amira', count: '2', entitlement: 'setting_up_home', date: '2026-12-01', decision: 'approved' };

describe('the words for every notification', () => {
	afterEach(() => overwriteGetLocale(() => 'en'));

	it.each(['en', 'ar'] as const)('has its own words in %s for every kind', (locale) => {
		overwriteGetLocale(() => locale);
		const fallback = m.note_other();
		const seen = new Set<string>();
		for (const kind of NOTIFICATION_KINDS) {
			const text = notificationText(kind, DATA);
			expect(text, kind).not.toBe(fallback);
			expect(text.trim().length, kind).toBeGreaterThan(0);
			seen.add(text);
		}
		expect(seen.size).toBe(NOTIFICATION_KINDS.length);
		if (locale === 'ar') expect(notificationText('money.paid', DATA)).toMatch(/[\u0600-\u06FF]/);
	});
});
