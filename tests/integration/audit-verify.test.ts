import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/lib/server/audit';
import { openDatabase } from '../../src/lib/server/db/client';
import { MIGRATIONS } from '../fixtures/db';

const verify = (file: string) => spawnSync(resolve('node_modules/.bin/tsx'), ['src/bin/audit-verify.ts', '--db', file], { encoding: 'utf8' });

describe('npm run audit:verify', () => {
	it('passes an untouched trail and fails once one row is altered', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'harbour-audit-')), 'harbour.db');
		const { db, sqlite } = openDatabase(file, { migrationsFolder: MIGRATIONS });
		for (let i = 0; i < 20; i++) recordAudit(db, { action: 'young_person.view', outcome: 'allowed', actorId: `pa${i % 3}`, subjectType: 'young_person', subjectId: `yp${i}` });
		sqlite.close();

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
});
