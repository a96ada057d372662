// Lighthouse scores and Chromium's installability check, for `npm run bench` (design.md §6).
// Both drive Debian's Chromium offline, each in a fresh, throwaway profile.
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The flags that keep Chromium off the network entirely (stack-notes.md §6).
const OFFLINE_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** design.md §6: the minimum score (0–100) per category. */
export const BUDGET = /** @type {const} */ ({ performance: 95, accessibility: 100, 'best-practices': 100 });
const CATEGORIES = /** @type {(keyof typeof BUDGET)[]} */ (Object.keys(BUDGET));

/**
 * One Lighthouse run (default mobile profile: simulated 4× CPU slowdown and slow 4G) of a signed-in
 * page. The session cookie goes in Lighthouse's extraHeaders. Fails loudly if the page was
 * redirected (to the sign-in page, say), because then the scores would be for the wrong page.
 * @param {string} url
 * @param {string | undefined} cookie
 * @param {string} reportFile where the full JSON report is written
 */
export async function lighthouseRun(url, cookie, reportFile) {
	const userDataDir = mkdtempSync(join(tmpdir(), 'harbour-lighthouse-'));
	const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless', ...OFFLINE_FLAGS], userDataDir, logLevel: 'silent' });
	try {
		/** @type {import('lighthouse').RunnerResult | undefined} */
		let result;
		// On this busy box Lighthouse now and then loses the trace (NO_NAVSTART): try again, twice.
		for (let attempt = 1; attempt <= 3; attempt++) {
			result = await lighthouse(url, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: [...CATEGORIES],
				...(cookie ? { extraHeaders: { cookie } } : {})
			});
			const error = result?.lhr.runtimeError;
			if (!error || !['NO_NAVSTART', 'NO_TRACING_STARTED'].includes(error.code) || attempt === 3) break;
			process.stdout.write(`(${new URL(url).pathname}: ${error.code}, again)`);
		}
		if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
		const { lhr } = result;
		mkdirSync(join(reportFile, '..'), { recursive: true });
		writeFileSync(reportFile, typeof result.report === 'string' ? result.report : JSON.stringify(lhr));
		// Signed out, /me answers 303 to the sign-in page; Lighthouse then ends there (once here, on
		// a chrome-error://chromewebdata/ interstitial instead). Either way the scores are not our page's.
		const landed = new URL(lhr.mainDocumentUrl ?? lhr.finalDisplayedUrl);
		if (landed.href !== new URL(url).href) {
			throw new Error(`Lighthouse did not stay on ${url}: it ended on ${landed.href}${lhr.runtimeError ? ` (${lhr.runtimeError.code})` : ''}. Not signed in? Report: ${reportFile}`);
		}
		if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);

		/** @type {Record<string, number>} */
		const scores = {};
		for (const id of CATEGORIES) scores[id] = Math.round((lhr.categories[id]?.score ?? 0) * 100);
		const metric = (/** @type {string} */ id) => lhr.audits[id]?.numericValue ?? NaN;
		// Why a category is below its budget: its scored audits that did not pass.
		/** @type {string[]} */
		const failing = [];
		for (const id of CATEGORIES) {
			if ((scores[id] ?? 0) >= BUDGET[id]) continue;
			for (const ref of lhr.categories[id]?.auditRefs ?? []) {
				const audit = lhr.audits[ref.id];
				if (!audit || audit.score === null || audit.score >= (id === 'performance' ? 0.9 : 1)) continue;
				if (audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'manual') continue;
				failing.push(`${id}: ${ref.id} (score ${audit.score.toFixed(2)}, weight ${ref.weight}${audit.displayValue ? `, ${audit.displayValue}` : ''})`);
			}
		}
		return {
			url,
			finalUrl: landed.href,
			scores,
			fcp: metric('first-contentful-paint'),
			lcp: metric('largest-contentful-paint'),
			tbt: metric('total-blocking-time'),
			cls: metric('cumulative-layout-shift'),
			failing,
			warnings: lhr.runWarnings,
			reportFile
		};
	} finally {
		chrome.kill();
		rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
	}
}

/** True when every score meets design.md's budget. @param {Record<string, number>} scores */
export const meetsBudget = (scores) => CATEGORIES.every((id) => (scores[id] ?? 0) >= BUDGET[id]);

/**
 * Asks Chromium itself whether the app can be installed (Lighthouse 12 dropped its PWA category
 * and the installable-manifest audit, so it has no such artifact any more): opens `path` signed
 * in, waits until the service worker controls the page, then reads Page.getInstallabilityErrors
 * and Page.getAppManifest over CDP.
 * @param {string} origin
 * @param {string} path
 * @param {string | undefined} cookie  "name=value"
 */
export async function installability(origin, path, cookie) {
	// A persistent (if throwaway) profile: Playwright's ordinary contexts are off the record, and
	// Chromium never installs from those (it answers "in-incognito").
	const userDataDir = mkdtempSync(join(tmpdir(), 'harbour-install-'));
	const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: OFFLINE_FLAGS });
	try {
		if (cookie) {
			const [name = '', value = ''] = cookie.split(/=(.*)/s);
			await context.addCookies([{ name, value, url: origin }]);
		}
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(new URL(path, origin).href);
		if (new URL(page.url()).pathname !== path) throw new Error(`Installability check was redirected from ${path} to ${page.url()}`);
		// The app registers its service worker once hydrated; then a reload puts the page under it.
		const registered = await page.evaluate(() => Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]));
		if (registered) await page.reload();
		const controlled = registered
			? await page
					.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL, null, { timeout: 10_000 })
					.then((handle) => handle.jsonValue())
					.catch(() => null)
			: null;
		const cdp = await page.context().newCDPSession(page);
		const { installabilityErrors } = /** @type {{ installabilityErrors: { errorId: string, errorArguments: { name: string, value: string }[] }[] }} */ (
			await cdp.send('Page.getInstallabilityErrors')
		);
		const manifest = /** @type {{ url: string, errors: { message: string, critical: number }[], data?: string }} */ (await cdp.send('Page.getAppManifest'));
		return {
			page: page.url(),
			serviceWorker: controlled,
			manifestUrl: manifest.url,
			manifestErrors: manifest.errors.map((e) => `${e.critical ? 'critical: ' : ''}${e.message}`),
			errors: installabilityErrors.map((e) => [e.errorId, ...e.errorArguments.map((a) => `${a.name}=${a.value}`)].join(' ')),
			installable: Boolean(controlled) && installabilityErrors.length === 0 && manifest.errors.length === 0 && Boolean(manifest.data)
		};
	} finally {
		await context.close();
		rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
	}
}
