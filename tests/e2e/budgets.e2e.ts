import { expect, test } from '@playwright/test';
import { demoSessionCookie, pageWeight } from '../../src/bin/page-weight.js';

// design.md §6: the young person's home must arrive in one round trip on a cheap phone.
// Bytes are deterministic, so the budget is a test; speed is measured by `npm run bench`.
test.beforeEach(({ baseURL: _b }, testInfo) => test.skip(testInfo.project.name !== 'laptop-js', 'runs once'));

test("the young person's home stays within its byte budget", async ({ baseURL }) => {
	const origin = baseURL ?? '';
	const cookie = await demoSessionCookie(origin, 'amira@demo.harbour.test');
	const home = await pageWeight(origin, '/me', { cookie });
	console.log(`/me: HTML ${home.htmlRaw} B raw, ${home.htmlGzip} B gzip; CSS ${home.cssRaw} B raw, ${home.cssGzip} B gzip (cached after the first page); JS ${home.jsFiles} files, ${home.jsRaw} B raw, ${home.jsGzip} B gzip`);
	// HTML and the whole stylesheet together, so the first view is within budget even uncached.
	expect(home.htmlGzip + home.cssGzip, 'HTML + CSS, gzip').toBeLessThanOrEqual(14 * 1024);
	expect(home.jsGzip, 'JavaScript on first load, gzip').toBeLessThanOrEqual(45 * 1024);
	const front = await pageWeight(origin, '/');
	expect(front.htmlGzip + front.cssGzip).toBeLessThanOrEqual(14 * 1024);
	expect(front.jsGzip).toBeLessThanOrEqual(45 * 1024);
});
