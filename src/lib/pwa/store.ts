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
 *
 * What is about a person (form contents and labels, the summary) is sealed with AES-GCM under a
 * key this browser made and cannot export (security.md §3.3): a copied disk or browser profile
 * yields nothing readable. It does not protect against code running in the page; the CSP does.
 * Signing out deletes the key with everything else.
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

type Sealed = { iv: Uint8Array; data: ArrayBuffer };
/** An outbox entry as stored: what routes it in the clear, what the person wrote sealed. */
type StoredEntry = Omit<OutboxEntry, 'fields' | 'label'> & { sealed: Sealed };
type StoredTick = Omit<SentTick, 'label'> & { sealed: Sealed };
type StoredSummary = { userId: string; sealed: Sealed };

interface HarbourDb extends DBSchema {
	outbox: { key: string; value: StoredEntry };
	sent: { key: string; value: StoredTick };
	quarantine: { key: number; value: Quarantined };
	summary: { key: string; value: StoredSummary };
	meta: { key: string; value: OfflineWords };
	keys: { key: string; value: CryptoKey };
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
			d.createObjectStore('keys');
		},
		// Another tab opened a newer version: let it, and open again when next needed.
		blocking() {
			void opened?.then((d) => d.close());
			opened = undefined;
		}
	});
	return opened;
}

let making: Promise<CryptoKey> | undefined;
/**
 * This browser's sealing key: made once, never extractable, kept beside what it seals. Read from
 * IndexedDB each time (not kept in memory), so the long-lived service worker never holds a key
 * that sign-out has deleted.
 */
async function key(): Promise<CryptoKey> {
	const d = await db();
	const kept = await d.get('keys', 'vault');
	if (kept) return kept;
	making ??= (async () => {
		const made = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
		// Another tab may have made one meanwhile: the first stored wins, and everyone uses that one.
		const tx = d.transaction('keys', 'readwrite');
		const raced = await tx.store.get('vault');
		if (!raced) await tx.store.put(made, 'vault');
		await tx.done;
		return raced ?? made;
	})().finally(() => (making = undefined));
	return making;
}

async function seal(value: unknown): Promise<Sealed> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await key(), new TextEncoder().encode(JSON.stringify(value)));
	return { iv, data };
}

/** The sealed value, or undefined if it cannot be opened (another key, or not sealed at all). */
async function unseal(sealed: unknown): Promise<unknown> {
	const s = sealed as Partial<Sealed> | undefined;
	if (!s || !(s.iv instanceof Uint8Array) || !(s.data instanceof ArrayBuffer)) return undefined;
	try {
		return JSON.parse(new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: s.iv as Uint8Array<ArrayBuffer> }, await key(), s.data)));
	} catch {
		return undefined;
	}
}

export async function putEntry(entry: OutboxEntry): Promise<void> {
	const { fields, label, ...clear } = entry;
	const sealed = await seal({ fields, label });
	await (await db()).put('outbox', { ...clear, sealed });
}

/**
 * Every readable outbox entry. An unreadable one is moved to quarantine in the same transaction,
 * so it is reported once and never sent or left in the way.
 */
export async function readOutbox(): Promise<{ entries: OutboxEntry[]; quarantined: number }> {
	const d = await db();
	// Opening the seals is asynchronous, which would end an IndexedDB transaction: read first.
	const stored = await d.getAll('outbox');
	const opened = await Promise.all(stored.map(async (raw) => ({ raw, read: readEntry({ ...raw, ...((await unseal((raw as Partial<StoredEntry>)?.sealed)) as object), sealed: undefined }) })));
	const broken = opened.filter((o) => !o.read.ok);
	if (broken.length > 0) {
		const tx = d.transaction(['outbox', 'quarantine'], 'readwrite');
		for (const { raw } of broken) {
			let text: string;
			try {
				text = JSON.stringify({ ...raw, sealed: undefined }).slice(0, 10_000);
			} catch {
				text = String(raw);
			}
			await tx.objectStore('quarantine').add({ raw: text, at: Date.now() });
			const id = (raw as Partial<StoredEntry>)?.opId;
			if (typeof id === 'string') await tx.objectStore('outbox').delete(id);
		}
		await tx.done;
	}
	const entries = opened.flatMap((o) => (o.read.ok ? [o.read.entry] : []));
	return { entries, quarantined: await d.count('quarantine') };
}

/** The server has it: the entry goes, and a "sent" tick (no form contents) stays for a day. */
export async function markSent(entry: OutboxEntry, now = Date.now()): Promise<void> {
	const sealed = await seal({ label: entry.label });
	const tx = (await db()).transaction(['outbox', 'sent'], 'readwrite');
	await tx.objectStore('outbox').delete(entry.opId);
	await tx.objectStore('sent').put({ opId: entry.opId, userId: entry.userId, kind: entry.kind, createdAt: entry.createdAt, sentAt: now, sealed });
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
	const kept = all.filter((t) => now - t.sentAt <= SENT_KEPT_MS).sort((a, b) => b.sentAt - a.sentAt);
	const ticks = await Promise.all(
		kept.map(async ({ sealed, ...tick }) => {
			const label = ((await unseal(sealed)) as { label?: unknown } | undefined)?.label;
			return typeof label === 'string' ? { ...tick, label } : null;
		})
	);
	return ticks.filter((t): t is SentTick => t !== null);
}

export async function clearQuarantine(): Promise<void> {
	await (await db()).clear('quarantine');
}

export async function saveSummary(summary: OfflineSummary): Promise<void> {
	const sealed = await seal(summary);
	await (await db()).put('summary', { userId: summary.userId, sealed });
}

export async function readSummaries(): Promise<OfflineSummary[]> {
	const stored = await (await db()).getAll('summary');
	const opened = await Promise.all(stored.map((s) => unseal(s.sealed) as Promise<OfflineSummary | undefined>));
	return opened.filter((s): s is OfflineSummary => Boolean(s && typeof s === 'object' && Array.isArray(s.sections)));
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

/** Sign-out: nothing personal stays on the device, nor the key that sealed it. */
export async function clearEverything(): Promise<void> {
	const d = await db();
	const stores = ['outbox', 'sent', 'quarantine', 'summary', 'meta', 'keys'] as const;
	const tx = d.transaction([...stores], 'readwrite');
	await Promise.all([...stores.map((s) => tx.objectStore(s).clear()), tx.done]);
}
