// `npm run demo`: build if needed, make a fresh demo council in data/demo.db (never touching the
// main database), print who you can sign in as, and serve on http://localhost:3000 (PORT overrides).
import { resolve } from 'node:path';
import { BIN, ROOT, build, buildIsStale, run } from './lib.js';

const port = process.env.PORT ?? '3000';
const database = resolve(ROOT, process.env.DEMO_DATABASE_PATH ?? 'data/demo.db');
if (database === resolve(ROOT, 'data/harbour.db') || database === resolve(ROOT, process.env.DATABASE_PATH ?? 'data/harbour.db')) {
	console.error('The demo will not use the main database; set DEMO_DATABASE_PATH to another file.');
	process.exit(1);
}

if (buildIsStale('build-demo')) {
	console.log('Building Harbour (demo build)…');
	await build({ demo: true });
}

const people = process.env.DEMO_PEOPLE ?? '300';
const seeded = await run(BIN('tsx'), ['src/bin/seed.ts', '--db', database, '--people', people, '--demo', '--replace', '--list-demo']);
if (seeded !== 0) process.exit(seeded);

console.log(`
Harbour demo: http://localhost:${port}
Sign in: open http://localhost:${port}/demo and choose a person (no password in the demo).
Everyone in this council is made up. Press Ctrl+C to stop.
`);

const code = await run('node', ['src/bin/server.js', 'build-demo'], {
	env: {
		PORT: port,
		ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}`,
		DATABASE_PATH: database,
		MIGRATIONS_DIR: resolve(ROOT, 'drizzle'),
		LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn'
	}
});
process.exit(code);
