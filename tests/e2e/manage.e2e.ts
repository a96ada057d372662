import { expect, test } from '@playwright/test';
import { expectAccessible, PERSONAS, signInAs, signOut, openPage } from './support';

test('a manager sets cover: a wrong date is explained, what was typed is kept, and the PA gets access', async ({ page }) => {
	test.setTimeout(60_000);
	await signInAs(page, PERSONAS.manager);
	await openPage(page, '/manage/young-people');
	await page.getByLabel('Name').fill('ar');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();
	// Someone who is not one of the demo people (other tests rely on their relationships).
	const personas = ['Amira Haddad', 'Daniel Okafor', 'Leah Morris', 'Maya Green', 'Tom Walsh'];
	const names = (await page.getByRole('main').getByRole('listitem').getByRole('link').allTextContents()).filter((n) => !personas.includes(n));
	const name = names[test.info().project.name.length % names.length] ?? '';
	await page.getByRole('link', { name, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	await expectAccessible(page);
	// Cover by a PA who is not already their main PA (Harbour refuses that, with a reason).
	const history = page.getByRole('table', { name: 'Personal advisers over time' });
	const mainIsChris = await history.getByRole('row').filter({ hasText: 'Now' }).filter({ hasText: PERSONAS.otherAdviser }).count();
	const coverBy = mainIsChris ? PERSONAS.adviser : PERSONAS.otherAdviser;

	const cover = page.locator('form[action="?/cover"]');
	await cover.getByLabel(coverBy).check();
	const from = cover.getByRole('group', { name: /Cover starts/ });
	await from.getByLabel('Day').fill('31');
	await from.getByLabel('Month').fill('2');
	await from.getByLabel('Year').fill('2030');
	await cover.getByLabel('Reason (optional)').fill('Sam on leave');
	await page.getByRole('button', { name: 'Save cover' }).click();
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.getByTestId('error-summary')).toContainText('Enter a real date, like 27 3 2027');
	await expect(page.getByTestId('error-summary')).toContainText('Enter a date');
	await expect(from.getByLabel('Day')).toHaveValue('31');
	await expect(cover.getByLabel('Reason (optional)')).toHaveValue('Sam on leave');
	await expectAccessible(page);

	const today = new Date();
	const later = new Date(Date.now() + 10 * 86_400_000);
	await from.getByLabel('Day').fill(String(today.getDate()));
	await from.getByLabel('Month').fill(String(today.getMonth() + 1));
	await from.getByLabel('Year').fill(String(today.getFullYear()));
	const to = cover.getByRole('group', { name: /Cover ends/ });
	await to.getByLabel('Day').fill(String(later.getDate()));
	await to.getByLabel('Month').fill(String(later.getMonth() + 1));
	await to.getByLabel('Year').fill(String(later.getFullYear()));
	await cover.getByLabel(coverBy).check();
	await page.getByRole('button', { name: 'Save cover' }).click();
	await expect(page.getByText('Saved', { exact: true })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Personal advisers over time' })).toContainText('Cover');

	await page.goto('/manage/audit?action=young_person.set_cover');
	await expect(page.getByRole('table')).toContainText('young_person.set_cover');
	await expectAccessible(page);
	await page.goto('/manage/audit?from=yesterday');
	await expect(page.getByTestId('error-summary')).toContainText('Enter the date as YYYY-MM-DD');
	await page.goto('/manage/people');
	await page.getByRole('link', { name: PERSONAS.mentor }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(PERSONAS.mentor);
	await expectAccessible(page);
	await signOut(page);

	// The covering PA now has them on their caseload.
	await signInAs(page, coverBy);
	await expect(page.getByRole('table')).toContainText(name);
});
