import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';

export const PERSONAS = {
	youngPerson: 'Amira',
	youngPerson2: 'Dan',
	adviser: 'Sam Taylor',
	otherAdviser: 'Chris Evans',
	mentor: 'Jo Bennett',
	manager: 'Priya Shah'
} as const;

/**
 * Opens a page and, with JavaScript on, waits until Svelte has taken over the page, so typing is
 * not lost to hydration (a person is slower than a test; a test must not be).
 */
export async function openPage(page: Page, url: string): Promise<void> {
	await page.goto(url);
	if (projectUsesJs(test.info())) await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Signs in through the demo picker, the way a person trying the demo would. */
export async function signInAs(page: Page, name: string, options: { ownDevice?: boolean } = {}): Promise<void> {
	await openPage(page, '/demo');
	if (options.ownDevice) await page.getByLabel('This is my own phone').check();
	await page.getByRole('button', { name: `Sign in as ${name}` }).click();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await expect(page).toHaveURL(/\/$/);
}

/**
 * WCAG 2.2 A and AA, as axe checks them; the page must have no violations at all. axe runs as a
 * script inside the page, so it runs in the JavaScript projects; the no-JavaScript projects walk
 * the same pages, whose server-rendered markup is the same.
 */
export async function expectAccessible(page: Page): Promise<void> {
	if (test.info().project.use.javaScriptEnabled === false) return;
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export function projectUsesJs(testInfo: TestInfo): boolean {
	return testInfo.project.use.javaScriptEnabled !== false;
}

export function isPhone(testInfo: TestInfo): boolean {
	return testInfo.project.name.startsWith('phone');
}

/** From the PA's caseload, opens a young person's record (the table row, not a worry about them). */
export async function openRecord(page: Page, name: string): Promise<void> {
	await openPage(page, '/caseload');
	await page.getByRole('table', { name: /^Young people you support/ }).getByRole('link', { name: new RegExp(`^${name}`) }).first().click();
}
