import type { OutboxEntry } from './outbox-rules';
import type { SentTick } from './store';

/**
 * What the "Saved on this phone" panel shows. Filled by ./outbox.ts (loaded on demand), read by
 * OutboxPanel.svelte; kept apart so the panel costs almost nothing on a page that never queues.
 */
export const outboxView = $state({
	/** The signed-in person's entries, waiting or needing them. */
	entries: [] as OutboxEntry[],
	sent: [] as SentTick[],
	/** Entries of whoever was signed in before: only counted, never shown, until they sign in. */
	othersWaiting: 0,
	quarantined: 0,
	/** The entry just saved, so the panel can take focus and say so. */
	justQueued: null as string | null
});
