import { expect, test } from '@playwright/test';
import { expectAccessible, openPage, PERSONAS, projectUsesJs, signInAs, signOut } from './support';

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

const pounds = (text: string | null) => Math.round(Number((text ?? '').replace(/[£,]/g, '')) * 100);

test('the young person asks for £240 for a bed; their PA agrees and pays; both see the new balance', async ({ page }, testInfo) => {
	// Several sign-ins and pages in one story: more than the default 30 seconds on a busy machine.
	test.setTimeout(120_000);
	const item = `A bed (${testInfo.project.name})`;
	await signInAs(page, PERSONAS.youngPerson);
	await page.getByRole('link', { name: 'My money' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My money');
	const pot = page.locator('[data-pot="setting_up_home"]');
	await expect(pot).toContainText('Cooker');
	const before = pounds(await pot.getByTestId('left').textContent());
	expect(before).toBeGreaterThan(24_000);

	// Bad input first: a third decimal place is explained, and what was typed is kept.
	await page.getByRole('radio', { name: 'Setting up home allowance' }).check();
	await page.getByLabel('How much?').fill('240.505');
	await page.getByLabel('What is it for?').fill(item);
	await page.getByRole('button', { name: 'Send to my personal adviser' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('no more than 2 numbers after the point');
	await expect(page.getByLabel('How much?')).toHaveValue('240.505');
	await expect(page.getByLabel('What is it for?')).toHaveValue(item);
	await expect(page).toHaveTitle(/^Error:/);

	await page.getByLabel('How much?').fill('240');
	await page.getByRole('button', { name: 'Send to my personal adviser' }).click();
	await expect(page.getByText(`You asked for £240 for ${item}`)).toBeVisible();
	await expect(page.locator('[data-request]').filter({ hasText: item })).toContainText('Waiting for your personal adviser');
	await expectAccessible(page);
	await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-my-money.png`, fullPage: true });
	await signOut(page);

	// The PA sees it waiting on their caseload, agrees it, then records the payment.
	await signInAs(page, PERSONAS.adviser);
	await page.getByTestId('asks-waiting').getByRole('link', { name: 'Amira' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Money and entitlements');
	const ask = page.locator('[data-request]').filter({ hasText: item });
	await ask.getByRole('button', { name: 'Agree £240' }).click();
	await expect(page.getByText('Saved', { exact: true })).toBeVisible();
	await page.locator('[data-request]').filter({ hasText: item }).getByRole('button', { name: 'Record payment of £240' }).click();
	await expect(page.getByText(/Payment recorded\. £[\d,.]+ left\./)).toBeVisible();
	expect(pounds(await page.getByTestId('left-setting_up_home').textContent())).toBe(before - 24_000);
	await expectAccessible(page);
	await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-pa-money-panel.png`, fullPage: true });
	await signOut(page);

	// The young person sees the same balance, and what it paid for.
	await signInAs(page, PERSONAS.youngPerson);
	await openPage(page, '/me/money');
	expect(pounds(await page.locator('[data-pot="setting_up_home"]').getByTestId('left').textContent())).toBe(before - 24_000);
	await expect(page.locator('[data-pot="setting_up_home"]')).toContainText(item);
	await expect(page.locator('[data-request]').filter({ hasText: item })).toContainText('Paid');
});

test('asking for more than is left says how much is left; "Dates that matter" lists the birthdays', async ({ page }) => {
	await signInAs(page, PERSONAS.youngPerson);
	await openPage(page, '/me/money');
	await page.getByRole('radio', { name: 'Setting up home allowance' }).check();
	await page.getByLabel('How much?').fill('99999');
	await page.getByLabel('What is it for?').fill('Everything');
	await page.getByRole('button', { name: 'Send to my personal adviser' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('That is more than you have left. You can ask for up to £');
	await expect(page.getByLabel('How much?')).toHaveValue('99999');
	await page.getByRole('link', { name: 'Home' }).first().click();
	await page.getByRole('link', { name: 'Dates that matter' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dates that matter');
	await expect(page.getByText('Your 21st birthday')).toBeVisible();
	await expect(page.getByText('Your 25th birthday')).toBeVisible();
	await expectAccessible(page);
});

test('a manager adds a local offer item, edits it into version 2, and the young person sees it', async ({ page }, testInfo) => {
	const title = `Gym pass ${testInfo.project.name}`;
	await signInAs(page, PERSONAS.manager);
	await openPage(page, '/manage/local-offer');
	await page.getByLabel('Name').fill(title);
	await page.getByRole('button', { name: 'Add to the local offer' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('Say what it is');
	await expect(page.getByLabel('Name')).toHaveValue(title);
	await page.getByLabel('What it is').fill('A free pass to council gyms.');
	await page.getByLabel('Day', { exact: true }).first().fill('1');
	await page.getByLabel('Month', { exact: true }).first().fill('4');
	await page.getByLabel('Year', { exact: true }).first().fill('2026');
	await page.getByRole('button', { name: 'Add to the local offer' }).click();
	await expect(page.getByText('Saved as version 1.')).toBeVisible();
	await page.getByLabel('What it is').fill('A free pass to council gyms and pools.');
	await page.getByRole('button', { name: 'Save as a new version' }).click();
	await expect(page.getByText('Saved as version 2.')).toBeVisible();
	await expect(page.getByRole('table', { name: 'Every version' }).getByRole('row')).toHaveCount(3);
	await expectAccessible(page);
	await signOut(page);
	await signInAs(page, PERSONAS.youngPerson);
	await openPage(page, '/me/entitlements');
	await expect(page.locator('[data-local-offer]').filter({ hasText: title })).toContainText('gyms and pools');
});

test('a 17-year-old still in care who asks for the setting up home allowance is told why not yet, and who to talk to', async ({ page }) => {
	await signInAs(page, PERSONAS.youngPerson2);
	await openPage(page, '/me/money');
	await page.getByRole('radio', { name: 'Setting up home allowance' }).check();
	await page.getByLabel('How much?').fill('100');
	await page.getByLabel('What is it for?').fill('A desk');
	await page.getByRole('button', { name: 'Send to my personal adviser' }).click();
	const summary = page.getByTestId('error-summary');
	await expect(summary).toContainText('You cannot ask for this yet.');
	await expect(summary).toContainText('You can ask from');
	await expect(summary).toContainText(/Talk to (Sam Taylor|Chris Evans) about it\./);
	await expect(page.getByLabel('What is it for?')).toHaveValue('A desk');
	await expectAccessible(page);
});

test('an ask is recorded once: reloading the result page, or sending the same form again, does not ask twice (issue 13.1)', async ({ page }, testInfo) => {
	// Several sign-ins and pages in one story: more than the default 30 seconds on a busy machine.
	test.setTimeout(120_000);
	const item = `Bus pass (${testInfo.project.name})`;
	await signInAs(page, PERSONAS.youngPerson);
	await openPage(page, '/me/money');
	await page.getByRole('radio', { name: 'Setting up home allowance' }).check();
	// A £0 ask is refused with a field error (issue 12.9), and what was typed is kept.
	await page.getByLabel('How much?').fill('0.00');
	await page.getByLabel('What is it for?').fill(item);
	await page.getByRole('button', { name: 'Send to my personal adviser' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('Enter an amount more than £0');
	await expect(page.getByLabel('How much?')).toHaveValue('0.00');
	const operation = await page.locator('input[name="operation"]').inputValue();
	await page.getByLabel('How much?').fill('1.23');
	await page.getByRole('button', { name: 'Send to my personal adviser' }).click();
	await expect(page.getByText(`You asked for £1.23 for ${item}`)).toBeVisible();
	await expect(page).toHaveURL(/\/me\/money\?asked=/);
	const asks = page.locator('[data-request]').filter({ hasText: item });
	await expect(asks).toHaveCount(1);
	// Pull-to-refresh on the result page: a GET after the 303, so nothing is sent again.
	await page.reload();
	await expect(page.getByText(`You asked for £1.23 for ${item}`)).toBeVisible();
	await expect(asks).toHaveCount(1);
	// The same form sent again (same operation id): counted once, and answered with the same result page.
	const again = await page.request.post('/me/money?/ask', { form: { source: 'setting_up_home', amount: '1.23', item, operation }, headers: { origin: new URL(page.url()).origin, accept: 'text/html' }, maxRedirects: 0 });
	expect(again.status()).toBe(303);
	// The same operation id with different content: 409 and nothing written.
	const changed = await page.request.post('/me/money?/ask', { form: { source: 'setting_up_home', amount: '9.99', item, operation }, headers: { origin: new URL(page.url()).origin, accept: 'text/html' }, maxRedirects: 0 });
	expect(changed.status()).toBe(409);
	await page.reload();
	await expect(asks).toHaveCount(1);
	if (projectUsesJs(testInfo)) await expectAccessible(page);
});

test('a payment over the approval limit waits for a manager; once she confirms, the young person sees it (issue 13.3)', async ({ page }, testInfo) => {
	// Several sign-ins and pages in one story: more than the default 30 seconds on a busy machine.
	test.setTimeout(120_000);
	const title = `Bike fund ${testInfo.project.name}`;
	const item = `Bike and lock (${testInfo.project.name})`;
	// A local offer pot of its own, so each project's £600 comes out of its own £1,000.
	await signInAs(page, PERSONAS.manager);
	await openPage(page, '/manage/local-offer');
	await page.getByLabel('Name').fill(title);
	await page.getByLabel('What it is').fill('Help to buy a bike for getting to work or college.');
	await page.getByLabel('Amount (optional)').fill('1000');
	await page.getByLabel('Day', { exact: true }).first().fill('1');
	await page.getByLabel('Month', { exact: true }).first().fill('4');
	await page.getByLabel('Year', { exact: true }).first().fill('2026');
	await page.getByRole('button', { name: 'Add to the local offer' }).click();
	await expect(page.getByText('Saved as version 1.')).toBeVisible();
	await signOut(page);

	await signInAs(page, PERSONAS.adviser);
	await openPage(page, '/caseload');
	await page.getByRole('link', { name: 'Amira Haddad' }).first().click();
	await expect(page).toHaveURL(/\/caseload\/[a-z2-7]{16}$/);
	await openPage(page, `${new URL(page.url()).pathname}/entitlements`);
	await page.getByText('Record a payment (for example a bursary instalment)').click();
	await page.getByRole('radio', { name: title, exact: true }).check();
	await page.locator('#amount').fill('600');
	await page.getByLabel('What for').fill(item);
	await page.getByRole('button', { name: 'Record payment', exact: true }).click();
	await expect(page.getByText('a manager must confirm it. No money has moved yet.')).toBeVisible();
	await expect(page.getByTestId('pending')).toContainText(item);
	const row = page.getByRole('row').filter({ hasText: title });
	await expect(row).toContainText('£1,000');
	await expect(row.locator('td').last()).toHaveText('£1,000');
	if (projectUsesJs(testInfo)) await expectAccessible(page);
	await signOut(page);

	await signInAs(page, PERSONAS.manager);
	await openPage(page, '/manage/money');
	const waiting = page.locator('[data-pending]').filter({ hasText: item });
	await expect(waiting).toContainText('over the £500 limit');
	await expect(waiting).toContainText('Recorded by Sam Taylor');
	if (projectUsesJs(testInfo)) await expectAccessible(page);
	await waiting.getByRole('button', { name: 'Confirm £600' }).click();
	await expect(page.getByText('Confirmed. The money has moved')).toBeVisible();
	await expect(page.locator('[data-pending]').filter({ hasText: item })).toHaveCount(0);
	await signOut(page);

	await signInAs(page, PERSONAS.youngPerson);
	await openPage(page, '/me/money');
	const pot = page.locator('[data-pot]').filter({ hasText: title });
	await expect(pot.getByTestId('left')).toHaveText('£400');
	await expect(pot).toContainText(item);
});

test('a manager sets the approval limit (field error outside £0 to £100,000) and downloads the payments CSV', async ({ page }, testInfo) => {
	// Several sign-ins and pages in one story: more than the default 30 seconds on a busy machine.
	test.setTimeout(120_000);
	await signInAs(page, PERSONAS.manager);
	await openPage(page, '/manage/money/settings');
	await page.getByLabel('New limit').fill('100000.01');
	await page.getByRole('button', { name: 'Save the limit' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('Enter a limit from £0 to £100,000');
	await expect(page.getByLabel('New limit')).toHaveValue('100000.01');
	await page.getByLabel('New limit').fill('-5');
	await page.getByRole('button', { name: 'Save the limit' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('Enter a limit from £0 to £100,000');
	await page.getByLabel('Setting up home allowance').fill('=SUM(A1)');
	await page.getByRole('button', { name: 'Save the cost codes' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('A cost code can have letters');
	await page.getByLabel('Setting up home allowance').fill('LC 4410');
	await page.getByRole('button', { name: 'Save the cost codes' }).click();
	await expect(page.getByText('Saved', { exact: true })).toBeVisible();
	if (projectUsesJs(testInfo)) await expectAccessible(page);

	await openPage(page, '/manage/money/export');
	await page.getByLabel('Day', { exact: true }).first().fill('1');
	await page.getByLabel('Month', { exact: true }).first().fill('1');
	await page.getByLabel('Year', { exact: true }).first().fill('2020');
	await page.getByLabel('Day', { exact: true }).nth(1).fill('31');
	await page.getByLabel('Month', { exact: true }).nth(1).fill('12');
	await page.getByLabel('Year', { exact: true }).nth(1).fill('2030');
	await page.getByRole('button', { name: 'Show payments' }).click();
	await expect(page.getByTestId('export-count')).toContainText('payments and corrections');
	if (projectUsesJs(testInfo)) await expectAccessible(page);
	const href = await page.getByRole('link', { name: 'Download the CSV file' }).getAttribute('href');
	const csv = await page.request.get(href ?? '');
	expect(csv.headers()['content-type']).toContain('text/csv');
	const lines = (await csv.text()).trim().split('\r\n');
	expect(lines[0]).toBe('entry_id,date,type,amount_gbp,cost_code,entitlement,item,description,payee,payee_id,recorded_by,approved_by,request_id,corrects_entry_id,override_reason');
	expect(lines.length).toBeGreaterThan(1);
	expect(lines.slice(1).every((l) => /^\d+,\d{4}-\d{2}-\d{2},(payment|correction_back|correction_off),\d+\.\d{2},/.test(l))).toBe(true);
	expect(lines.some((l) => l.includes(',LC 4410,setting_up_home,'))).toBe(true);
});
