// `npm run audit:verify [-- --db path]`: walks the audit trail's hash chain and says whether every
// row is as it was written. Exit code 0 when intact, 1 when any row was changed or removed.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../lib/server/audit';
import { openDatabase, StartupError } from '../lib/server/db/client';

const { values } = parseArgs({ options: { db: { type: 'string' } } });
const file = resolve(values.db ?? process.env.DATABASE_PATH ?? 'data/harbour.db');
try {
	const { db, sqlite } = openDatabase(file, { migrationsFolder: resolve(process.env.MIGRATIONS_DIR ?? 'drizzle'), migrate: false });
	const result = verifyAuditChain(db);
	sqlite.close();
	if (result.ok) {
		console.log(`Audit trail intact: ${result.rows} events checked in ${file}.`);
	} else {
		console.error(`Audit trail broken at event ${result.brokenAt} (after ${result.rows} good events) in ${file}: it was changed or an event before it was removed.`);
		process.exit(1);
	}
} catch (error) {
	console.error(error instanceof StartupError ? error.message : `Could not check ${file}: ${String(error)}`);
	process.exit(2);
}
