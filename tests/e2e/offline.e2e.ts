import { expect, test } from '@playwright/test';
import { openPage, PERSONAS, projectUsesJs, signInAs, signOut } from './support';

// The installable app and its service worker (issue 8, first part). JavaScript only: without it
// there is no service worker, and every page simply comes from the server.
test.beforeEach(({ baseURL: _b }, testInfo) => test.skip(!projectUsesJs(testInfo), 'service workers need JavaScript'));

/** Every URL held in Cache Storage on this device. */
const cachedUrls = (page: import('@playwright/test').Page) =>
	page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
		return urls;
	});

test('installs as an app, opens an offline page without signal, and never stores a page with personal data', async ({ page, context }) => {
	const manifest = await page.request.get('/manifest.webmanifest');
	expect(manifest.ok()).toBe(true);
	const app = (await manifest.json()) as { display: string; icons: { sizes: string; purpose: string }[]; start_url: string };
	expect(app.display).toBe('standalone');
	expect(app.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable')).toBe(true);
	expect(app.icons.some((i) => i.sizes === '192x192' && i.purpose === 'any')).toBe(true);

	await signInAs(page, PERSONAS.youngPerson);
	await page.evaluate(async () => void (await navigator.serviceWorker.ready));
	await openPage(page, '/me/money');
	await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
	await expect(page.getByRole('link', { name: '999' })).toBeVisible();
	await context.setOffline(false);
	// Once Harbour can be reached again, the offline page brings the page back by itself.
	await expect(page.getByRole('heading', { name: 'You are offline' })).toHaveCount(0, { timeout: 10_000 });
	await expect(page).toHaveURL(/\/me\/money$/);

	// Only the app's own code, styles, icons and the offline page: no page, no page data.
	const urls = await cachedUrls(page);
	expect(urls.length).toBeGreaterThan(0);
	expect(urls.filter((u) => !/^\/(_app\/immutable\/|icons\/|manifest\.webmanifest$|offline\.(html|js)$|favicon\.svg$)/.test(u))).toEqual([]);

	await openPage(page, '/me');
	await signOut(page);
	expect((await cachedUrls(page)).filter((u) => u.startsWith('/me') || u.endsWith('__data.json'))).toEqual([]);
});
