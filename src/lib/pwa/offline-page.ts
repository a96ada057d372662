import { isOverdue } from './outbox-clock';
import type { OutboxEntry } from './outbox-rules';
import type { OfflineSummary, OfflineWords, SentTick } from './store';

/**
 * The offline page, filled in by the service worker from what this device holds: forms waiting
 * to send and, on a young person's own phone, their summary. Everything shown is escaped: labels
 * and summary text came from people's typing.
 */
export const OUTBOX_MARK = '<!--harbour:outbox-->';
export const SUMMARY_MARK = '<!--harbour:summary-->';

const ENGLISH: OfflineWords = {
	outboxHeading: 'Saved on this phone',
	waiting: 'Waiting to send',
	sent: 'Sent',
	attention: 'Needs you',
	overdue: 'This has been waiting for more than a day. Try to find Wi-Fi, or tell your personal adviser another way.',
	quarantined: 'Something saved on this phone could not be read, so it was put aside and will not be sent.',
	summaryHeading: 'Your summary'
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderOfflinePage(
	template: string,
	input: { entries: OutboxEntry[]; sent: SentTick[]; quarantined: number; summaries: OfflineSummary[]; words?: OfflineWords; now: number }
): string {
	const w = input.words ?? ENGLISH;
	// On a phone kept as someone's own, show that person's forms; otherwise every form on it.
	const owner = input.summaries.length === 1 ? input.summaries[0]!.userId : null;
	const entries = owner ? input.entries.filter((e) => e.userId === owner) : input.entries;
	const sent = owner ? input.sent.filter((t) => t.userId === owner) : input.sent;
	let outbox = '';
	if (entries.length + sent.length + input.quarantined > 0) {
		const rows = [
			...entries.map(
				(e) =>
					`<li data-state="${e.state}"><p>${escapeHtml(e.label)}</p><strong class="tag ${e.state === 'waiting' ? 'tag--blue' : 'tag--red'}">${escapeHtml(e.state === 'waiting' ? w.waiting : w.attention)}</strong>${e.state === 'waiting' && isOverdue(e, input.now) ? `<p class="small">${escapeHtml(w.overdue)}</p>` : ''}</li>`
			),
			...sent.map((t) => `<li data-state="sent"><p>${escapeHtml(t.label)}</p><strong class="tag tag--green">${escapeHtml(w.sent)}</strong></li>`)
		];
		outbox = `<section class="card" aria-labelledby="outbox-heading" data-testid="outbox"><h2 id="outbox-heading">${escapeHtml(w.outboxHeading)}</h2><ul>${rows.join('')}</ul>${input.quarantined > 0 ? `<p class="small">${escapeHtml(w.quarantined)}</p>` : ''}</section>`;
	}
	const summary = input.summaries.length === 1 ? renderSummary(input.summaries[0]!) : '';
	return template.replace(OUTBOX_MARK, outbox).replace(SUMMARY_MARK, summary);
}

function renderSummary(s: OfflineSummary): string {
	const sections = s.sections
		.map((section) => {
			const items = section.items.map((i) => `<li><strong>${escapeHtml(i.label)}</strong>${i.detail ? `<br>${escapeHtml(i.detail)}` : ''}</li>`).join('');
			return `<h3>${escapeHtml(section.heading)}</h3>${items ? `<ul>${items}</ul>` : `<p>${escapeHtml(section.empty ?? '')}</p>`}`;
		})
		.join('');
	const lang = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(s.lang) ? s.lang : 'en';
	return `<section class="card" lang="${lang}" dir="${s.dir === 'rtl' ? 'rtl' : 'ltr'}" aria-labelledby="summary-heading" data-testid="offline-summary"><h2 id="summary-heading">${escapeHtml(s.title)}</h2><p class="small">${escapeHtml(s.savedAtText)}</p>${sections}</section>`;
}
