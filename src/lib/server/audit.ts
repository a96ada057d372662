import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { asc, desc, eq, gt, like } from 'drizzle-orm';
import { auditKeyFor, checkpointPathFor, checkpointSignatureHolds, hmacHex, readCheckpoint, sameHex, signCheckpoint, writeCheckpointFile, type AuditKey, type Checkpoint } from './audit-key';
import type { Db } from './db/client';
import { auditEvent, type AuditEvent } from './db/schema';

export type AuditInput = Pick<AuditEvent, 'action' | 'outcome'> &
	Partial<Pick<AuditEvent, 'actorId' | 'actorRole' | 'subjectType' | 'subjectId' | 'requestId'>>;

const GENESIS = '0'.repeat(64);
/** Hashes made with the key carry this prefix; plain 64-hex hashes are from before keyed hashing began. */
const KEYED = 'k1:';

type Fields = Omit<AuditEvent, 'id' | 'hash' | 'prevHash'>;

function canonical(prevHash: string, e: Fields): string {
	return JSON.stringify([prevHash, e.at.getTime(), e.actorId, e.actorRole, e.action, e.subjectType, e.subjectId, e.outcome, e.requestId]);
}

/** The hash written before issue 12: anyone could recompute it, so it is only accepted for events from before the key. */
function plainHash(prevHash: string, e: Fields): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(canonical(prevHash, e))));
}

function keyedHash(key: AuditKey, prevHash: string, e: Fields): string {
	return KEYED + hmacHex(key, canonical(prevHash, e));
}

/** The file behind a connection (`:memory:` for a test database). */
function fileOf(db: Db): string {
	return (db as unknown as { $client: { name: string } }).$client.name;
}

const keys = new WeakMap<object, AuditKey>();
const lastCheckpoint = new WeakMap<object, number>();

function keyOf(db: Db): AuditKey {
	const client = (db as unknown as { $client: object }).$client;
	let key = keys.get(client);
	if (!key) {
		key = auditKeyFor(fileOf(db), { create: true })!;
		keys.set(client, key);
	}
	return key;
}

/**
 * Appends one event to the chain. Runs in its own immediate transaction so two writers never fork it.
 * The hash is an HMAC under a key kept outside the database; at most once a minute a write also
 * takes a signed checkpoint (the minute job takes one when nothing is written).
 */
export function recordAudit(db: Db, input: AuditInput, now = new Date()): void {
	const key = keyOf(db);
	db.transaction(
		(tx) => {
			const last = tx.select({ hash: auditEvent.hash }).from(auditEvent).orderBy(desc(auditEvent.id)).limit(1).get();
			const prevHash = last?.hash ?? GENESIS;
			const event = {
				at: now,
				actorId: input.actorId ?? null,
				actorRole: input.actorRole ?? null,
				action: input.action,
				subjectType: input.subjectType ?? null,
				subjectId: input.subjectId ?? null,
				outcome: input.outcome,
				requestId: input.requestId ?? null
			};
			tx.insert(auditEvent)
				.values({ ...event, prevHash, hash: keyedHash(key, prevHash, event) })
				.run();
		},
		{ behavior: 'immediate' }
	);
	const client = (db as unknown as { $client: object }).$client;
	if (Date.now() - (lastCheckpoint.get(client) ?? 0) >= 60_000) writeAuditCheckpoint(db);
}

export type CheckpointResult = { written: true; seq: number } | { written: false; reason: 'memory' | 'empty' | 'unchanged' | 'refused'; detail?: string };

/**
 * Writes a signed checkpoint (the newest event's id and hash) outside the database. Never moves
 * backwards and never blesses a changed trail: if the event the last checkpoint named is gone or
 * different, nothing is written (the old checkpoint keeps the evidence) and the reason is returned.
 */
export function writeAuditCheckpoint(db: Db, now = new Date()): CheckpointResult {
	const file = fileOf(db);
	if (!file || file === ':memory:') return { written: false, reason: 'memory' };
	const client = (db as unknown as { $client: object }).$client;
	lastCheckpoint.set(client, Date.now());
	const key = keyOf(db);
	const newest = db.select({ id: auditEvent.id, hash: auditEvent.hash }).from(auditEvent).orderBy(desc(auditEvent.id)).limit(1).get();
	if (!newest) return { written: false, reason: 'empty' };
	const path = checkpointPathFor(file);
	const previous = readCheckpoint(path);
	let keyedFrom: number | null;
	if (previous === 'unreadable') return { written: false, reason: 'refused', detail: `the checkpoint ${path} cannot be read` };
	if (previous) {
		if (previous.keyId !== key.id || !checkpointSignatureHolds(key, previous)) return { written: false, reason: 'refused', detail: `the checkpoint ${path} was not signed with this key` };
		if (previous.seq === newest.id && previous.hash === newest.hash) return { written: false, reason: 'unchanged' };
		const then = db.select({ hash: auditEvent.hash }).from(auditEvent).where(eq(auditEvent.id, previous.seq)).get();
		if (!then || then.hash !== previous.hash) return { written: false, reason: 'refused', detail: `event ${previous.seq} named by the last checkpoint is missing or changed` };
		keyedFrom = previous.keyedFrom;
	} else {
		keyedFrom = db.select({ id: auditEvent.id }).from(auditEvent).where(like(auditEvent.hash, `${KEYED}%`)).orderBy(asc(auditEvent.id)).limit(1).get()?.id ?? null;
	}
	writeCheckpointFile(path, signCheckpoint(key, { version: 1, seq: newest.id, hash: newest.hash, keyedFrom, at: now.toISOString() }));
	return { written: true, seq: newest.id };
}

