import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The built server itself, started with a bad database: it must stop with one plain sentence,
// no stack trace, and leave the file alone. Not a browser test, so it runs in one project.
test.beforeEach(({ baseURL: _baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'laptop-js', 'runs once');
});

function start(databasePath: string) {
	return spawnSync('node', ['src/bin/server.js', 'build-demo'], {
		env: { ...process.env, DATABASE_PATH: databasePath, PORT: '4199', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
		encoding: 'utf8',
		timeout: 20_000
	});
}

test('a file that is not a database stops the server with one sentence and is left untouched', () => {
	const file = join(mkdtempSync(join(tmpdir(), 'harbour-start-')), 'harbour.db');
	writeFileSync(file, 'not a database '.repeat(100));
	const before = readFileSync(file);
	const result = start(file);
	expect(result.status).toBe(1);
	expect(result.stderr.trim()).toMatch(/^Harbour did not start: .* is not a database; .*\.$/);
	expect(result.stderr.trim().split('\n')).toHaveLength(1);
	expect(result.stderr).not.toMatch(/\s+at \S+/);
	expect(readFileSync(file).equals(before)).toBe(true);
});

test('a database path inside a file stops the server with one sentence', () => {
	const dir = mkdtempSync(join(tmpdir(), 'harbour-start-'));
	writeFileSync(join(dir, 'plain'), 'x');
	const result = start(join(dir, 'plain', 'harbour.db'));
	expect(result.status).toBe(1);
	expect(result.stderr.trim()).toMatch(/^Harbour did not start: Harbour cannot create or write to the folder .*\.$/);
});
