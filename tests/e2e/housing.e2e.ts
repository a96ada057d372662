import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openPage, PERSONAS, signInAs, signOut, openRecord } from './support';

const MAILBOX = `http://127.0.0.1:${process.env.E2E_MAILBOX_PORT ?? 4176}/`;
type Mail = { to: string[]; subject: string; text: string };
const mailbox = async (): Promise<Mail[]> => (await (await fetch(MAILBOX)).json()) as Mail[];

async function fillToday(page: Page, id: string) {
	const now = new Date();
	await page.locator(`#${id}-day`).fill(String(now.getDate()));
	await page.locator(`#${id}-month`).fill(String(now.getMonth() + 1));
	await page.locator(`#${id}-year`).fill(String(now.getFullYear()));
}

test("a young person says they've been asked to leave; their PA is emailed, sees it first, acknowledges it and records the duty to refer", async ({ page }, testInfo) => {
	const note = `Landlord wants the room back (${testInfo.project.name})`;
	await signInAs(page, PERSONAS.youngPerson);

	// Three taps from home: the link, what is happening, send.
	await page.getByRole('link', { name: 'Worried about your home? Tell your PA' }).click();
	await expect(page.getByTestId('emergency-contacts')).toBeVisible();
	await page.getByRole('radio', { name: "I've been asked to leave or got a notice" }).check();
	await page.getByLabel('Anything else you want to say (optional)').fill(note);
	const sent = mailbox();
	await page.getByRole('button', { name: 'Tell my PA now' }).click();
	await expect(page.getByTestId('flag-status')).toContainText('Your PA has been told.');
	const flagId = /\/me\/housing\/([a-z2-7]{16})/.exec(page.url())?.[1] ?? '';
	expect(flagId).toMatch(/^[a-z2-7]{16}$/);
	await expectAccessible(page);
	await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-housing-raised.png`, fullPage: true });

	// The email reached a real SMTP server during that request: no details, a link to the flag.
	const before = (await sent).length;
	const mail = (await mailbox()).slice(before).find((m) => m.text.includes(flagId));
	expect(mail?.to).toEqual(['sam@demo.harbour.test']);
	expect(mail?.subject).toBe('A housing worry for Amira');
	expect(mail?.text).not.toContain('Landlord');
	await signOut(page);

	// The PA: housing worries come first on the caseload, this one marked as not yet acknowledged.
	await signInAs(page, PERSONAS.adviser);
	const first = page.getByRole('heading', { level: 2 }).first();
	await expect(first).toHaveText('Housing worries');
	const card = page.getByTestId('housing-flags').locator('li').filter({ has: page.locator(`a[href$="/housing/${flagId}"]`) });
	await expect(card).toContainText('Not yet acknowledged');
	await card.getByRole('link').click();
	await expect(page.getByTestId('clocks')).toContainText('Acknowledge within 5 working days');
	await expect(page.getByTestId('clocks')).toContainText('56 days: threatened with homelessness');
	await expect(page.getByTestId('clocks')).toContainText('Refer now: the duty to refer starts the day you know');
	await page.getByRole('button', { name: 'Acknowledge: I have seen this' }).click();
	await expect(page.getByTestId('flag-status')).toContainText('Being sorted');

	// Duty to refer: a referral date without consent is refused, with what was typed kept.
	await page.getByLabel('Housing authority').fill('Harbourside Council housing options');
	await fillToday(page, 'referredOn');
	await page.getByRole('radio', { name: 'No', exact: true }).check();
	await page.getByRole('button', { name: 'Save duty to refer' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('A referral needs their consent first');
	await expect(page.getByLabel('Housing authority')).toHaveValue('Harbourside Council housing options');
	await page.getByRole('radio', { name: 'Yes', exact: true }).check();
	await fillToday(page, 'consentOn');
	await page.getByRole('button', { name: 'Save duty to refer' }).click();
	await expect(page.getByTestId('referrals')).toContainText('Harbourside Council housing options');
	await expect(page.getByTestId('clocks')).toContainText('Duty to refer done');
	await expectAccessible(page);
	await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-housing-pa.png`, fullPage: true });
	await signOut(page);

	// The young person sees the status change in plain words.
	await signInAs(page, PERSONAS.youngPerson);
	await openPage(page, `/me/housing/${flagId}`);
	await expect(page.getByTestId('flag-status')).toContainText('Your PA has seen this and is working on it with you.');
	await expect(page.getByText('Referred to the housing team')).toBeVisible();
});

test('the mentor can raise a worry for their mentee; the PA records a move, and an ACCOM code DfE does not allow is refused', async ({ page }) => {
	await signInAs(page, PERSONAS.mentor);
	await page.getByRole('link', { name: "Worried about Amira's home? Tell their PA" }).click();
	await page.getByRole('button', { name: 'Tell their PA now' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('Choose what is happening');
	await page.getByRole('radio', { name: 'Repairs or problems with the place' }).check();
	await page.getByRole('button', { name: 'Tell their PA now' }).click();
	await expect(page.getByText("Amira's PA has been told.")).toBeVisible();
	await signOut(page);

	await signInAs(page, PERSONAS.adviser);
	await openRecord(page, 'Amira');
	await page.getByRole('link', { name: 'Home and housing' }).click();
	await page.getByText('Record a move').click();
	await page.getByRole('textbox', { name: 'ACCOM code' }).fill('S1');
	await fillToday(page, 'from');
	await page.getByRole('button', { name: 'Add to history' }).click();
	await expect(page.getByTestId('error-summary')).toContainText('No fixed abode and custody are never suitable: use S2 or X2');
	await expect(page.getByRole('textbox', { name: 'ACCOM code' })).toHaveValue('S1');
	await page.getByRole('textbox', { name: 'ACCOM code' }).fill('U1');
	await page.getByRole('button', { name: 'Add to history' }).click();
	await expect(page.getByRole('table', { name: /Accommodation history/ })).toContainText('U1 · Independent living');
	await expectAccessible(page);
});

test('finding 12.12: a mentor is told Amira will see their note; a staff-only note reaches the PA and never Amira', async ({ page }) => {
	await signInAs(page, PERSONAS.mentor);
	await page.getByRole('link', { name: "Worried about Amira's home? Tell their PA" }).click();
	await expect(page.getByText('Amira will see this note, word for word')).toBeVisible();
	await page.getByRole('radio', { name: 'I need to move' }).check();
	await page.getByRole('textbox', { name: 'A note Amira will see (optional)' }).fill('Amira says the damp is making her ill');
	await page.getByRole('textbox', { name: 'A note only for staff (optional)' }).fill('Her ex-partner has been turning up at night');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Tell their PA now' }).click();
	await expect(page.getByText("Amira's PA has been told.")).toBeVisible();
	await signOut(page);

	await signInAs(page, PERSONAS.adviser);
	await openRecord(page, 'Amira');
	await page.getByRole('link', { name: 'Home and housing' }).click();
	await page.getByRole('link', { name: /I need to move/ }).first().click();
	await expect(page.getByText('Her ex-partner has been turning up at night')).toBeVisible();
	await expect(page.getByText('Note only for staff')).toBeVisible();
	await signOut(page);

	await signInAs(page, PERSONAS.youngPerson);
	await page.goto('/me/housing');
	await page.getByRole('link', { name: /I need to move/ }).first().click();
	await expect(page.getByText('Amira says the damp is making her ill')).toBeVisible();
	await expect(page.locator('main')).not.toContainText('ex-partner');
});
