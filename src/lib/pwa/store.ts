import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { SENT_KEPT_MS } from './outbox-clock';
import { readEntry, type OutboxEntry, type OutboxKind } from './outbox-rules';

/**
 * What Harbour keeps in this browser's IndexedDB, used by the pages and by the service worker:
 * - `outbox`: forms sent without a connection, until the server has them (then a `sent` tick);
 * - `quarantine`: stored entries that could not be read, set aside so they never block the rest;
 * - `summary`: the young person's own summary, only on a phone they said is their own;
 * - `meta`: the words the offline page needs, in the person's language.
 * Everything here is deleted on sign-out; the summary also when the session has ended.
 */
export type SentTick = { opId: string; userId: string; kind: OutboxKind; label: string; createdAt: number; sentAt: number };
export type Quarantined = { id?: number; raw: string; at: number };
/** The offline copy: text the server has already put into the person's words, ready to show. */
export type OfflineSummary = {
	userId: string;
	savedAt: number;
	lang: string;
	dir: 'ltr' | 'rtl';
	title: string;
	savedAtText: string;
	sections: { heading: string; items: { label: string; detail: string }[]; empty?: string }[];
};
export type OfflineWords = Record<'waiting' | 'sent' | 'attention' | 'overdue' | 'quarantined' | 'outboxHeading' | 'summaryHeading', string>;

interface HarbourDb extends DBSchema {
	outbox: { key: string; value: OutboxEntry };
	sent: { key: string; value: SentTick };
	quarantine: { key: number; value: Quarantined };
	summary: { key: string; value: OfflineSummary };
	meta: { key: string; value: OfflineWords };
}

let opened: Promise<IDBPDatabase<HarbourDb>> | undefined;
export function db(): Promise<IDBPDatabase<HarbourDb>> {
	opened ??= openDB<HarbourDb>('harbour', 1, {
		upgrade(d) {
			d.createObjectStore('outbox', { keyPath: 'opId' });
			d.createObjectStore('sent', { keyPath: 'opId' });
			d.createObjectStore('quarantine', { keyPath: 'id', autoIncrement: true });
			d.createObjectStore('summary', { keyPath: 'userId' });
			d.createObjectStore('meta');
		},
		// Another tab opened a newer version: let it, and open again when next needed.
		blocking() {
			void opened?.then((d) => d.close());
			opened = undefined;
		}
	});
	return opened;
}

export async function putEntry(entry: OutboxEntry): Promise<void> {
	await (await db()).put('outbox', entry);
}

/**
 * Every readable outbox entry. An unreadable one is moved to quarantine in the same transaction,
 * so it is reported once and never sent or left in the way.
 */
export async function readOutbox(): Promise<{ entries: OutboxEntry[]; quarantined: number }> {
	const tx = (await db()).transaction(['outbox', 'quarantine'], 'readwrite');
	const entries: OutboxEntry[] = [];
	for (let cursor = await tx.objectStore('outbox').openCursor(); cursor; cursor = await cursor.continue()) {
		const read = readEntry(cursor.value);
		if (read.ok) entries.push(read.entry);
		else {
			let raw: string;
			try {
				raw = JSON.stringify(cursor.value).slice(0, 10_000);
			} catch {
				raw = String(cursor.value);
			}
			await tx.objectStore('quarantine').add({ raw, at: Date.now() });
			await cursor.delete();
		}
	}
	const quarantined = await tx.objectStore('quarantine').count();
	await tx.done;
	return { entries, quarantined };
}

/** The server has it: the entry goes, and a "sent" tick (no form contents) stays for a day. */
export async function markSent(entry: OutboxEntry, now = Date.now()): Promise<void> {
	const tx = (await db()).transaction(['outbox', 'sent'], 'readwrite');
	await tx.objectStore('outbox').delete(entry.opId);
	await tx.objectStore('sent').put({ opId: entry.opId, userId: entry.userId, kind: entry.kind, label: entry.label, createdAt: entry.createdAt, sentAt: now });
	await tx.done;
}

export async function removeEntry(opId: string): Promise<void> {
	await (await db()).delete('outbox', opId);
}

export async function recentlySent(now = Date.now()): Promise<SentTick[]> {
	const d = await db();
	const all = await d.getAll('sent');
	const old = all.filter((t) => now - t.sentAt > SENT_KEPT_MS);
	if (old.length > 0) {
		const tx = d.transaction('sent', 'readwrite');
		await Promise.all([...old.map((t) => tx.store.delete(t.opId)), tx.done]);
	}
	return all.filter((t) => now - t.sentAt <= SENT_KEPT_MS).sort((a, b) => b.sentAt - a.sentAt);
}

export async function clearQuarantine(): Promise<void> {
	await (await db()).clear('quarantine');
}

export async function saveSummary(summary: OfflineSummary): Promise<void> {
	await (await db()).put('summary', summary);
}

export async function readSummaries(): Promise<OfflineSummary[]> {
	return (await db()).getAll('summary');
}

export async function clearSummaries(): Promise<void> {
	await (await db()).clear('summary');
}

export async function saveWords(words: OfflineWords): Promise<void> {
	await (await db()).put('meta', words, 'words');
}

export async function readWords(): Promise<OfflineWords | undefined> {
	return (await db()).get('meta', 'words');
}

/** Sign-out: nothing personal stays on the device. */
export async function clearEverything(): Promise<void> {
	const d = await db();
	const stores = ['outbox', 'sent', 'quarantine', 'summary', 'meta'] as const;
	const tx = d.transaction([...stores], 'readwrite');
	await Promise.all([...stores.map((s) => tx.objectStore(s).clear()), tx.done]);
}
