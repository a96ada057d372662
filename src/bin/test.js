// `npm test`: every check Harbour has, in order, starting and stopping every server it needs:
// types and lint → unit and integration (vitest) → demo build → end-to-end (Playwright, Chromium).
// Ends with one summary line, "N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, build, buildIsStale, run } from './lib.js';

const results = join(ROOT, 'test-results');
mkdirSync(results, { recursive: true });
const vitestJson = join(results, 'vitest.json');
const playwrightJson = join(results, 'playwright.json');
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

/** @type {{ name: string, ok: boolean, seconds: number }[]} */
const steps = [];
/** @param {string} name @param {() => Promise<number>} fn */
const step = async (name, fn) => {
	const started = performance.now();
	console.log(`\n━━ ${name} ━━`);
	const code = await fn();
	steps.push({ name, ok: code === 0, seconds: Math.round((performance.now() - started) / 1000) });
	return code === 0;
};

await step('check (svelte-check + ESLint)', () => run('npm', ['run', 'check', '--silent']));
await step('unit and integration (vitest)', () =>
	run(BIN('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`])
);
const built = await step('demo build', async () => {
	if (!process.env.CI && !buildIsStale('build-demo')) return 0;
	try {
		await build({ demo: true });
		return 0;
	} catch (error) {
		console.error(String(error));
		return 1;
	}
});
if (built) {
	await step('end-to-end (Playwright, Chromium: phone and laptop, JavaScript on and off)', () =>
		run(BIN('playwright'), ['test', '-c', 'tests/playwright.config.ts'], { env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson } })
	);
}

/** @param {string} file @returns {any} */
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const vitest = readJson(vitestJson);
const playwright = readJson(playwrightJson);
const unit = { passed: vitest?.numPassedTests ?? 0, failed: vitest?.numFailedTests ?? 0 };
const e2e = {
	passed: (playwright?.stats?.expected ?? 0) + (playwright?.stats?.flaky ?? 0),
	failed: playwright?.stats?.unexpected ?? 0,
	skipped: playwright?.stats?.skipped ?? 0
};
const failedSteps = steps.filter((s) => !s.ok).length;

console.log('\n━━ Summary ━━');
for (const s of steps) console.log(`${s.ok ? '✔' : '✘'} ${s.name} (${s.seconds}s)`);
console.log(`vitest: ${unit.passed} passed, ${unit.failed} failed · Playwright: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
const failed = unit.failed + e2e.failed + (failedSteps > 0 && unit.failed + e2e.failed === 0 ? failedSteps : 0);
console.log(`${unit.passed + e2e.passed} passed, ${failed} failed`);
process.exit(failedSteps > 0 ? 1 : 0);
