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

const MAILBOX = `http://127.0.0.1:${process.env.E2E_MAILBOX_PORT ?? 4176}/`;
type Mail = { to: string[]; subject: string; text: string };
const mailbox = async (): Promise<Mail[]> => (await (await fetch(MAILBOX)).json()) as Mail[];
/** Leah's sign-in email: given when she joins (finding 12.13); the database is fresh for each run. */
const LEAH_EMAIL = 'leah.morris@example.org';

async function signInWithPassword(page: Page, email: string, password: string) {
	await openPage(page, '/sign-in');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('finding 12.13: a young person who joins with a password gives an email, signs in with it, and sees who looked at their record (finding 12.1: one live join link; 12.4: recovery by her own email, refused in a staff browser, undone from the notice)', async ({ page }) => {
	test.setTimeout(120_000);
	await signInAs(page, PERSONAS.otherAdviser);
	await page.getByRole('link', { name: /Leah Morris/ }).click();
	// Leah joins in the first project to run; in the others she already has an account, so her PA
	// makes a recovery link instead (the lost-phone path), sent to the email she gave when joining.
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Leah Morris');
	const recovery = await page.getByRole('button', { name: 'Make a recovery link' }).isVisible();
	if (!recovery) {
		await page.getByRole('button', { name: 'Make an invitation link' }).click();
		const older = (await page.getByTestId('invitation-link').getAttribute('href')) ?? '';
		// Finding 12.1: a second link cancels the first, and the PA is told.
		await page.getByRole('button', { name: 'Make an invitation link' }).click();
		await expect(page.getByTestId('older-links-cancelled')).toHaveText('The older link for them no longer works.');
		await expect(page.getByRole('img', { name: 'QR code of the invitation link' })).toBeVisible();
		const link = (await page.getByTestId('invitation-link').getAttribute('href')) ?? '';
		expect(link).not.toBe(older);
		await signOut(page);
		await openPage(page, older);
		await expect(page.getByTestId('invite-problem')).toHaveText('This link was cancelled.');

		await openPage(page, link);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Harbour, Leah');
		// Finding 12.13: a password needs an email address to sign in with.
		await page.getByLabel('New password', { exact: true }).fill('leah likes the seaside');
		await page.getByLabel('Type the new password again').fill('leah likes the seaside');
		await page.getByRole('button', { name: 'Save password and continue' }).click();
		await expect(page.getByRole('link', { name: 'Enter your email address' })).toBeVisible();
		await page.getByLabel('Email address').fill(LEAH_EMAIL);
		await page.getByLabel('New password', { exact: true }).fill('leah likes the seaside');
		await page.getByLabel('Type the new password again').fill('leah likes the seaside');
		await page.getByRole('button', { name: 'Save password and continue' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Leah');
		await signOut(page);
		await signInWithPassword(page, LEAH_EMAIL, 'leah likes the seaside');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Leah');
	} else {
		// Finding 12.4: by email to her own address; the PA never sees the link.
		const before = (await mailbox()).length;
		await page.getByLabel(/Email it to their own address \(l••••@example\.org\)/).check();
		await page.getByRole('button', { name: 'Make a recovery link' }).click();
		await expect(page.getByText('We emailed a recovery link to Leah at l••••@example.org')).toBeVisible();
		await expect(page.getByTestId('invitation-link')).toHaveCount(0);
		const sent = (await mailbox()).slice(before).find((m) => m.to.includes(LEAH_EMAIL));
		const link = /\/invite\/[a-z2-7]{32}/.exec(sent?.text ?? '')?.[0] ?? '';
		expect(link).not.toBe('');
		// Opened in the PA's own browser, it is refused.
		await openPage(page, link);
		await expect(page.getByTestId('invite-problem')).toContainText('It does not work while someone else is signed in on this browser.');
		await signOut(page);

		await openPage(page, link);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get back into Harbour, Leah');
		await page.getByLabel('New password', { exact: true }).fill('leah got a new phone');
		await page.getByLabel('Type the new password again').fill('leah got a new phone');
		await page.getByRole('button', { name: 'Save password and continue' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Leah');
		// She is told by email, with a link to undo it.
		const notice = (await mailbox()).slice(before).find((m) => m.to.includes(LEAH_EMAIL) && m.subject === 'Your Harbour sign-in was reset');
		const undo = /\/recovery\/undo\/[a-z2-7]{32}/.exec(notice?.text ?? '')?.[0] ?? '';
		expect(undo).not.toBe('');
		await signOut(page);
		await openPage(page, undo);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Was this not you?');
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Undo it: this was not me' }).click();
		await expect(page.getByTestId('undo-state')).toContainText('Done. The recovery was undone');
		// The recovery's password no longer works; her own does.
		await signInWithPassword(page, LEAH_EMAIL, 'leah got a new phone');
		await expect(page.getByRole('link', { name: 'The email address or password is not right' })).toBeVisible();
		await signInWithPassword(page, LEAH_EMAIL, 'leah likes the seaside');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Leah');
	}
	await page.goto('/me/activity');
	await expect(page.getByText(`${PERSONAS.otherAdviser} (personal adviser) looked at your record`).first()).toBeVisible();
	await expectAccessible(page);
});

test('finding 12.4: a covering PA cannot make a recovery link', async ({ page }) => {
	// Chris covers Dan (who has an account) this fortnight.
	await signInAs(page, PERSONAS.otherAdviser);
	await page.getByRole('link', { name: /Daniel Okafor/ }).first().click();
	await expect(page.getByTestId('recovery-not-cover')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Make a recovery link' })).toHaveCount(0);
	const response = await page.request.post(`${page.url().split('?')[0]}?/recover`, { form: { delivery: 'in_person' }, headers: { origin: new URL(page.url()).origin, accept: 'text/html' }, maxRedirects: 0 });
	expect(response.status()).toBe(403);
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
