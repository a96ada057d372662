import { expect, test } from '@playwright/test';
import { expectAccessible, PERSONAS, signInAs } from './support';

test('a young person reaches "What I can get" in one tap from home and reads it in plain words', async ({ page }, testInfo) => {
	await signInAs(page, PERSONAS.youngPerson);
	await page.getByRole('link', { name: 'What I can get' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('What I can get');
	const now = page.locator('[data-entitlement="setting_up_home"]');
	await expect(now).toContainText('Setting up home allowance · £3,000');
	await expect(now).toContainText('like a bed, a cooker or curtains');
	await expect(page.getByRole('heading', { name: 'You can get these now' })).toBeVisible();
	await expect(page.locator('[data-entitlement="pa_support"]')).toContainText('until you are 21');
	await expect(page.getByRole('heading', { name: 'If things change' })).toBeVisible();
	await expect(page.locator('[data-entitlement="apprenticeship_bursary"]')).toContainText('If you start an apprenticeship before you are 25');
	await expectAccessible(page);
	await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-what-i-can-get.png`, fullPage: true });
});
