import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordAudit, writeAuditCheckpoint } from '../../src/lib/server/audit';
import { openDatabase } from '../../src/lib/server/db/client';
import { MIGRATIONS } from '../fixtures/db';

const verify = (file: string, env: Record<string, string> = {}) =>
	spawnSync(resolve('node_modules/.bin/tsx'), ['src/bin/audit-verify.ts', '--db', file], { encoding: 'utf8', env: { ...process.env, AUDIT_KEY: '', ...env } });

/** A fresh database file in its own folder, with `n` audit events and a checkpoint taken after them (the minute job). */
function trail(n: number) {
	const dir = mkdtempSync(join(tmpdir(), 'harbour-audit-'));
	const file = join(dir, 'harbour.db');
	const { db, sqlite } = openDatabase(file, { migrationsFolder: MIGRATIONS });
	for (let i = 0; i < n; i++) recordAudit(db, { action: 'young_person.view', outcome: 'allowed', actorId: `pa${i % 3}`, subjectType: 'young_person', subjectId: `yp${i}` });
	writeAuditCheckpoint(db);
	sqlite.close();
	return { dir, file };
}

/** The hash an attacker can compute without the key: plain SHA-256 over the same fields, as before issue 12. */
function plainHash(prev: string, r: { at: number; actor_id: string | null; actor_role: string | null; action: string; subject_type: string | null; subject_id: string | null; outcome: string; request_id: string | null }) {
	return createHash('sha256').update(JSON.stringify([prev, r.at, r.actor_id, r.actor_role, r.action, r.subject_type, r.subject_id, r.outcome, r.request_id])).digest('hex');
}