type Walk = { ok: true; rows: number; lastId: number; keyedFrom: number | null } | { ok: false; rows: number; brokenAt: number; why: string };

/** Walks the chain in batches; stops at the first row whose link or hash does not hold. */
function walk(db: Db, key: AuditKey | null, keyedFromCheckpoint: number | null): Walk {
	let prevHash = GENESIS;
	let lastId = 0;
	let rows = 0;
	let keyedFrom: number | null = null;
	for (;;) {
		const batch = db.select().from(auditEvent).where(gt(auditEvent.id, lastId)).orderBy(asc(auditEvent.id)).limit(5000).all();
		if (batch.length === 0) return { ok: true, rows, lastId, keyedFrom };
		for (const row of batch) {
			const { id, hash, prevHash: storedPrev, ...event } = row;
			const broken = (why: string): Walk => ({ ok: false, rows, brokenAt: id, why });
			if (storedPrev !== prevHash) return broken('it does not follow the event before it (an event was removed or changed)');
			if (hash.startsWith(KEYED)) {
				if (!key) return broken('it is sealed with a key that was not found (set AUDIT_KEY or keep audit.key beside the database)');
				if (!sameHex(keyedHash(key, storedPrev, event), hash)) return broken('its contents do not match its sealed hash (it was changed)');
				keyedFrom ??= id;
			} else {
				if (keyedFrom !== null || (keyedFromCheckpoint !== null && id >= keyedFromCheckpoint)) return broken('it has an unkeyed hash where the trail was already keyed (it was rewritten)');
				if (plainHash(storedPrev, event) !== hash) return broken('its contents do not match its hash (it was changed)');
			}
			prevHash = hash;
			lastId = id;
			rows += 1;
		}
	}
}

/** The chain alone, with the key found beside this database (no checkpoint: see verifyAuditTrail). */
export function verifyAuditChain(db: Db): { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number } {
	const file = fileOf(db);
	const key = !file || file === ':memory:' ? keyOf(db) : auditKeyFor(file, { create: false });
	const result = walk(db, key, null);
	return result.ok ? { ok: true, rows: result.rows } : { ok: false, rows: result.rows, brokenAt: result.brokenAt };
}

export type TrailReport =
	| { ok: true; rows: number; checkpoint: Checkpoint | null; keyedFrom: number | null }
	| { ok: false; rows: number; brokenAt?: number; problem: string };

/**
 * The whole check behind `npm run audit:verify`: the checkpoint's signature, the chain (keyed
 * where the checkpoint says keying began), and the chain against the checkpoint, so the newest
 * events removed (truncation) or a rewrite with recomputed hashes are both reported.
 */
export function verifyAuditTrail(db: Db, key: AuditKey | null, checkpoint: Checkpoint | null | 'unreadable'): TrailReport {
	if (checkpoint === 'unreadable') return { ok: false, rows: 0, problem: 'The audit checkpoint file cannot be read: it was damaged or replaced.' };
	if (checkpoint) {
		if (!key) return { ok: false, rows: 0, problem: 'A checkpoint exists but the audit key was not found (set AUDIT_KEY or keep audit.key beside the database): nothing can be checked.' };
		if (checkpoint.keyId !== key.id) return { ok: false, rows: 0, problem: 'The audit checkpoint was signed with a different key than the one given: check AUDIT_KEY, or the checkpoint was replaced.' };
		if (!checkpointSignatureHolds(key, checkpoint)) return { ok: false, rows: 0, problem: 'The audit checkpoint signature does not hold: the checkpoint was altered.' };
	}
	const chain = walk(db, key, checkpoint?.keyedFrom ?? null);
	if (!chain.ok) return { ok: false, rows: chain.rows, brokenAt: chain.brokenAt, problem: `Audit trail broken at event ${chain.brokenAt} (after ${chain.rows} good events): ${chain.why}.` };
	if (!checkpoint) {
		if (chain.keyedFrom !== null) return { ok: false, rows: chain.rows, problem: 'The audit trail is keyed but no checkpoint was found beside it: the checkpoint was removed, so deleted newest events cannot be ruled out.' };
		return { ok: true, rows: chain.rows, checkpoint: null, keyedFrom: null };
	}
	if (chain.lastId < checkpoint.seq) return { ok: false, rows: chain.rows, problem: `Audit trail cut short: the newest events were removed. The signed checkpoint at event ${checkpoint.seq} (${checkpoint.at}) is missing from the trail, which now ends at event ${chain.lastId}.` };
	const named = db.select({ hash: auditEvent.hash }).from(auditEvent).where(eq(auditEvent.id, checkpoint.seq)).get();
	if (!named || named.hash !== checkpoint.hash) return { ok: false, rows: chain.rows, brokenAt: checkpoint.seq, problem: `Audit trail broken at event ${checkpoint.seq}: it differs from the signed checkpoint (the trail was rewritten).` };
	if (checkpoint.keyedFrom !== chain.keyedFrom) return { ok: false, rows: chain.rows, problem: `Audit trail rewritten: keyed hashing began at event ${checkpoint.keyedFrom} by the checkpoint, but at event ${chain.keyedFrom} in the trail.` };
	return { ok: true, rows: chain.rows, checkpoint, keyedFrom: chain.keyedFrom };
}

/** The usual audit row for a request about one young person (saves repeating the same six fields). */
export function auditYoungPerson(
	db: Db,
	event: { locals: { requestId?: string } },
	actor: { id: string; role: string },
	action: string,
	outcome: AuditEvent['outcome'],
	youngPersonId: string
): void {
	recordAudit(db, { action, outcome, actorId: actor.id, actorRole: actor.role as AuditEvent['actorRole'], subjectType: 'young_person', subjectId: youngPersonId, requestId: event.locals.requestId ?? null });
}
