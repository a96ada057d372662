import { expect, test } from '@playwright/test';

// Request-level checks: they do not depend on the browser, so they run in one project only.
test.beforeEach(({ baseURL: _baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'laptop-js', 'request-level checks run once');
});

test('every page carries the security headers and a strict CSP', async ({ request }) => {
	for (const path of ['/', '/help', '/status', '/demo', '/no-such-page']) {
		const response = await request.get(path);
		const h = response.headers();
		const csp = h['content-security-policy'] ?? '';
		expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+'/);
		expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
		expect(csp).toContain("object-src 'none'");
		expect(csp).toContain("base-uri 'none'");
		expect(csp).toContain("frame-ancestors 'none'");
		expect(h['cache-control']).toBe('private, no-store');
		expect(h['x-content-type-options']).toBe('nosniff');
		expect(h['referrer-policy']).toBe('same-origin');
		expect(h['permissions-policy']).toContain('camera=()');
		expect(h['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
		expect(h['x-powered-by']).toBeUndefined();
		expect(h['strict-transport-security']).toBeUndefined(); // plain http here; set over https
	}
});

test('pages are sent compressed', async ({ request }) => {
	const response = await request.get('/help', { headers: { 'accept-encoding': 'gzip' } });
	expect(response.headers()['content-encoding']).toBe('gzip');
});

test('cross-site writes are refused whatever their content type', async ({ request, baseURL }) => {
	for (const type of ['application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
		const response = await request.post('/language', {
			headers: { origin: 'https://evil.example', 'content-type': type },
			data: type === 'application/json' ? '{"locale":"ar"}' : 'locale=ar'
		});
		expect(response.status(), type).toBe(403);
	}
	const unexpected = await request.post('/language', {
		headers: { origin: baseURL ?? '', 'content-type': 'application/xml' },
		data: '<locale>ar</locale>'
	});
	expect(unexpected.status()).toBe(415);
});

test('malformed requests get 400, never 500', async ({ request, baseURL }) => {
	expect((await request.get('/%E0%A4%A')).status()).toBe(400);
	const garbled = await request.post('/language', {
		headers: { origin: baseURL ?? '', 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		data: '%%%=&&locale=%ZZ'
	});
	expect(garbled.status()).toBe(400);
	const wrongAction = await request.post('/demo', {
		headers: { origin: baseURL ?? '', 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		data: 'account=' + 'x'.repeat(5000)
	});
	expect(wrongAction.status()).toBe(400);
});

test('finding 12.7: a malformed multipart body gets 400 on any form, signed in or out', async ({ request, baseURL }) => {
	const headers = { origin: baseURL ?? '', 'content-type': 'multipart/form-data; boundary=----harbour', accept: 'text/html' };
	// A body that promises parts and never delivers them, and one with no boundary at all.
	for (const [path, data] of [
		['/sign-in', '------harbour\r\nContent-Disposition: form-data; name="email"\r\n\r\nsam'],
		['/language', 'not multipart at all'],
		['/sign-in?/password', '------harbour--garbage']
	] as const) {
		const response = await request.post(path, { headers, data });
		expect(response.status(), path).toBe(400);
		expect(await response.text(), path).not.toMatch(/at .*\.js:\d+|TypeError|stack/i);
	}
	const noBoundary = await request.post('/sign-in', { headers: { ...headers, 'content-type': 'multipart/form-data' }, data: 'x=1' });
	expect(noBoundary.status()).toBe(400);
	// A well-formed multipart post still works (what use:enhance sends).
	const good = await request.post('/language', { headers: { origin: baseURL ?? '' }, multipart: { locale: 'en' }, maxRedirects: 0 });
	expect(good.status()).toBeLessThan(400);
});

test('finding 12.8: a returnTo with characters outside ASCII is ignored, never a 500', async ({ request }) => {
	for (const path of ['/?returnTo=%2F%E3%80%82evil.example', '/demo?returnTo=%2Fcaf%C3%A9', '/language?returnTo=%2F%E3%80%82', '/?returnTo=%2F%E2%80%AEnimda']) {
		const response = await request.get(path);
		expect(response.status(), path).toBeLessThan(500);
	}
});

test('finding 12.8: signing in with a non-ASCII returnTo lands at home, not on an error page', async ({ page }) => {
	await page.goto('/demo?returnTo=%2F%E3%80%82evil.example');
	await page.getByRole('button', { name: /Amira/ }).first().click();
	await expect(page).toHaveURL(/\/me$|\/$/);
	await expect(page.locator('h1')).not.toHaveText(/error|wrong/i);
});

test('a stale session cookie signs the person out quietly', async ({ request }) => {
	const response = await request.get('/me', {
		headers: { cookie: 'harbour_session=abcdefghijklmnopqrstuvwxyz234567' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
	expect(response.headers()['location']).toBe('/?returnTo=%2Fme');
	expect(response.headers()['set-cookie']).toMatch(/harbour_session=;/);
});

test('finding 12.10: the first step of passkey sign-in is throttled by address', async ({ request, baseURL }) => {
	const address = `192.0.2.${(Date.now() % 200) + 20}`;
	const statuses: number[] = [];
	for (let i = 0; i < 40; i++) {
		const r = await request.post('/sign-in/passkey', { headers: { origin: baseURL ?? '', 'content-type': 'application/json', 'x-forwarded-for': address }, data: JSON.stringify({ step: 'options' }) });
		statuses.push(r.status());
	}
	expect(statuses.filter((s) => s === 200)).toHaveLength(30);
	expect(statuses.slice(30)).toEqual(Array(10).fill(429));
	// Another address is not held up.
	const other = await request.post('/sign-in/passkey', { headers: { origin: baseURL ?? '', 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.250' }, data: JSON.stringify({ step: 'options' }) });
	expect(other.status()).toBe(200);
});
