import { expect, test } from '@playwright/test';
import { openPage, PERSONAS, projectUsesJs, signInAs } from './support';

// Installable, as Chromium itself decides it (Lighthouse 12 no longer has a PWA category). JavaScript
// only, like offline.e2e.ts: without it there is no service worker.
test.beforeEach(({ baseURL: _b }, testInfo) => test.skip(!projectUsesJs(testInfo), 'service workers need JavaScript'));

// Playwright's usual browser contexts are off the record, and Chromium never installs from those
// (it answers "in-incognito"); so this test opens a real, throwaway profile, as a phone would have.
test('Chromium finds no installability errors once the service worker controls the page', async ({ playwright, launchOptions, baseURL }, testInfo) => {
	const { viewport, isMobile, hasTouch, deviceScaleFactor, locale, timezoneId, extraHTTPHeaders } = testInfo.project.use;
	const context = await playwright.chromium.launchPersistentContext(testInfo.outputPath('profile'), {
		...launchOptions,
		baseURL,
		viewport,
		isMobile,
		hasTouch,
		deviceScaleFactor,
		locale,
		timezoneId,
		extraHTTPHeaders
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await signInAs(page, PERSONAS.youngPerson);
		await openPage(page, '/me');
		await page.evaluate(async () => void (await navigator.serviceWorker.ready));
		await page.reload();
		await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(/\/service-worker\.js$/);

		const cdp = await page.context().newCDPSession(page);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors.map((e) => [e.errorId, ...e.errorArguments.map((a) => `${a.name}=${a.value}`)].join(' '))).toEqual([]);

		const manifest = await cdp.send('Page.getAppManifest');
		expect(new URL(manifest.url).pathname).toBe('/manifest.webmanifest');
		expect(manifest.errors.map((e) => e.message)).toEqual([]);
		const data = JSON.parse(manifest.data ?? 'null') as { start_url: string; scope: string; display: string } | null;
		expect(data).toMatchObject({ scope: '/', display: 'standalone' });
		// The start URL must be inside the scope, or Chromium would not offer to install.
		expect(new URL(data?.start_url ?? '', manifest.url).pathname.startsWith('/')).toBe(true);
		await cdp.detach();
	} finally {
		await context.close();
	}
});

// The install hint. Chromium only fires `beforeinstallprompt` outside private contexts and when it
// decides to, so the test plays the browser's part with the same event, and checks what Harbour does.
test('offers to add Harbour to the home screen on a phone, once', async ({ page }, testInfo) => {
	test.skip(!testInfo.project.name.startsWith('phone'), 'the hint is for phones');
	await signInAs(page, PERSONAS.youngPerson);
	await openPage(page, '/me');
	await page.evaluate(async () => void (await navigator.serviceWorker.ready));
	const fire = () =>
		page.evaluate(() => {
			const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
				prompt: async () => void ((window as unknown as { prompted: number }).prompted = ((window as unknown as { prompted?: number }).prompted ?? 0) + 1)
			});
			dispatchEvent(event);
			return event.defaultPrevented;
		});
	// Harbour takes the event (so the browser's own bar does not pop up) and shows its own hint.
	await expect.poll(fire).toBe(true);
	const hint = page.getByTestId('install-hint');
	await expect(hint).toContainText('Add Harbour to your home screen');
	await hint.getByRole('button', { name: 'Add to home screen' }).click();
	expect(await page.evaluate(() => (window as unknown as { prompted?: number }).prompted)).toBe(1);
	await expect(hint).toHaveCount(0);
	// Not offered again on this device.
	await openPage(page, '/me');
	await page.evaluate(async () => void (await navigator.serviceWorker.ready));
	expect(await fire()).toBe(false);
	await expect(page.getByTestId('install-hint')).toHaveCount(0);
});
