import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectAccessible, PERSONAS, signInAs, signOut, openRecord } from './support';

test('a PA records a contact: a future date is refused with everything kept, then it is saved and listed', async ({ page }, testInfo) => {
	const note = `Talked about college (${testInfo.project.name})`;
	await signInAs(page, PERSONAS.adviser);
	await openRecord(page, 'Amira');
	await page.getByText('Record a contact').click();
	const next = new Date(Date.now() + 3 * 86_400_000);
	await page.locator('#on-day').fill(String(next.getDate()));
	await page.locator('#on-month').fill(String(next.getMonth() + 1));
	await page.locator('#on-year').fill(String(next.getFullYear()));
	await page.getByRole('radio', { name: 'Phone call' }).check();
	await page.getByRole('radio', { name: 'Yes', exact: true }).check();
	await page.getByLabel('Note (optional)').fill(note);
	await page.getByRole('button', { name: 'Save contact' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('The date must be today or in the past');
	await expect(page.getByLabel('Note (optional)')).toHaveValue(note);
	await expect(page.getByRole('radio', { name: 'Phone call' })).toBeChecked();
	for (const part of ['day', 'month', 'year']) await page.locator(`#on-${part}`).fill('');
	await page.getByRole('button', { name: 'Save contact' }).click();
	await expect(page.getByText('Contact saved.')).toBeVisible();
	await expect(page.getByRole('table', { name: /contacts/i }).getByRole('row').nth(1)).toContainText('Phone call');
	await expectAccessible(page);
});

test('a young person checks in on their phone in under a minute, and sees how things have changed', async ({ page }, testInfo) => {
	await signInAs(page, PERSONAS.youngPerson);
	await page.getByRole('link', { name: 'How are things? Check in' }).click();
	const areas = ['Where I live', 'My health', 'People in my life', 'Things I do for fun', 'Money', 'Work and learning', 'Looking after myself', 'Feeling like me'];
	// One area missed: asked for, and the other answers kept.
	for (const area of areas.slice(0, 7)) await page.getByRole('group', { name: area }).getByRole('radio', { name: '4' }).check();
	await page.getByRole('button', { name: 'Send my check-in' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('Choose a number from 1 to 5');
	await expect(page.getByRole('group', { name: 'Where I live' }).getByRole('radio', { name: '4' })).toBeChecked();
	await page.getByRole('group', { name: 'Feeling like me' }).getByRole('radio', { name: '3' }).check();
	await page.getByRole('button', { name: 'Send my check-in' }).click();
	await expect(page.getByText('Thanks for checking in.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'How things have changed' })).toBeVisible();
	await expect(page.getByRole('img', { name: /^Where I live, oldest to newest: .*4$/ })).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-check-in.png`, fullPage: true });
});

test('a PA sees their day ranked with why and a way to act; a manager sees the indicators and downloads the CSV', async ({ page }, testInfo) => {
	await signInAs(page, PERSONAS.adviser);
	await page.getByRole('link', { name: 'Today' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
	const items = page.getByTestId('today').locator('li');
	expect(await items.count()).toBeGreaterThan(0);
	await expect(items.first().getByRole('link')).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	await signInAs(page, PERSONAS.manager);
	await page.getByRole('link', { name: 'DfE indicators' }).first().click();
	await expect(page.getByRole('table', { name: 'By age at the birthday' })).toContainText('All ages');
	await expectAccessible(page);
	if (testInfo.project.name.endsWith('-js')) {
		const download = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Download the return as CSV (DfE columns)' }).click();
		const file = await (await download).path();
		const text = await readFile(file, 'utf8');
		expect(text.split('\r\n')[0]).toBe('CHILD,DOB,AGE,IN_TOUCH,ACTIV,ACCOM');
		expect(text.split('\r\n').length).toBeGreaterThan(3);
	} else {
		const response = await page.request.get('/manage/indicators/export');
		expect(response.headers()['content-type']).toContain('text/csv');
		expect((await response.text()).startsWith('CHILD,DOB,AGE,IN_TOUCH,ACTIV,ACCOM')).toBe(true);
	}
});
