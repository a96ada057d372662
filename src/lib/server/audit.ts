import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { asc, desc, gt } from 'drizzle-orm';
import type { Db } from './db/client';
import { auditEvent, type AuditEvent } from './db/schema';

export type AuditInput = Pick<AuditEvent, 'action' | 'outcome'> &
	Partial<Pick<AuditEvent, 'actorId' | 'actorRole' | 'subjectType' | 'subjectId' | 'requestId'>>;

const GENESIS = '0'.repeat(64);

function rowHash(prevHash: string, e: Omit<AuditEvent, 'id' | 'hash' | 'prevHash'>): string {
	const canonical = JSON.stringify([
		prevHash,
		e.at.getTime(),
		e.actorId,
		e.actorRole,
		e.action,
		e.subjectType,
		e.subjectId,
		e.outcome,
		e.requestId
	]);
	return encodeHexLowerCase(sha256(new TextEncoder().encode(canonical)));
}

/** Appends one event to the chain. Runs in its own immediate transaction so two writers never fork it. */
export function recordAudit(db: Db, input: AuditInput, now = new Date()): void {
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
				.values({ ...event, prevHash, hash: rowHash(prevHash, event) })
				.run();
		},
		{ behavior: 'immediate' }
	);
}

/** Walks the chain in batches; reports the first row whose hash or link does not hold. */
export function verifyAuditChain(db: Db): { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number } {
	let prevHash = GENESIS;
	let lastId = 0;
	let rows = 0;
	for (;;) {
		const batch = db.select().from(auditEvent).where(gt(auditEvent.id, lastId)).orderBy(asc(auditEvent.id)).limit(5000).all();
		if (batch.length === 0) return { ok: true, rows };
		for (const row of batch) {
			const { id, hash, prevHash: storedPrev, ...event } = row;
			if (storedPrev !== prevHash || rowHash(storedPrev, event) !== hash) return { ok: false, rows, brokenAt: id };
			prevHash = hash;
			lastId = id;
			rows += 1;
		}
	}
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
