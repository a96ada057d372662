import { m } from '$lib/paraglide/messages';
import * as store from './store';
import type { OfflineSummary } from './store';

/**
 * What this device keeps, decided on every page: loaded on demand by the layout, never on the
 * first paint. The young person's own summary is kept only while they are signed in on a phone
 * they said is their own; otherwise (signed out, session ended, account disabled, staff) it is
 * deleted here. Forms waiting to send are kept until they are sent or the person signs out.
 */
export async function onAccount(account: { id: string; offlineCopy: boolean } | null): Promise<void> {
	// The offline page's words, in the language the person is using now.
	await store.saveWords({
		outboxHeading: m.outbox_heading(),
		waiting: m.outbox_waiting(),
		sent: m.outbox_sent(),
		attention: m.outbox_attention(),
		overdue: m.outbox_overdue(),
		quarantined: m.outbox_quarantined(),
		summaryHeading: m.offline_summary_heading()
	});
	const { start } = await import('./outbox');
	await start(account?.id ?? null);
	if (account?.offlineCopy) await refreshCopy(account.id);
	else await store.clearSummaries();
}

async function refreshCopy(userId: string): Promise<void> {
	let response: Response;
	try {
		response = await fetch('/me/offline-copy', { headers: { accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' });
	} catch {
		return; // No connection: keep the copy we have.
	}
	if (response.ok) {
		const summary = (await response.json()) as OfflineSummary;
		if (summary.userId === userId) await store.saveSummary(summary);
	} else if (response.status >= 400 && response.status < 500) {
		await store.clearSummaries();
	}
}

/** Before signing out: warn if something is still waiting to send, then leave nothing behind. */
export async function beforeSignOut(): Promise<boolean> {
	const { entries } = await store.readOutbox();
	if (entries.some((e) => e.state === 'waiting') && !confirm(m.outbox_sign_out_warning())) return false;
	await store.clearEverything();
	return true;
}
