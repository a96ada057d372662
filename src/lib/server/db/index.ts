import { building } from '$app/environment';
import { resolve } from 'node:path';
import { getConfig } from '../config';
import { openDatabase, type Db, type Sqlite } from './client';

let app: { db: Db; sqlite: Sqlite } | undefined;

/**
 * The server's one connection (better-sqlite3 is synchronous; one writer per process).
 * Opened by the `init` hook at start-up so a bad database stops the server before it listens.
 */
export function getDb(): Db {
	return openAppDatabase().db;
}

export function openAppDatabase(): { db: Db; sqlite: Sqlite } {
	if (building) throw new Error('The database is not opened while building');
	if (!app) {
		const config = getConfig();
		app = openDatabase(config.DATABASE_PATH, { migrationsFolder: resolve(config.MIGRATIONS_DIR) });
	}
	return app;
}
