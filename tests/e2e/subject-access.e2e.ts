import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectAccessible, openPage, PERSONAS, signInAs, signOut } from './support';

/**
 * Issue 12, finding 2, end to end without JavaScript: a young person asks for a full copy of their
 * record; the manager sees the clock, makes the copy, withholds a note with a reason and sends it;
 * the young person downloads it. Once per run (it changes shared state), in the no-JS laptop project.
 */
test('finding 12.2: a full copy is asked for, reviewed with a recorded redaction, sent and downloaded', async ({ page }, testInfo) => {
	test.skip(testInfo.project.name !== 'laptop-nojs', 'one run: it changes what the other projects would see');
	test.setTimeout(120_000);
	await signInAs(page, PERSONAS.youngPerson);
	await openPage(page, '/account');
	await page.getByRole('link', { name: 'Ask for a full copy of your record' }).click();
	const ask = page.getByRole('button', { name: 'Ask for my full copy' });
	// The authorization matrix may have recorded one for her already in this run: one open request at a time.
	if (await ask.isVisible()) {
		await ask.click();
		await expect(page.getByText(/We have your request\. We will send your copy by/)).toBeVisible();
	}
	await expect(page.getByText(/We will send it by/)).toBeVisible();
	await signOut(page);

	await signInAs(page, PERSONAS.manager);
	await expect(page.locator('#subject-access-clock')).toContainText(/days left/);
	await page.getByRole('link', { name: 'See the requests' }).click();
	await page.getByRole('table').getByRole('link', { name: 'Amira' }).first().click();
	await page.getByRole('button', { name: 'Make the copy' }).click();
	await expect(page.getByRole('heading', { name: 'Read these before sending' })).toBeVisible();
	// Withhold the first note: without a reason it is refused, and what was typed is kept.
	const first = page.locator('.govuk-summary-card').filter({ has: page.locator('details') }).first();
	await first.locator('summary').click();
	await first.getByLabel(/Say why/).fill('Names another young person');
	await first.getByRole('button', { name: 'Withhold this' }).click();
	const again = page.locator('.govuk-summary-card').filter({ hasText: 'Choose why it must be withheld' });
	await expect(again.getByLabel(/Say why/)).toHaveValue('Names another young person');
	await again.getByLabel('Why it must be withheld').selectOption('third_party');
	await again.getByRole('button', { name: 'Withhold this' }).click();
	await expect(page.getByText(/It is about someone else: Names another young person \(Priya Shah/)).toBeVisible();
	await page.getByRole('button', { name: 'Send the copy' }).click();
	await expect(page.getByText(/^Sent /)).toBeVisible();
	await signOut(page);

	await signInAs(page, PERSONAS.youngPerson);
	await openPage(page, '/account/data/reviewed');
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download it to read' }).first().click();
	const html = await readFile((await (await download).path())!, 'utf8');
	expect(html).toContain('[withheld: third_party]');
	expect(html).toContain('Priya Shah');
	expect(html).not.toContain('Names another young person');
});

test('finding 12.2: the new subject access pages are accessible', async ({ page }, testInfo) => {
	test.skip(testInfo.project.name !== 'laptop-js', 'axe runs with JavaScript');
	test.setTimeout(90_000);
	await signInAs(page, PERSONAS.youngPerson);
	await openPage(page, '/account/data/reviewed');
	await expectAccessible(page);
	await signOut(page);
	await signInAs(page, PERSONAS.manager);
	await openPage(page, '/manage/exports');
	await expectAccessible(page);
});
