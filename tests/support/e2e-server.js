// Starts the demo build for the end-to-end tests: a fresh, seeded database every run
// (data/e2e.db, never the main one), served on 127.0.0.1. Playwright stops it afterwards.
import { resolve } from 'node:path';
import { BIN, ROOT, run } from '../../src/bin/lib.js';
import { serve } from '../../src/bin/server.js';
import { listen } from './smtp-catcher.js';

const database = resolve(ROOT, process.env.E2E_DATABASE_PATH ?? 'data/e2e.db');
const seeded = await run(BIN('tsx'), ['src/bin/seed.ts', '--db', database, '--people', '120', '--demo', '--replace', '--quiet', '--seed', '7']);
if (seeded !== 0) process.exit(seeded);
process.env.DATABASE_PATH = database;
// A real SMTP server for the emails Harbour sends; the tests read what arrived over HTTP.
const catcher = await listen({ smtpPort: Number(process.env.E2E_SMTP_PORT ?? 4175), httpPort: Number(process.env.E2E_MAILBOX_PORT ?? 4176) });
process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.port}`;
await serve('build-demo', { host: '127.0.0.1' });
