import { describe, expect, it } from 'vitest';
import { safeReturnPath, screenRequest, securityHeaders, unreadableForm } from './security';

const ORIGIN = 'http://127.0.0.1:3000';
const h = (init: Record<string, string>) => new Headers(init);

describe('screenRequest', () => {
	it('lets reads through untouched', () => {
		expect(screenRequest('GET', h({ origin: 'https://evil.example' }), ORIGIN)).toBeNull();
		expect(screenRequest('HEAD', h({}), ORIGIN)).toBeNull();
	});
	it.each(['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain'])(
		'refuses a cross-site %s POST with 403',
		(type) => {
			expect(screenRequest('POST', h({ origin: 'https://evil.example', 'content-type': type }), ORIGIN)?.status).toBe(403);
		}
	);
	it.each(['PUT', 'PATCH', 'DELETE'])('refuses a cross-site %s', (method) => {
		expect(screenRequest(method, h({ origin: 'https://evil.example' }), ORIGIN)?.status).toBe(403);
	});
	it('refuses a write with neither Origin nor Sec-Fetch-Site', () => {
		expect(screenRequest('POST', h({ 'content-type': 'application/json' }), ORIGIN)?.status).toBe(403);
	});
	it('uses Sec-Fetch-Site when Origin is missing', () => {
		expect(screenRequest('POST', h({ 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }), ORIGIN)?.status).toBe(403);
		expect(screenRequest('POST', h({ 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }), ORIGIN)).toBeNull();
	});
	it('accepts same-origin forms and JSON, with any letter case', () => {
		for (const type of ['application/x-www-form-urlencoded', 'MULTIPART/FORM-DATA; boundary=abc', 'Application/JSON; charset=utf-8']) {
			expect(screenRequest('POST', h({ origin: ORIGIN, 'content-type': type }), ORIGIN)).toBeNull();
		}
	});
	it('answers 415 to other body types from the same site', () => {
		for (const type of ['text/plain', 'application/xml', 'text/html', '']) {
			expect(screenRequest('POST', h({ origin: ORIGIN, 'content-type': type }), ORIGIN)?.status).toBe(415);
		}
		expect(screenRequest('POST', h({ origin: ORIGIN, 'content-length': '5' }), ORIGIN)?.status).toBe(415);
	});
	it('allows a same-site write without a body', () => {
		expect(screenRequest('DELETE', h({ origin: ORIGIN }), ORIGIN)).toBeNull();
	});
	it('treats a look-alike origin as cross-site', () => {
		expect(screenRequest('POST', h({ origin: `${ORIGIN}.evil.example`, 'content-type': 'application/json' }), ORIGIN)?.status).toBe(403);
		expect(screenRequest('POST', h({ origin: 'null', 'content-type': 'application/json' }), ORIGIN)?.status).toBe(403);
	});
});

describe('securityHeaders', () => {
	it('never lets a response be cached and sets the baseline headers', () => {
		const headers = securityHeaders(false);
		expect(headers['cache-control']).toBe('private, no-store');
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('same-origin');
		expect(headers['permissions-policy']).toContain('camera=()');
		expect(headers['strict-transport-security']).toBeUndefined();
	});
	it('adds HSTS over https only', () => {
		expect(securityHeaders(true)['strict-transport-security']).toMatch(/max-age=\d{8,}; includeSubDomains/);
	});
});

describe('safeReturnPath', () => {
	it.each([
		['/me', '/me'],
		['/caseload?x=1', '/caseload?x=1'],
		['//evil.example', '/'],
		['/\\evil.example', '/'],
		['https://evil.example', '/'],
		['', '/'],
		[null, '/'],
		['/a\nb', '/']
	])('%j → %j', (input, out) => {
		expect(safeReturnPath(input)).toBe(out);
	});
});

describe('finding 12.8: returnTo outside printable ASCII', () => {
	it.each(['/\u3002evil.example', '/caf\u00e9', '/\u202Enimda', '/me\u00a0', '/a b'])('%j goes home', (input) => {
		expect(safeReturnPath(input, '/home')).toBe('/home');
	});
	it('keeps a percent-encoded path with a query', () => {
		expect(safeReturnPath('/caf%C3%A9?x=1&y=%E3%80%82')).toBe('/caf%C3%A9?x=1&y=%E3%80%82');
	});
});

describe('finding 12.7: unreadable multipart bodies', () => {
	const post = (type: string, body: string) => new Request('http://h/x', { method: 'POST', headers: { 'content-type': type }, body });
	it('spots a body with parts cut short, or no boundary', async () => {
		expect(await unreadableForm(post('multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx'))).toBe(true);
		expect(await unreadableForm(post('multipart/form-data', 'a=1'))).toBe(true);
	});
	it('passes a good multipart body, and leaves it readable for the action', async () => {
		const form = new FormData();
		form.set('a', '1');
		const request = new Request('http://h/x', { method: 'POST', body: form });
		expect(await unreadableForm(request)).toBe(false);
		expect((await request.formData()).get('a')).toBe('1');
	});
	it('leaves other bodies and methods alone', async () => {
		expect(await unreadableForm(post('application/x-www-form-urlencoded', '%%%'))).toBe(false);
		expect(await unreadableForm(new Request('http://h/x'))).toBe(false);
	});
});
