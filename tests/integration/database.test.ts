import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordAudit, verifyAuditChain } from '../../src/lib/server/audit';
import { checkPragmas, explainOpenError, latestMigrationMillis, openDatabase, StartupError } from '../../src/lib/server/db/client';
import { createTestDb, MIGRATIONS } from '../fixtures/db';

const tmp = () => mkdtempSync(join(tmpdir(), 'harbour-db-'));

describe('opening the database', () => {
	it('creates the folder, applies every migration and sets the durable pragmas', () => {
		const file = join(tmp(), 'nested', 'folder', 'harbour.db');
		const { sqlite } = openDatabase(file, { migrationsFolder: MIGRATIONS });
		expect(checkPragmas(sqlite)).toEqual([]);
		expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
		const tables = sqlite.prepare(`select name from sqlite_master where type='table'`).pluck().all();
		expect(tables).toEqual(expect.arrayContaining(['user', 'session', 'young_person', 'assignment', 'pa_contact', 'audit_event']));
		sqlite.close();
		// Opening it again applies nothing new and keeps the data.
		const again = openDatabase(file, { migrationsFolder: MIGRATIONS });
		const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
		expect(again.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(journal.entries.length);
		again.sqlite.close();
	});

	it('refuses a file that is not a database, and leaves it exactly as it was', () => {
		const file = join(tmp(), 'notes.db');
		writeFileSync(file, 'These are my notes, not a database.\n'.repeat(200));
		const before = readFileSync(file);
		expect(() => openDatabase(file, { migrationsFolder: MIGRATIONS })).toThrow(/is not a database/);
		expect(readFileSync(file).equals(before)).toBe(true);
	});

	it("refuses another program's SQLite database without adding tables to it", () => {
		const file = join(tmp(), 'other.db');
		const other = new Database(file);
		other.exec('create table recipe (name text); insert into recipe values (\'soup\')');
		other.close();
		expect(() => openDatabase(file, { migrationsFolder: MIGRATIONS })).toThrow(/another program's data/);
		const check = new Database(file);
		expect(check.prepare(`select name from sqlite_master where type='table'`).pluck().all()).toEqual(['recipe']);
		check.close();
	});

	it('refuses a database written by a newer Harbour, untouched', () => {
		const file = join(tmp(), 'newer.db');
		openDatabase(file, { migrationsFolder: MIGRATIONS }).sqlite.close();
		const raw = new Database(file);
		raw.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('future', latestMigrationMillis(MIGRATIONS) + 1000);
		raw.close();
		const before = readFileSync(file);
		let message = '';
		try {
			openDatabase(file, { migrationsFolder: MIGRATIONS });
		} catch (error) {
			expect(error).toBeInstanceOf(StartupError);
			message = (error as Error).message;
		}
		expect(message).toMatch(/newer version of Harbour/);
		expect(message.split('. ').length).toBe(1); // one sentence
		expect(readFileSync(file).equals(before)).toBe(true);
	});

	it('refuses a path that is a folder, or inside a file, in one plain sentence', () => {
		const dir = tmp();
		expect(() => openDatabase(dir, { migrationsFolder: MIGRATIONS })).toThrow(/points at the folder/);
		const file = join(dir, 'plain.txt');
		writeFileSync(file, 'x');
		expect(() => openDatabase(join(file, 'harbour.db'), { migrationsFolder: MIGRATIONS })).toThrow(StartupError);
	});

	it.each([
		[{ code: 'SQLITE_READONLY' }, /cannot write to/],
		[{ code: 'EROFS' }, /cannot write to/],
		[{ code: 'SQLITE_CORRUPT' }, /is damaged/],
		[{ code: 'SQLITE_BUSY' }, /locked by another program/],
		[{ code: 'SQLITE_CANTOPEN' }, /cannot open/],
		[new Error('boom'), /could not open its database/]
	])('explains %j plainly', (error, expected) => {
		const text = explainOpenError(error, '/srv/harbour.db');
		expect(text).toMatch(expected);
		expect(text).not.toMatch(/\n|Error:/); // one line, no stack
	});
});

describe('the audit trail', () => {
	it('is append-only: rows cannot be changed or removed', () => {
		const { db, sqlite } = createTestDb();
		recordAudit(db, { action: 'young_person.view', outcome: 'allowed', actorId: 'a', subjectType: 'young_person', subjectId: 'b' });
		expect(() => sqlite.exec(`update audit_event set outcome = 'denied'`)).toThrow(/append-only/);
		expect(() => sqlite.exec('delete from audit_event')).toThrow(/append-only/);
	});

	it('chains every row to the one before, so an edit made around the triggers is found', () => {
		const { db, sqlite } = createTestDb();
		for (let i = 0; i < 50; i++) recordAudit(db, { action: 'young_person.view', outcome: 'allowed', actorId: `u${i}`, subjectId: `y${i}` });
		expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 50 });
		sqlite.exec('drop trigger audit_event_no_update');
		sqlite.exec(`update audit_event set actor_id = 'someone-else' where id = 17`);
		expect(verifyAuditChain(db)).toEqual({ ok: false, rows: 16, brokenAt: 17 });
	});

	it('notices a row removed from the middle', () => {
		const { db, sqlite } = createTestDb();
		for (let i = 0; i < 5; i++) recordAudit(db, { action: 'sign_in', outcome: 'allowed', actorId: `u${i}` });
		sqlite.exec('drop trigger audit_event_no_delete');
		sqlite.exec('delete from audit_event where id = 3');
		expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 4 });
	});
});
