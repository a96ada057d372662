import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openPage, PERSONAS, projectUsesJs, signInAs, signOut } from './support';

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** Priya (manager) invites someone; returns the one-time link shown on the page. */
async function managerInvites(page: Page, role: 'Personal adviser' | 'Mentor or befriender', name: string, email: string): Promise<string> {
	await signInAs(page, PERSONAS.manager);
	await openPage(page, '/manage/people');
	await page.getByLabel(role === 'Personal adviser' ? 'personal adviser' : 'mentor or befriender', { exact: true }).check();
	await page.getByLabel('Full name').fill(name);
	await page.getByLabel('Work email address').fill(email);
	await page.getByRole('button', { name: 'Make invitation' }).click();
	const link = await page.getByTestId('invitation-link').getAttribute('href');
	expect(link).toMatch(/\/invite\/[a-z2-7]{32}$/);
	await expectAccessible(page);
	await signOut(page);
	return link ?? '';
}

test('invitation → password → sign out → sign in with the password', async ({ page }, testInfo) => {
	const email = `mentor-${unique()}@example.org`;
	const link = await managerInvites(page, 'Mentor or befriender', 'Robin Lee', email);
	await openPage(page, link);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Harbour, Robin Lee');
	await expectAccessible(page);

	// A common password is refused, with the reason, and nothing is lost.
	await page.getByLabel('New password', { exact: true }).fill('password123');
	await page.getByLabel('Type the new password again').fill('password123');
	await page.getByRole('button', { name: 'Save password and continue' }).click();
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.getByRole('link', { name: /Lots of people use this password/ })).toBeVisible();

	await page.getByLabel('New password', { exact: true }).fill('robin walks the long way');
	await page.getByLabel('Type the new password again').fill('robin walks the long way');
	await page.getByRole('button', { name: 'Save password and continue' }).click();
	await expect(page).toHaveURL(/\/mentees\?welcome=1$/);
	await signOut(page);

	// The link works once.
	await openPage(page, link);
	await expect(page.getByTestId('invite-problem')).toHaveText('This link has already been used. Each link works once.');

	await openPage(page, '/sign-in');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill('not my password');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page.getByRole('link', { name: 'The email address or password is not right' })).toBeVisible();
	await expect(page.getByLabel('Email address')).toHaveValue(email);
	// The server never sends a password back (with JavaScript the browser keeps what is in the box).
	if (!projectUsesJs(testInfo)) await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
	await expectAccessible(page);

	await page.getByLabel('Password', { exact: true }).fill('robin walks the long way');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page).toHaveURL(/\/mentees$/);
	await page.goto('/account');
	await expect(page.getByText('A password was set for your account')).toBeVisible();
	await expectAccessible(page);
});

test('invitation → passkey → sign out → sign in with the passkey', async ({ page }, testInfo) => {
	test.skip(!projectUsesJs(testInfo), 'passkeys need JavaScript; the password path covers no-JS');
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('WebAuthn.enable');
	await cdp.send('WebAuthn.addVirtualAuthenticator', {
		options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true }
	});

	const link = await managerInvites(page, 'Personal adviser', 'Alex Kim', `pa-${unique()}@example.org`);
	await openPage(page, link);
	await page.getByRole('button', { name: 'Set up a passkey on this phone' }).click();
	await expect(page).toHaveURL(/\/caseload\?welcome=1$/);
	await page.goto('/account');
	await expect(page.getByText('My phone', { exact: true })).toBeVisible();
	await signOut(page);

	await openPage(page, '/sign-in');
	await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
	await expect(page).toHaveURL(/\/caseload$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your caseload');
});

test('a PA invites a young person on their caseload, who joins and sees who looked at their record', async ({ page }) => {
	await signInAs(page, PERSONAS.otherAdviser);
	await page.getByRole('link', { name: /Leah Morris/ }).click();
	// Leah joins in the first project to run; in the others she already has an account, so her PA
	// makes a recovery link instead (the lost-phone path).
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Leah Morris');
	const recovery = await page.getByRole('button', { name: 'Make a recovery link' }).isVisible();
	await page.getByRole('button', { name: recovery ? 'Make a recovery link' : 'Make an invitation link' }).click();
	await expect(page.getByRole('img', { name: 'QR code of the invitation link' })).toBeVisible();
	const link = (await page.getByTestId('invitation-link').getAttribute('href')) ?? '';
	await signOut(page);

	await openPage(page, link);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(recovery ? 'Get back into Harbour, Leah' : 'Welcome to Harbour, Leah');
	await page.getByLabel('New password', { exact: true }).fill('leah likes the seaside');
	await page.getByLabel('Type the new password again').fill('leah likes the seaside');
	await page.getByRole('button', { name: 'Save password and continue' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Leah');
	await page.goto('/me/activity');
	await expect(page.getByText(`${PERSONAS.otherAdviser} (personal adviser) looked at your record`).first()).toBeVisible();
	await expectAccessible(page);
});

test('a forged, used or cancelled invitation makes no account and says why', async ({ page }) => {
	await page.goto('/invite/forgedforgedforgedforgedforgedfo');
	await expect(page.getByTestId('invite-problem')).toHaveText('We do not recognise this link. Check you copied all of it.');
	const response = await page.goto('/invite/%3Cscript%3E');
	expect(response?.status()).toBe(200);
	await expect(page.getByTestId('invite-problem')).toBeVisible();

	await signInAs(page, PERSONAS.manager);
	await openPage(page, '/manage/people');
	await page.getByLabel('mentor or befriender', { exact: true }).check();
	await page.getByLabel('Full name').fill('Sky Patel');
	await page.getByLabel('Work email address').fill(`sky-${unique()}@example.org`);
	await page.getByRole('button', { name: 'Make invitation' }).click();
	const link = (await page.getByTestId('invitation-link').getAttribute('href')) ?? '';
	await page.getByRole('button', { name: 'Cancel invitation for Sky Patel' }).first().click();
	await expect(page.getByText('The invitation was cancelled')).toBeVisible();
	await signOut(page);
	await openPage(page, link);
	await expect(page.getByTestId('invite-problem')).toHaveText('This link was cancelled.');
});

test('the 11th rapid failed sign-in from one address is throttled, with a plain message', async ({ page }, testInfo) => {
	// A fresh address for this run, so no other test shares its count.
	await page.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${(testInfo.project.name.length * 7 + testInfo.retry * 3 + (Date.now() % 50)) % 250}` });
	for (let i = 1; i <= 11; i++) {
		await openPage(page, '/sign-in');
		await page.getByLabel('Email address').fill(`nobody${i}@example.org`);
		await page.getByLabel('Password', { exact: true }).fill('wrong password');
		await page.getByRole('button', { name: 'Sign in', exact: true }).click();
		const summary = page.getByTestId('error-summary');
		if (i <= 10) await expect(summary, `attempt ${i}`).toContainText('The email address or password is not right');
		else await expect(summary).toContainText(/Too many tries\. You can try again at \d{1,2}:\d{2}(am|pm)/);
	}
});
