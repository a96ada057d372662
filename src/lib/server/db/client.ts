import Database from 'better-sqlite3';
import type { Logger } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
export type Sqlite = Database.Database;

/** A reason the server must not start, said in one plain sentence (no stack trace is shown). */
export class StartupError extends Error {
	override name = 'StartupError';
}

/** The settings every connection must have; checked after they are set (design.md §6, security.md H1). */
export const REQUIRED_PRAGMAS = {
	journal_mode: 'wal',
	synchronous: 2, // FULL: an acknowledged write survives a power cut
	foreign_keys: 1,
	busy_timeout: 5000
} as const;

export interface OpenOptions {
	migrationsFolder: string;
	/** Apply pending migrations (true at server start and in tests). */
	migrate?: boolean;
	/** Sees every SQL statement drizzle runs (tests count queries per page with it). */
	logger?: Logger;
}

export function openDatabase(path: string, options: OpenOptions): { db: Db; sqlite: Sqlite } {
	const memory = path === ':memory:';
	const file = memory ? path : resolve(path);
	if (!memory) prepareFolder(file);

	let sqlite: Sqlite;
	try {
		sqlite = new Database(file);
	} catch (error) {
		throw new StartupError(explainOpenError(error, file));
	}
	try {
		assertIsHarbourDatabase(sqlite, file, options.migrationsFolder);
		applyPragmas(sqlite, memory);
		const db = drizzle(sqlite, { schema, logger: options.logger ?? false });
		if (options.migrate !== false) migrate(db, { migrationsFolder: options.migrationsFolder });
		return { db, sqlite };
	} catch (error) {
		sqlite.close();
		if (error instanceof StartupError) throw error;
		throw new StartupError(explainOpenError(error, file));
	}
}

function prepareFolder(file: string) {
	if (existsSync(file) && statSync(file).isDirectory()) {
		throw new StartupError(
			`DATABASE_PATH points at the folder ${file}; set it to a file name inside a folder, for example data/harbour.db.`
		);
	}
	const folder = dirname(file);
	try {
		mkdirSync(folder, { recursive: true });
		accessSync(folder, constants.W_OK);
	} catch {
		throw new StartupError(
			`Harbour cannot create or write to the folder ${folder}; make it writable by the user running Harbour, or set DATABASE_PATH to a writable place.`
		);
	}
}

function assertIsHarbourDatabase(sqlite: Sqlite, file: string, migrationsFolder: string) {
	// Reading the schema fails at once on a file that is not SQLite, before anything is written to it.
	const tables = sqlite
		.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
		.pluck()
		.all() as string[];
	if (tables.length === 0) return;
	if (!tables.includes('__drizzle_migrations')) {
		throw new StartupError(
			`${file} holds another program's data, not Harbour's; set DATABASE_PATH to a new file or to a Harbour database.`
		);
	}
	const newest = sqlite
		.prepare('select max(created_at) from __drizzle_migrations')
		.pluck()
		.get() as number | null;
	const known = latestMigrationMillis(migrationsFolder);
	if (newest !== null && newest > known) {
		throw new StartupError(
			`${file} was last used by a newer version of Harbour; install that version (or newer) to open it, or restore a backup made with this version.`
		);
	}
}

function applyPragmas(sqlite: Sqlite, memory: boolean) {
	if (!memory) sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const problems = checkPragmas(sqlite, memory);
	if (problems.length > 0) {
		throw new StartupError(
			`The database would not take the settings Harbour needs (${problems.join(', ')}); put DATABASE_PATH on a local disk, not a network drive.`
		);
	}
}

/** Lists every required setting the connection does not have (empty when all is well). */
export function checkPragmas(sqlite: Sqlite, memory = false): string[] {
	const problems: string[] = [];
	for (const [name, expected] of Object.entries(REQUIRED_PRAGMAS)) {
		if (memory && name === 'journal_mode') continue; // an in-memory database has no WAL
		const actual = sqlite.pragma(name, { simple: true });
		if (String(actual).toLowerCase() !== String(expected)) problems.push(`${name}=${String(actual)}`);
	}
	return problems;
}

export function latestMigrationMillis(migrationsFolder: string): number {
	const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
		entries: { when: number }[];
	};
	return Math.max(0, ...journal.entries.map((e) => e.when));
}

/** Turns a low-level error into one sentence a person running the server can act on. */
export function explainOpenError(error: unknown, file: string): string {
	const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : '';
	const message = error instanceof Error ? error.message : String(error);
	if (code === 'SQLITE_NOTADB' || /not a database/i.test(message)) {
		return `${file} is not a database; set DATABASE_PATH to a new file or to a Harbour database (the file was left as it is).`;
	}
	if (code === 'SQLITE_CORRUPT' || /malformed/i.test(message)) {
		return `${file} is damaged; restore it from a backup (the file was left as it is).`;
	}
	if (code.startsWith('SQLITE_READONLY') || ['EROFS', 'EACCES', 'EPERM'].includes(code)) {
		return `Harbour cannot write to ${file}; make the file and its folder writable by the user running Harbour.`;
	}
	if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
		return `${file} is locked by another program; stop it and start Harbour again.`;
	}
	if (code === 'SQLITE_CANTOPEN' || code === 'ENOTDIR' || code === 'ENOENT') {
		return `Harbour cannot open ${file}; check that DATABASE_PATH is a file name in a folder that exists and is writable.`;
	}
	return `Harbour could not open its database at ${file} (${code || 'unknown error'}); check DATABASE_PATH.`;
}
