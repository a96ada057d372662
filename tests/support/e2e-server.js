// Starts the demo build for the end-to-end tests: a fresh, seeded database every run
// (data/e2e.db, never the main one), served on 127.0.0.1. Playwright stops it afterwards.
import { resolve } from 'node:path';
import { BIN, ROOT, run } from '../../src/bin/lib.js';
import { serve } from '../../src/bin/server.js';

const database = resolve(ROOT, process.env.E2E_DATABASE_PATH ?? 'data/e2e.db');
const seeded = await run(BIN('tsx'), ['src/bin/seed.ts', '--db', database, '--people', '120', '--demo', '--replace', '--quiet', '--seed', '7']);
if (seeded !== 0) process.exit(seeded);
process.env.DATABASE_PATH = database;
await serve('build-demo', { host: '127.0.0.1' });
