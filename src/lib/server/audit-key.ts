import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The key that seals the audit trail (issue 12, finding 5). It lives outside the database, so
 * someone holding only the database file can neither recompute the chain after an edit nor forge
 * a checkpoint. From AUDIT_KEY, else `audit.key` beside the database (made on first start, 0600).
 */
export interface AuditKey {
	bytes: Buffer;
	/** A short fingerprint, so a checkpoint made with another key is told apart from a forged one. */
	id: string;
	source: 'env' | 'file' | 'new' | 'memory';
}

export const KEY_FILE = 'audit.key';
/** Beside the database and named after it, so several databases in one folder (demo, tests) each keep their own. */
export const CHECKPOINT_SUFFIX = '.audit-checkpoint.json';

function fromText(text: string, source: AuditKey['source']): AuditKey {
	const bytes = Buffer.from(text.trim(), 'utf8');
	return { bytes, id: createHmac('sha256', bytes).update('harbour-audit-key-id').digest('hex').slice(0, 12), source };
}

let memoryKey: AuditKey | undefined;

/** The key for a database file (or, for an in-memory database, one key for the life of the process). */
export function auditKeyFor(databaseFile: string, options: { create: boolean; env?: Record<string, string | undefined> } = { create: true }): AuditKey | null {
	const env = (options.env ?? process.env).AUDIT_KEY;
	if (env) {
		if (env.trim().length < 32) throw new Error('Setting AUDIT_KEY is not valid: use at least 32 random characters (for example `openssl rand -base64 32`).');
		return fromText(env, 'env');
	}
	if (!databaseFile || databaseFile === ':memory:') return (memoryKey ??= fromText(randomBytes(32).toString('base64url'), 'memory'));
	const dir = dirname(resolve(databaseFile));
	const file = join(dir, KEY_FILE);
	if (existsSync(file)) {
		if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
		return fromText(readFileSync(file, 'utf8'), 'file');
	}
	if (!options.create) return null;
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	const tmp = join(dir, `.audit-key-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
	const fd = openSync(tmp, 'wx', 0o600);
	try {
		writeSync(fd, `${randomBytes(32).toString('base64url')}\n`);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	// Linked into place: if two processes start together, the second link fails and both use the first key.
	try {
		linkSync(tmp, file);
	} catch {
		/* another process made it first */
	}
	unlinkSync(tmp);
	return fromText(readFileSync(file, 'utf8'), 'new');
}

export function hmacHex(key: AuditKey, text: string): string {
	return createHmac('sha256', key.bytes).update(text).digest('hex');
}

export function sameHex(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/** Where the checkpoint is kept: AUDIT_CHECKPOINT_PATH (e.g. another disk or a synced folder), else beside the database. */
export function checkpointPathFor(databaseFile: string, env: Record<string, string | undefined> = process.env): string {
	return env.AUDIT_CHECKPOINT_PATH ? resolve(env.AUDIT_CHECKPOINT_PATH) : resolve(databaseFile) + CHECKPOINT_SUFFIX;
}

export interface Checkpoint {
	version: 1;
	/** The id of the newest event when the checkpoint was taken, and its hash. */
	seq: number;
	hash: string;
	/** The first event hashed with the key (events before it are from before keyed hashing began). */
	keyedFrom: number | null;
	at: string;
	keyId: string;
	sig: string;
}

const signed = (c: Omit<Checkpoint, 'sig' | 'keyId'>) => JSON.stringify(['harbour-audit-checkpoint', c.version, c.seq, c.hash, c.keyedFrom, c.at]);

export function signCheckpoint(key: AuditKey, c: Omit<Checkpoint, 'sig' | 'keyId'>): Checkpoint {
	return { ...c, keyId: key.id, sig: hmacHex(key, signed(c)) };
}

export function checkpointSignatureHolds(key: AuditKey, c: Checkpoint): boolean {
	return typeof c.sig === 'string' && sameHex(hmacHex(key, signed(c)), c.sig);
}

export function readCheckpoint(path: string): Checkpoint | null | 'unreadable' {
	if (!existsSync(path)) return null;
	try {
		const c = JSON.parse(readFileSync(path, 'utf8')) as Checkpoint;
		if (typeof c.seq !== 'number' || typeof c.hash !== 'string') return 'unreadable';
		return c;
	} catch {
		return 'unreadable';
	}
}

/** Written to a temporary file, fsynced, then renamed over the old one: a crash leaves one whole checkpoint. */
export function writeCheckpointFile(path: string, c: Checkpoint): void {
	mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
	const tmp = `${path}.${process.pid}.tmp`;
	const fd = openSync(tmp, 'w', 0o600);
	try {
		writeSync(fd, `${JSON.stringify(c)}\n`);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	renameSync(tmp, path);
}
