import { describe, expect, it } from 'vitest';
import { OUTBOX_MARK, renderOfflinePage, SUMMARY_MARK } from './offline-page';
import type { OutboxEntry } from './outbox-rules';
import type { OfflineSummary } from './store';

const template = `<main>${OUTBOX_MARK}${SUMMARY_MARK}</main>`;
const entry = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
	opId: 'op-0000000001',
	userId: 'aaaaaaaaaaaaaaaa',
	kind: 'check_in',
	action: '/me/check-in',
	fields: [],
	label: 'Your check-in',
	createdAt: 0,
	attempts: 0,
	state: 'waiting',
	...over
});
const summary = (over: Partial<OfflineSummary> = {}): OfflineSummary => ({
	userId: 'aaaaaaaaaaaaaaaa',
	savedAt: 0,
	lang: 'en',
	dir: 'ltr',
	title: 'Amira',
	savedAtText: 'Saved on this phone 1 December at 9:00am.',
	sections: [
		{ heading: 'Money', items: [{ label: 'Setting up home allowance', detail: '£2,760.00 left' }] },
		{ heading: 'My people', items: [], empty: 'Nothing here yet.' }
	],
	...over
});
const base = { entries: [], sent: [], quarantined: 0, summaries: [], now: 0 };

describe('the offline page', () => {
	it('is the plain page when the device holds nothing', () => {
		expect(renderOfflinePage(template, base)).toBe('<main></main>');
	});

	it('lists what is waiting, what needs the person and what was sent', () => {
		const html = renderOfflinePage(template, {
			...base,
			entries: [entry(), entry({ opId: 'op-0000000002', label: 'A contact with Amira', state: 'attention', reason: 'match_ended' })],
			sent: [{ opId: 'op-0000000003', userId: 'aaaaaaaaaaaaaaaa', kind: 'housing_flag', label: 'Your worry about your home', createdAt: 0, sentAt: 1 }]
		});
		expect(html).toContain('<li data-state="waiting"><p>Your check-in</p><strong class="tag tag--blue">Waiting to send</strong></li>');
		expect(html).toContain('<li data-state="attention"><p>A contact with Amira</p><strong class="tag tag--red">Needs you</strong></li>');
		expect(html).toContain('<li data-state="sent"><p>Your worry about your home</p><strong class="tag tag--green">Sent</strong></li>');
	});

	it('warns about something waiting for more than a day', () => {
		expect(renderOfflinePage(template, { ...base, entries: [entry()], now: 25 * 3_600_000 })).toContain('more than a day');
	});

	it('escapes everything people typed', () => {
		const html = renderOfflinePage(template, {
			...base,
			entries: [entry({ label: '<img src=x onerror=alert(1)>' })],
			summaries: [summary({ title: 'A & "B"', sections: [{ heading: '<script>', items: [{ label: "O'Neil", detail: '</li>' }] }] })]
		});
		expect(html).not.toMatch(/<img|<script>|<\/li><\/li>/);
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).toContain('A &amp; &quot;B&quot;');
		expect(html).toContain('O&#39;Neil');
	});

	it('shows the summary in its own language and direction, and only that person’s forms', () => {
		const html = renderOfflinePage(template, {
			...base,
			entries: [entry(), entry({ opId: 'op-someone-01', userId: 'bbbbbbbbbbbbbbbb', label: 'Someone else’s' })],
			summaries: [summary({ lang: 'ar', dir: 'rtl' })]
		});
		expect(html).toContain('lang="ar" dir="rtl"');
		expect(html).toContain('£2,760.00 left');
		expect(html).toContain('Nothing here yet.');
		expect(html).not.toContain('Someone else’s');
	});

	it('never lets a stored language value break out of its attribute', () => {
		expect(renderOfflinePage(template, { ...base, summaries: [summary({ lang: '"><script>' })] })).toContain('lang="en"');
	});
});
