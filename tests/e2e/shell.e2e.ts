import { expect, test } from '@playwright/test';
import { expectAccessible, isPhone, PERSONAS, signInAs, signOut } from './support';

test.describe('public pages', () => {
	test('the front door explains Harbour and offers the demo sign-in', async ({ page }) => {
		await page.goto('/');
		await expect(page).toHaveTitle('Welcome – Harbour');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Harbour: support after care');
		await expect(page.getByText('Demo: everyone here is made up.')).toBeVisible();
		await expectAccessible(page);
	});

	test('the skip link takes keyboard users to the content', async ({ page }) => {
		await page.goto('/help');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to main content' });
		await expect(skip).toBeFocused();
		await skip.press('Enter');
		await expect(page).toHaveURL(/#main-content$/);
	});

	test('help, status, language and demo pages are accessible', async ({ page }) => {
		for (const [path, heading] of [
			['/help', 'Get help'],
			['/status', 'Harbour status'],
			['/language', 'Choose your language'],
			['/demo', 'Try Harbour with a demo account']
		] as const) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
			await expectAccessible(page);
		}
	});

	test('an unknown page gets the friendly not-found page, with nothing leaked', async ({ page }) => {
		const response = await page.goto('/no-such-page');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(page.locator('body')).not.toContainText(/Error:|stack|at \//);
		await expectAccessible(page);
	});
});

test.describe('the young person', () => {
	test('sees their home with their PA, in English and in Arabic', async ({ page }, testInfo) => {
		await signInAs(page, PERSONAS.youngPerson);
		await expect(page).toHaveURL(/\/me$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Amira');
		await expect(page.getByText(PERSONAS.adviser)).toBeVisible();
		const nav = page.getByRole('navigation', { name: 'Main menu' });
		await expect(nav.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
		if (isPhone(testInfo)) {
			// Phone-first: the menu sits at the bottom of the screen.
			const box = await nav.boundingBox();
			expect(box && box.y + box.height).toBeGreaterThan(800);
		}
		await expectAccessible(page);
		await page.screenshot({ path: testInfo.outputPath(`young-person-home-en.png`), fullPage: true });
		await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-young-person-home-en.png` });

		await page.getByRole('button', { name: /العربية/ }).click();
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('مرحباً، Amira');
		await expectAccessible(page);
		await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-young-person-home-ar.png` });

		await page.getByRole('button', { name: /English/ }).click();
		await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
		await signOut(page);
	});

	test('cannot open staff pages', async ({ page }) => {
		await signInAs(page, PERSONAS.youngPerson);
		for (const path of ['/caseload', '/manage', '/mentees']) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(404);
		}
	});
});

test.describe('staff and mentors', () => {
	test('a PA sees their caseload and opens a young person', async ({ page }, testInfo) => {
		await signInAs(page, PERSONAS.adviser);
		await expect(page).toHaveURL(/\/caseload$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your caseload');
		await expectAccessible(page);
		await page.getByRole('link', { name: /Amira Haddad/ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Amira Haddad');
		await expect(page.getByText('Came to the UK alone to seek asylum')).toBeVisible();
		await expectAccessible(page);
		await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-pa-person.png`, fullPage: true });
	});

	test("a PA cannot open someone else's young person", async ({ page }) => {
		await signInAs(page, PERSONAS.adviser);
		await page.goto('/caseload');
		const href = await page.getByRole('link', { name: /Amira Haddad/ }).getAttribute('href');
		await signOut(page);
		await signInAs(page, PERSONAS.otherAdviser);
		const response = await page.goto(href ?? '/');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		expect((await page.goto('/caseload/aaaaaaaaaaaaaaaa'))?.status()).toBe(404);
	});

	test('a mentor sees their matches page and a manager the service', async ({ page }) => {
		await signInAs(page, PERSONAS.mentor);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('My mentees');
		await expectAccessible(page);
		await signOut(page);
		await signInAs(page, PERSONAS.manager);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your service');
		await expect(page.getByRole('table', { name: 'Largest caseloads' })).toContainText(PERSONAS.adviser);
		await expectAccessible(page);
	});

	test('signing out ends the session', async ({ page }) => {
		await signInAs(page, PERSONAS.adviser);
		await signOut(page);
		await page.goto('/caseload');
		await expect(page).toHaveURL(/\/\?returnTo=%2Fcaseload$/);
	});
});
