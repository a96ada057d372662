// `npm start`: the production server (build/, no demo sign-in) on DATABASE_PATH, migrations applied
// at start-up, nothing seeded. Builds first if there is no build yet.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, build } from './lib.js';
import { serve } from './server.js';

if (!existsSync(join(ROOT, 'build', 'handler.js'))) {
	console.log('No build yet: building Harbour…');
	await build({ demo: false });
}
await serve('build');
