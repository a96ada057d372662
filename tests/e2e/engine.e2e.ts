import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { expectAccessible, openPage, openRecord, PERSONAS, signInAs, signOut } from './support';

// Issue 13 item 7: an impossible date stored in the database (a birth date of 30 February) shows
// staff a plain "this date needs fixing", and no page fails, for the PA or the young person.
// Issue 13 items 5 and 9: the PA record shows the move-in day and the needs assessment clock.
const DB = resolve(process.env.E2E_DATABASE_PATH ?? 'data/e2e.db');

function withBirthDate<T>(fullName: string, date: string, run: () => Promise<T>): Promise<T> {
	const sqlite = new Database(DB);
	const before = sqlite.prepare('select date_of_birth from young_person where full_name = ?').pluck().get(fullName) as string;
	sqlite.prepare('update young_person set date_of_birth = ? where full_name = ?').run(date, fullName);
	return run().finally(() => {
		sqlite.prepare('update young_person set date_of_birth = ? where full_name = ?').run(before, fullName);
		sqlite.close();
	});
}

test('a person row with birth date 2007-02-30: the PA record says the date needs fixing, and the young person\'s pages do not fail', async ({ page }) => {
	await withBirthDate('Amira Haddad', '2007-02-30', async () => {
		await signInAs(page, PERSONAS.adviser);
		await openRecord(page, PERSONAS.youngPerson);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Amira Haddad');
		await expect(page.getByTestId('dates-need-fixing')).toContainText('A date on this record needs fixing');
		await expect(page.getByTestId('dates-need-fixing')).toContainText('Date of birth');
		await expect(page.getByText('2007-02-30: this date needs fixing')).toBeVisible();
		await expectAccessible(page);
		for (const path of ['/today', '/caseload']) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(200);
		}
		await expect(page.getByRole('table', { name: /^Young people you support/ })).toContainText('date of birth needs fixing');
		await signOut(page);

		await signInAs(page, PERSONAS.youngPerson);
		for (const path of ['/me', '/me/entitlements', '/me/dates', '/me/money']) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(200);
		}
		await openPage(page, '/me/entitlements');
		await expect(page.getByTestId('needs-checking')).toContainText('needs to check a date on your record');
	});
});

test('the PA record shows the day the young person moved into their first home, and the setting up home allowance for that day', async ({ page }) => {
	await signInAs(page, PERSONAS.adviser);
	await openRecord(page, PERSONAS.youngPerson);
	await expect(page.locator('.govuk-summary-list')).toContainText('Moved into first home on');
	await expect(page.getByTestId('setting-up-home')).toContainText('Setting up home allowance: £3,000. This is the amount for moving into a first home on');
});

test('R1 and the status check: a 17-year-old in care with no needs assessment is on Today and the record; a recorded status that disagrees is shown with both', async ({ page }) => {
	const sqlite = new Database(DB);
	const columns = 'legal_status, date_of_birth, weeks_looked_after_since_14, looked_after_on_16th_birthday, left_care_on, needs_assessment_completed_on';
	const before = sqlite.prepare(`select ${columns} from young_person where full_name = 'Daniel Okafor'`).get() as Record<string, unknown>;
	// 17, still looked after, 16 more than 3 months ago, recorded (wrongly) as a qualifying care leaver.
	const sixteenth = new Date(Date.now() - 400 * 86_400_000);
	const dob = `${sixteenth.getUTCFullYear() - 16}-${String(sixteenth.getUTCMonth() + 1).padStart(2, '0')}-10`;
	sqlite.prepare(`update young_person set legal_status = 'qualifying', date_of_birth = ?, weeks_looked_after_since_14 = 60, looked_after_on_16th_birthday = 1, left_care_on = null, needs_assessment_completed_on = null where full_name = 'Daniel Okafor'`).run(dob);
	try {
		await signInAs(page, PERSONAS.adviser);
		await openPage(page, '/today');
		await expect(page.getByTestId('today')).toContainText(/Needs assessment overdue by \d+ days/);
		await openRecord(page, PERSONAS.youngPerson2);
		await expect(page.getByTestId('needs-assessment')).toContainText(/Overdue: it was due by/);
		await expect(page.getByTestId('status-disagrees')).toContainText('The record says: Qualifying. The care history says: Eligible.');
		await expect(page.getByTestId('status-disagrees')).toContainText('Until then Harbour uses Eligible');
		await expectAccessible(page);
	} finally {
		sqlite.prepare(`update young_person set legal_status = ?, date_of_birth = ?, weeks_looked_after_since_14 = ?, looked_after_on_16th_birthday = ?, left_care_on = ?, needs_assessment_completed_on = ? where full_name = 'Daniel Okafor'`).run(...Object.values(before));
		sqlite.close();
	}
});

test('issue 13 items 5 and 9: a PA records the move-in day on the record, and the allowance follows it', async ({ page }, testInfo) => {
	const sqlite = new Database(DB);
	const before = sqlite.prepare(`select moved_into_first_home_on as moved, needs_assessment_completed_on as assessed from young_person where full_name = 'Amira Haddad'`).get() as { moved: string | null; assessed: string | null };
	try {
		await signInAs(page, PERSONAS.adviser);
		await openRecord(page, PERSONAS.youngPerson);
		await page.getByRole('link', { name: 'Change dates on the record' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Dates on the record');
		await expectAccessible(page);
		const moved = page.getByRole('group', { name: 'Moved into first home on' });
		await moved.getByLabel('Day').fill('30');
		await moved.getByLabel('Month').fill('2');
		await moved.getByLabel('Year').fill('2024');
		await page.getByRole('button', { name: 'Save dates' }).click();
		await expect(page.getByTestId('error-summary')).toContainText('Enter a real date');
		await expect(moved.getByLabel('Day')).toHaveValue('30');
		await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-record-dates-error.png`, fullPage: true });
		await moved.getByLabel('Day').fill('1');
		await moved.getByLabel('Month').fill('3');
		await moved.getByLabel('Year').fill('2023');
		await page.getByRole('button', { name: 'Save dates' }).click();
		await expect(page).toHaveURL(/\/caseload\/[a-z2-7]{16}\?saved=dates$/);
		await expect(page.getByText('The dates are saved')).toBeVisible();
		await expect(page.getByTestId('setting-up-home')).toContainText('£2,000');
		await expect(page.getByTestId('setting-up-home')).toContainText('1 March 2023');
	} finally {
		sqlite.prepare(`update young_person set moved_into_first_home_on = ?, needs_assessment_completed_on = ? where full_name = 'Amira Haddad'`).run(before.moved, before.assessed);
		sqlite.close();
	}
});
