import { describe, expect, it } from 'vitest';
import { pushContent, safePath } from './sw-push';

const ORIGIN = 'https://harbour.example';

describe("the service worker's push handling", () => {
	it.each([
		['/caseload/abc/housing/def', '/caseload/abc/housing/def'],
		['/caseload/abc#concerns', '/caseload/abc#concerns'],
		['/me?x=1', '/me?x=1'],
		['https://evil.example/phish', '/'],
		['//evil.example/phish', '/'],
		['/\\evil.example', '/'],
		['javascript:alert(1)', '/'],
		[42, '/'],
		[undefined, '/']
	])('opens %s as %s (same-origin paths only)', (value, path) => {
		expect(safePath(value, ORIGIN)).toBe(path);
	});

	it('shows plain words with defaults, cut to length', () => {
		expect(pushContent({ title: 'A new housing worry', body: 'Open Harbour.', url: '/today' }, ORIGIN)).toEqual({ title: 'A new housing worry', body: 'Open Harbour.', url: '/today' });
		expect(pushContent(null, ORIGIN)).toEqual({ title: 'Harbour', body: 'Open Harbour to read it.', url: '/' });
		expect(pushContent({ title: 'x'.repeat(500), body: 7 }, ORIGIN).title).toHaveLength(120);
	});
});
