// `npm run audit:verify [-- --db path]`: walks the audit trail's keyed hash chain and checks it
// against the latest signed checkpoint kept outside the database (issue 12, finding 5). Exit code 0
// when intact; 1 when any event was changed, removed (in the middle or the newest ones) or rewritten.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyAuditTrail } from '../lib/server/audit';
import { auditKeyFor, checkpointPathFor, readCheckpoint } from '../lib/server/audit-key';
import { openDatabase, StartupError } from '../lib/server/db/client';

const { values } = parseArgs({ options: { db: { type: 'string' }, checkpoint: { type: 'string' } } });
const file = resolve(values.db ?? process.env.DATABASE_PATH ?? 'data/harbour.db');
try {
	const key = auditKeyFor(file, { create: false });
	const checkpointPath = values.checkpoint ? resolve(values.checkpoint) : checkpointPathFor(file);
	const checkpoint = readCheckpoint(checkpointPath);
	const { db, sqlite } = openDatabase(file, { migrationsFolder: resolve(process.env.MIGRATIONS_DIR ?? 'drizzle'), migrate: false });
	const result = verifyAuditTrail(db, key, checkpoint);
	sqlite.close();
	if (result.ok) {
		const against = result.checkpoint ? `; matches the signed checkpoint at event ${result.checkpoint.seq} (${result.checkpoint.at})` : '; no checkpoint yet (written within a minute of the first keyed event)';
		const keyed = result.keyedFrom ? `, keyed from event ${result.keyedFrom}` : '';
		console.log(`Audit trail intact: ${result.rows} events checked in ${file}${keyed}${against}.`);
	} else {
		console.error(`${result.problem} (${file})`);
		process.exit(1);
	}
} catch (error) {
	console.error(error instanceof StartupError ? error.message : `Could not check ${file}: ${String(error)}`);
	process.exit(2);
}