describe('npm run audit:verify', () => {
	it('passes an untouched trail and fails once one row is altered', () => {
		const { file } = trail(20);
		const good = verify(file);
		expect(good.status).toBe(0);
		expect(good.stdout).toContain('Audit trail intact: 20 events');

		// Someone with the database file goes around the append-only triggers.
		const raw = new Database(file);
		raw.exec('drop trigger audit_event_no_update');
		raw.prepare(`update audit_event set subject_id = 'someone-else' where id = 12`).run();
		raw.close();
		const bad = verify(file);
		expect(bad.status).toBe(1);
		expect(bad.stderr).toContain('Audit trail broken at event 12');
	}, 30_000);

	it('finding 12.5: an intact keyed trail verifies against its signed checkpoint, kept outside the database', () => {
		const { dir, file } = trail(60);
		const key = join(dir, 'audit.key');
		expect(existsSync(key)).toBe(true);
		expect(statSync(key).mode & 0o777).toBe(0o600);
		const checkpoint = JSON.parse(readFileSync(`${file}.audit-checkpoint.json`, 'utf8'));
		expect(checkpoint).toMatchObject({ seq: 60 });
		expect(checkpoint.sig).toMatch(/^[0-9a-f]{64}$/);
		const raw = new Database(file, { readonly: true });
		const hashes = raw.prepare('select hash from audit_event order by id').pluck().all() as string[];
		raw.close();
		expect(checkpoint.hash).toBe(hashes.at(-1));
		// Keyed: the stored hash is not the plain SHA-256 anyone could recompute.
		expect(hashes.every((h) => h.startsWith('k1:'))).toBe(true);
		const good = verify(file);
		expect(good.stderr).toBe('');
		expect(good.status).toBe(0);
		expect(good.stdout).toContain('Audit trail intact: 60 events');
		expect(good.stdout).toContain('checkpoint at event 60');
	}, 30_000);

	it('finding 12.5: deleting the newest 25 audit rows on a copy is reported as truncation', () => {
		const { dir, file } = trail(60);
		const copy = join(dir, 'copy.db');
		copyFileSync(file, copy);
		copyFileSync(`${file}.audit-checkpoint.json`, `${copy}.audit-checkpoint.json`);
		const raw = new Database(copy);
		raw.exec('drop trigger audit_event_no_delete');
		raw.prepare('delete from audit_event where id > 35').run();
		raw.close();
		const bad = verify(copy);
		expect(bad.status).toBe(1);
		expect(bad.stderr).toContain('newest events were removed');
		expect(bad.stderr).toContain('checkpoint at event 60');
		expect(bad.stderr).toContain('ends at event 35');
	}, 30_000);

	it('finding 12.5: a rewrite with recomputed plain hashes is reported', () => {
		const { file } = trail(40);
		const raw = new Database(file);
		raw.exec('drop trigger audit_event_no_update');
		raw.prepare(`update audit_event set subject_id = 'someone-else' where id = 12`).run();
		// Recompute every hash from the top, as someone who read the old verifier would.
		const rows = raw.prepare('select * from audit_event order by id').all() as (Parameters<typeof plainHash>[1] & { id: number })[];
		let prev = '0'.repeat(64);
		const set = raw.prepare('update audit_event set prev_hash = ?, hash = ? where id = ?');
		for (const r of rows) {
			const hash = plainHash(prev, r);
			set.run(prev, hash, r.id);
			prev = hash;
		}
		raw.close();
		const bad = verify(file);
		expect(bad.status).toBe(1);
		expect(bad.stderr).toContain('Audit trail broken at event 1');
	}, 30_000);

	it('finding 12.5: a rewrite with recomputed keyed-looking hashes but no key is reported, and so is a forged checkpoint', () => {
		const { file } = trail(10);
		const path = `${file}.audit-checkpoint.json`;
		const checkpoint = JSON.parse(readFileSync(path, 'utf8'));
		const raw = new Database(file);
		raw.exec('drop trigger audit_event_no_delete');
		raw.prepare('delete from audit_event where id > 4').run();
		raw.close();
		// The attacker also rewrites the checkpoint to match the shorter trail, without the key.
		const short = new Database(file, { readonly: true });
		const last = short.prepare('select id, hash from audit_event order by id desc limit 1').get() as { id: number; hash: string };
		short.close();
		const forged = { ...checkpoint, seq: last.id, hash: last.hash };
		spawnSync('node', ['-e', `require('fs').writeFileSync(${JSON.stringify(path)}, ${JSON.stringify(JSON.stringify(forged))})`]);
		const bad = verify(file);
		expect(bad.status).toBe(1);
		expect(bad.stderr).toContain('checkpoint');
		expect(bad.stderr).toContain('signature');
	}, 30_000);

	it('finding 12.5: a database from before keyed hashing still verifies, and keyed events carry on its chain', () => {
		const dir = mkdtempSync(join(tmpdir(), 'harbour-audit-'));
		const file = join(dir, 'harbour.db');
		const { sqlite } = openDatabase(file, { migrationsFolder: MIGRATIONS });
		// Rows written by the old version: plain SHA-256 chain, no key file, no checkpoint.
		let prev = '0'.repeat(64);
		const insert = sqlite.prepare('insert into audit_event (at, actor_id, actor_role, action, subject_type, subject_id, outcome, request_id, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
		for (let i = 0; i < 15; i++) {
			const r = { at: 1_700_000_000_000 + i, actor_id: `pa${i}`, actor_role: 'adviser', action: 'young_person.view', subject_type: 'young_person', subject_id: `yp${i}`, outcome: 'allowed', request_id: null };
			const hash = plainHash(prev, r);
			insert.run(r.at, r.actor_id, r.actor_role, r.action, r.subject_type, r.subject_id, r.outcome, r.request_id, prev, hash);
			prev = hash;
		}
		sqlite.close();
		const before = verify(file);
		expect(before.status).toBe(0);
		expect(before.stdout).toContain('Audit trail intact: 15 events');

		const again = openDatabase(file, { migrationsFolder: MIGRATIONS });
		for (let i = 0; i < 5; i++) recordAudit(again.db, { action: 'sign_in', outcome: 'allowed', actorId: `u${i}` });
		writeAuditCheckpoint(again.db);
		again.sqlite.close();
		const after = verify(file);
		expect(after.status).toBe(0);
		expect(after.stdout).toContain('Audit trail intact: 20 events');
		expect(after.stdout).toContain('keyed from event 16');

		// Rewriting a keyed event as an old-style one (plain hash) does not pass as "from before the key".
		const raw = new Database(file);
		raw.exec('drop trigger audit_event_no_update');
		const r = raw.prepare('select * from audit_event where id = 20').get() as Parameters<typeof plainHash>[1] & { prev_hash: string };
		raw.prepare('update audit_event set hash = ? where id = 20').run(plainHash(r.prev_hash, { ...r, subject_id: 'x' }));
		raw.prepare(`update audit_event set subject_id = 'x' where id = 20`).run();
		raw.close();
		const bad = verify(file);
		expect(bad.status).toBe(1);
		expect(bad.stderr).toContain('event 20');
	}, 30_000);

	it('finding 12.5: AUDIT_KEY in the environment keys the chain instead of a key file', () => {
		const dir = mkdtempSync(join(tmpdir(), 'harbour-audit-'));
		const file = join(dir, 'harbour.db');
		const env = 'an-audit-key-of-at-least-32-characters-long';
		process.env.AUDIT_KEY = env;
		try {
			const { db, sqlite } = openDatabase(file, { migrationsFolder: MIGRATIONS });
			for (let i = 0; i < 5; i++) recordAudit(db, { action: 'sign_in', outcome: 'allowed', actorId: `u${i}` });
			writeAuditCheckpoint(db);
			sqlite.close();
		} finally {
			delete process.env.AUDIT_KEY;
		}
		expect(existsSync(join(dir, 'audit.key'))).toBe(false);
		expect(verify(file, { AUDIT_KEY: env }).status).toBe(0);
		const wrong = verify(file, { AUDIT_KEY: 'some-other-key-of-at-least-32-characters' });
		expect(wrong.status).toBe(1);
	}, 30_000);
});
