// Small helpers shared by the npm scripts in this folder (plain Node, no build step needed).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** @param {string} name */
export const BIN = (name) => join(ROOT, 'node_modules', '.bin', name);

/**
 * Runs a command with the terminal attached; resolves to its exit code.
 * @param {string} command @param {string[]} args
 * @param {{ env?: Record<string, string> } & import('node:child_process').SpawnOptions} [options]
 * @returns {Promise<number>}
 */
export function run(command, args, options = {}) {
	return new Promise((done) => {
		const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
		child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
	});
}

/** @param {string} path @returns {number} */
function newest(path) {
	if (!existsSync(path)) return 0;
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	let latest = s.mtimeMs;
	for (const entry of readdirSync(path)) {
		if (entry === 'paraglide') continue; // generated during the build itself
		latest = Math.max(latest, newest(join(path, entry)));
	}
	return latest;
}

/** True when `outDir` is missing or older than anything it is built from. */
/** @param {string} outDir */
export function buildIsStale(outDir) {
	const marker = join(ROOT, outDir, 'handler.js');
	if (!existsSync(marker)) return true;
	const built = statSync(marker).mtimeMs;
	const sources = ['src', 'static', 'drizzle', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
	return sources.some((s) => newest(join(ROOT, s)) > built);
}

/** Builds `build/` (npm start) or, with demo, `build-demo/` (adds the demo sign-in picker). */
/** @param {{ demo: boolean }} options */
export async function build({ demo }) {
	const env = demo ? { HARBOUR_DEMO: '1' } : { HARBOUR_DEMO: '0' };
	const code = (await run('node', ['src/bin/i18n.js'])) || (await run(BIN('vite'), ['build', '--logLevel', 'warn'], { env }));
	if (code !== 0) throw new Error(`The ${demo ? 'demo ' : ''}build failed (exit ${code}).`);
}
