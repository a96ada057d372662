// Creates a made-up council in a new database file:
//   npm run seed -- --db data/demo.db --people 300 --contacts 3000 [--seed 42] [--demo] [--replace]
// It never writes into a database that already holds data unless --replace is given, and never
// replaces the main database (DATABASE_PATH / data/harbour.db) at all.
import { SingleBar, Presets } from 'cli-progress';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { londonDay } from '../lib/domain/dates';
import { openDatabase } from '../lib/server/db/client';
import { generateCouncil } from '../lib/server/seed/generate';

const { values } = parseArgs({
	options: {
		db: { type: 'string' },
		people: { type: 'string', default: '300' },
		contacts: { type: 'string' },
		seed: { type: 'string', default: '42' },
		today: { type: 'string' },
		demo: { type: 'boolean', default: false },
		replace: { type: 'boolean', default: false },
		quiet: { type: 'boolean', default: false },
		'list-demo': { type: 'boolean', default: false }
	}
});

function fail(message: string): never {
	console.error(`Seeding stopped: ${message}`);
	process.exit(1);
}

if (!values.db) fail('say which database file to create, e.g. --db data/demo.db');
const file = resolve(values.db);
const protectedFiles = [resolve(process.env.DATABASE_PATH ?? 'data/harbour.db'), resolve('data/harbour.db')];
if (protectedFiles.includes(file)) fail(`${values.db} is the main database; seed a separate file such as data/demo.db.`);
const people = Number(values.people);
const contacts = values.contacts === undefined ? people * 10 : Number(values.contacts);
if (!Number.isInteger(people) || people < 2) fail('--people must be a whole number of at least 2');
if (!Number.isInteger(contacts) || contacts < 0) fail('--contacts must be a whole number');

if (existsSync(file)) {
	if (!values.replace) fail(`${values.db} already exists; add --replace to start it again from nothing.`);
	// The audit checkpoint beside it belongs to the old database (issue 12, finding 5).
	for (const suffix of ['', '-wal', '-shm', '.audit-checkpoint.json']) rmSync(file + suffix, { force: true });
}

const { sqlite } = openDatabase(file, { migrationsFolder: resolve('drizzle') });
// A brand-new file nobody else is using: durability per row is not needed while it is being filled.
sqlite.pragma('synchronous = OFF');

const bar = values.quiet ? null : new SingleBar({ format: 'Seeding {bar} {percentage}% | {value}/{total} rows | {eta_formatted} left', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 }, Presets.shades_classic);
const started = performance.now();
bar?.start(1, 0);
const summary = generateCouncil(sqlite, {
	seed: Number(values.seed),
	youngPeople: people,
	contacts,
	today: values.today ?? londonDay(new Date()),
	demo: values.demo,
	onProgress: (done, total) => {
		bar?.setTotal(total);
		bar?.update(done);
	}
});
bar?.stop();
sqlite.pragma('synchronous = FULL');
if (values['list-demo']) {
	const accounts = sqlite
		.prepare(`select role, display_name as name, email from user where email like '%@demo.harbour.test' order by role, email`)
		.all() as { role: string; name: string; email: string }[];
	console.log('\nDemo accounts (sign in at /demo):');
	console.table(accounts);
}
sqlite.pragma('optimize');
sqlite.pragma('wal_checkpoint(TRUNCATE)');
sqlite.close();
if (!values.quiet) {
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(
		`Seeded ${values.db} in ${seconds}s: ${summary.youngPeople} young people, ${summary.advisers} PAs, ${summary.mentors} mentors, ${summary.managers} managers, ${summary.assignments} assignments, ${summary.contacts} contacts.`
	);
}
