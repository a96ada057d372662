import { expect, request, test } from '@playwright/test';
import { createECDH, randomBytes } from 'node:crypto';
import { ORIGIN } from '../playwright.config';
import { expectAccessible, isPhone, openPage, PERSONAS, projectUsesJs, signInAs, signOut } from './support';

test("the PA sees a young person's housing worry in their notifications, marks them read, and the young person hears back", async ({ page }, testInfo) => {
	// Amira says she has been asked to leave.
	await signInAs(page, PERSONAS.youngPerson);
	await page.getByRole('link', { name: 'Worried about your home? Tell your PA' }).click();
	await page.getByRole('radio', { name: "I've been asked to leave or got a notice" }).check();
	await page.getByRole('button', { name: 'Tell my PA now' }).click();
	await expect(page.getByTestId('flag-status')).toContainText('Your PA has been told.');
	const flagId = /\/me\/housing\/([a-z2-7]{16})/.exec(page.url())?.[1] ?? '';
	expect(flagId).toMatch(/^[a-z2-7]{16}$/);
	await signOut(page);

	// Sam: the unread count is in the navigation (drawn by the server, so with or without JavaScript).
	await signInAs(page, PERSONAS.adviser);
	const nav = page.getByRole('navigation', { name: 'Main menu' });
	const link = nav.getByRole('link', { name: /^Notifications \d+ new$/ });
	await expect(link).toBeVisible();
	await expect(nav.getByTestId('unread-count')).toHaveText(/^\d+$/);
	await link.click();
	await expect(page).toHaveURL(/\/notifications$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notifications');
	const item = page.getByTestId('notifications').locator('li').filter({ has: page.locator(`a[href$="/housing/${flagId}"]`) });
	await expect(item).toContainText('Amira has raised a housing worry. Open it to acknowledge it.');
	await expect(item).toContainText('New');
	await expectAccessible(page);
	await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-notifications.png`, fullPage: true });

	// Mark all as read: a form, so it works without JavaScript too.
	await page.getByRole('button', { name: 'Mark all as read' }).click();
	await expect(page.getByText(/^Marked \d+ as read$/)).toBeVisible();
	await expect(item).not.toContainText('New');
	await expect(nav.getByTestId('unread-count')).toHaveCount(0);
	await expect(page.getByText('You have read everything here.')).toBeVisible();
	await expectAccessible(page);

	// The notification leads to the worry; acknowledging it tells Amira.
	await item.getByRole('link').click();
	await expect(page.getByTestId('clocks')).toBeVisible();
	await page.getByRole('button', { name: 'Acknowledge: I have seen this' }).click();
	await expect(page.getByTestId('flag-status')).toContainText('Being sorted');
	await signOut(page);

	await signInAs(page, PERSONAS.youngPerson);
	await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: /^Notifications/ }).click();
	const reply = page.getByTestId('notifications').locator('li').filter({ has: page.locator(`a[href="/me/housing/${flagId}"]`) });
	await expect(reply.first()).toContainText('Your PA has seen your message about your home and is on it.');
	await expectAccessible(page);
	if (isPhone(testInfo)) await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-notifications-young-person.png`, fullPage: true });
	await signOut(page);
});

test('the account page offers alerts on this phone with JavaScript, and says what to expect without it', async ({ page }, testInfo) => {
	await signInAs(page, PERSONAS.youngPerson);
	await openPage(page, '/account');
	const alerts = page.getByTestId('alerts');
	await expect(alerts.getByRole('heading', { name: 'Alerts on this phone' })).toBeVisible();
	await expect(alerts.getByRole('link', { name: 'Notifications' })).toHaveAttribute('href', '/notifications');
	if (projectUsesJs(testInfo)) {
		await expect(alerts.getByRole('button', { name: 'Turn on alerts' })).toBeVisible();
		await expect(alerts.getByTestId('alerts-status')).toHaveText('Alerts are off for this phone.');
	} else {
		await expect(alerts.getByTestId('alerts-status')).toHaveText('Alerts need JavaScript turned on in your browser.');
		await expect(alerts.getByRole('button')).toHaveCount(0);
	}
	await expectAccessible(page);
	await alerts.evaluate((el) => el.scrollIntoView({ block: 'start' }));
	await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-account-alerts.png` });
	await signOut(page);
});

test('turning alerts on and off over HTTP: own device only, validated, 401 for nobody', async ({ page }, testInfo) => {
	test.skip(testInfo.project.name !== 'laptop-js', 'runs once');
	await signInAs(page, PERSONAS.adviser);
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const subscription = {
		endpoint: `https://fcm.googleapis.com/fcm/send/e2e-${randomBytes(8).toString('hex')}`,
		expirationTime: null,
		keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') }
	};
	const headers = { origin: ORIGIN, 'content-type': 'application/json' };
	expect((await page.request.post('/account/push', { headers, data: JSON.stringify(subscription) })).status()).toBe(200);
	// A local address or a made-up field is refused.
	expect((await page.request.post('/account/push', { headers, data: JSON.stringify({ ...subscription, endpoint: 'https://127.0.0.1:9/x' }) })).status()).toBe(400);
	expect((await page.request.post('/account/push', { headers, data: JSON.stringify({ ...subscription, userId: 'someone' }) })).status()).toBe(400);
	const off = await page.request.delete('/account/push', { headers, data: JSON.stringify({ endpoint: subscription.endpoint }) });
	expect(await off.json()).toEqual({ alerts: 'off', removed: 1 });

	const nobody = await request.newContext({ baseURL: ORIGIN });
	const anonymous = await nobody.post('/account/push', { headers, data: JSON.stringify(subscription), maxRedirects: 0 });
	expect(anonymous.status()).toBe(401);
	expect(await anonymous.json()).toEqual({ error: 'sign_in' });
	// Cross-site: refused before anything else looks at it.
	expect((await nobody.post('/account/push', { headers: { ...headers, origin: 'https://evil.example' }, data: '{}' })).status()).toBe(403);
	await nobody.dispose();
});
