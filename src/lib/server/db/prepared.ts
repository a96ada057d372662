import { sql, type Column, type SQL } from 'drizzle-orm';
import type { Db } from './client';

/**
 * Statements that run on every request (the session, the unread count) or on every busy page
 * (the caseload), built and prepared once per database instead of on each call. Measured on the
 * caseload page: building drizzle queries and preparing them again took about a fifth of its time.
 */
const cache = new WeakMap<Db, Map<string, unknown>>();

export function prepared<T>(db: Db, key: string, build: () => T): T {
	let forDb = cache.get(db);
	if (!forDb) cache.set(db, (forDb = new Map()));
	let statement = forDb.get(key) as T | undefined;
	if (statement === undefined) forDb.set(key, (statement = build()));
	return statement;
}

/**
 * `column IN (the ids)` with one placeholder for the whole list, passed as a JSON array, so one
 * prepared statement serves every caseload size (SQLite still uses the column's index).
 */
export function inJsonList(column: Column, placeholder: string): SQL {
	return sql`${column} in (select value from json_each(${sql.placeholder(placeholder)}))`;
}
