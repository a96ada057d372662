import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { moneyOperation } from '../db/schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The answer when an operation id comes back with different content: 409, nothing written. */
export type OperationReused = { ok: false; code: 'operation_reused' };
export const OPERATION_REUSED: OperationReused = { ok: false, code: 'operation_reused' };

/** An operation id as forms carry it (a fresh `newId()` per form, or similar). */
export const OPERATION_ID = /^[A-Za-z0-9_-]{8,64}$/;

function fingerprint(kind: string, content: unknown): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify([kind, content]))));
}

/**
 * Runs a money write once per operation id, inside the caller's (immediate) transaction. The same
 * id with the same content returns the first answer and writes nothing more; with different
 * content it is refused. Only a write that succeeded (`ok: true`) uses the id up, so a form sent
 * back with a field error can be fixed and sent again with the same id.
 */
export function once<R extends { ok: boolean }>(
	tx: Tx,
	op: { operationId: string; kind: string; actorId: string; content: unknown },
	now: Date,
	write: () => R
): R | OperationReused {
	const print = fingerprint(op.kind, op.content);
	const seen = tx.select().from(moneyOperation).where(eq(moneyOperation.operationId, op.operationId)).get();
	if (seen) return seen.kind === op.kind && seen.fingerprint === print ? (JSON.parse(seen.result) as R) : OPERATION_REUSED;
	const result = write();
	if (result.ok) tx.insert(moneyOperation).values({ operationId: op.operationId, kind: op.kind, fingerprint: print, result: JSON.stringify(result), actorId: op.actorId, at: now }).run();
	return result;
}
