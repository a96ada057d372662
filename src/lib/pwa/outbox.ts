import { invalidateAll } from '$app/navigation';
import { judgeReply, sendable, type OutboxEntry, type OutboxKind } from './outbox-rules';
import { outboxView } from './outbox-state.svelte';
import * as store from './store';

// The panel comes with the outbox: wherever a form can be saved on the phone, so can it be shown.
export { default as OutboxPanel } from './OutboxPanel.svelte';

/**
 * The device side of "nothing lost, nothing sent twice" (security.md §3). A form sent without a
 * connection is written to IndexedDB with its operation id; this module sends waiting entries at
 * app start, when the connection comes back, when the app is looked at again and every half
 * minute while the server is unreachable. An entry is removed only after a 2xx from Harbour; the
 * server counts each operation id once, so sending twice (two tabs, a lost reply) is harmless.
 */
let userId: string | null = null;
let running: Promise<void> | null = null;
let again = false;
let retry: ReturnType<typeof setTimeout> | undefined;
let listening = false;
const RETRY_MS = 30_000;

export async function refresh(): Promise<void> {
	const [{ entries, quarantined }, sent] = await Promise.all([store.readOutbox(), store.recentlySent()]);
	outboxView.entries = userId ? entries.filter((e) => e.userId === userId).sort((a, b) => a.createdAt - b.createdAt) : [];
	outboxView.othersWaiting = entries.filter((e) => e.userId !== userId && e.state === 'waiting').length;
	outboxView.sent = userId ? sent.filter((t) => t.userId === userId) : [];
	outboxView.quarantined = quarantined;
}

/** Starts the sender for whoever is signed in now (null: nobody, so entries wait for sign-in). */
export async function start(signedIn: string | null): Promise<void> {
	userId = signedIn;
	if (!listening) {
		listening = true;
		addEventListener('online', () => void flush());
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') void flush();
		});
	}
	await refresh();
	await flush();
}

export async function enqueue(input: { kind: OutboxKind; action: string; fields: [string, string][]; label: string; userId: string }): Promise<OutboxEntry> {
	const createdAt = Date.now();
	const opId = input.fields.find(([k]) => k === 'operation')?.[1] ?? crypto.randomUUID();
	// When it was written, so the server can say "sent late" (an urgent worry unsent for 3 days).
	const fields = [...input.fields.filter(([k]) => k !== 'queuedAt'), ['queuedAt', new Date(createdAt).toISOString()]] as [string, string][];
	const entry: OutboxEntry = { opId, userId: input.userId, kind: input.kind, action: input.action, fields, label: input.label, createdAt, attempts: 0, state: 'waiting' };
	await store.putEntry(entry);
	outboxView.justQueued = opId;
	userId ??= input.userId;
	await refresh();
	void flush();
	return entry;
}

export async function remove(opId: string): Promise<void> {
	await store.removeEntry(opId);
	await refresh();
}

export async function dismissQuarantine(): Promise<void> {
	await store.clearQuarantine();
	await refresh();
}

/**
 * One sender at a time in this tab, and across tabs where the browser has Web Locks. A call while
 * a pass is under way asks for one more pass after it: the connection may have come back after
 * that pass read the outbox or tried the network, and its `online` event must not be lost.
 */
export function flush(): Promise<void> {
	if (!userId) return Promise.resolve();
	if (running) {
		again = true;
		return running;
	}
	running = (async () => {
		do {
			again = false;
			await (navigator.locks ? navigator.locks.request('harbour-outbox', () => sendAll()) : sendAll());
		} while (again);
	})().finally(() => (running = null));
	return running;
}

async function sendOne(entry: OutboxEntry) {
	try {
		const response = await fetch(entry.action, {
			method: 'POST',
			body: new URLSearchParams(entry.fields),
			headers: { 'x-sveltekit-action': 'true', accept: 'application/json' },
			credentials: 'same-origin',
			redirect: 'manual',
			cache: 'no-store'
		});
		// An HTTP redirect here is never Harbour's answer to an action: treat it as "try later".
		if (response.type === 'opaqueredirect') return judgeReply(503, null);
		return judgeReply(response.status, await response.json().catch(() => null));
	} catch {
		return judgeReply(null, null);
	}
}

async function sendAll(): Promise<void> {
	clearTimeout(retry);
	const me = userId;
	if (!me) return;
	const { entries } = await store.readOutbox();
	let sent = 0;
	for (const entry of sendable(entries, me)) {
		const verdict = await sendOne(entry);
		if (verdict.kind === 'sent') {
			await store.markSent(entry);
			sent++;
		} else if (verdict.kind === 'attention') {
			await store.putEntry({ ...entry, state: 'attention', reason: verdict.reason, attempts: entry.attempts + 1 });
		} else {
			await store.putEntry({ ...entry, attempts: entry.attempts + 1 });
			// No connection: the `online` event will bring us back. Server trouble: try again soon.
			// Signed out: the entries wait for the next sign-in.
			if (verdict.why === 'server') retry = setTimeout(() => void flush(), RETRY_MS);
			break;
		}
	}
	await refresh();
	// What was sent may change the page (a new contact, the PA's reply): show the latest.
	if (sent > 0) await invalidateAll();
}
