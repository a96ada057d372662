// What a page costs a phone on its first visit: the HTML (as sent, gzip) and every JavaScript
// file the browser fetches before the page is interactive. SvelteKit lists modulepreloads in the
// HTTP `Link` header (not in the HTML), so both are read.
import { gzipSync } from 'node:zlib';

/** @param {string} text */
const gz = (text) => gzipSync(text, { level: 9 }).length;

/**
 * @param {string} origin
 * @param {string} path
 * @param {Record<string, string>} [headers]
 */
export async function pageWeight(origin, path, headers = {}) {
	const url = new URL(path, origin);
	const response = await fetch(url, { headers: { ...headers, 'accept-encoding': 'identity' }, redirect: 'manual' });
	if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
	const html = await response.text();
	const scripts = new Set();
	for (const [, href] of (response.headers.get('link') ?? '').matchAll(/<([^>]+)>;\s*rel="modulepreload"/g)) {
		scripts.add(new URL(href ?? '', url).href);
	}
	for (const [, src] of html.matchAll(/import\("([^"]+\.js)"\)/g)) scripts.add(new URL(src ?? '', url).href);
	for (const [, src] of html.matchAll(/<script[^>]+src="([^"]+)"/g)) scripts.add(new URL(src ?? '', url).href);
	const styles = new Set();
	for (const [, href] of (response.headers.get('link') ?? '').matchAll(/<([^>]+)>;\s*rel="preload";\s*as="style"/g)) {
		styles.add(new URL(href ?? '', url).href);
	}
	for (const [, href] of html.matchAll(/<link href="([^"]+\.css)" rel="stylesheet"/g)) styles.add(new URL(href ?? '', url).href);
	/** @param {Set<string>} files */
	const weigh = async (files) => {
		let raw = 0;
		let zipped = 0;
		for (const file of files) {
			const body = await (await fetch(file, { headers: { 'accept-encoding': 'identity' } })).text();
			raw += Buffer.byteLength(body);
			zipped += gz(body);
		}
		return [raw, zipped];
	};
	const [jsRaw = 0, jsGzip = 0] = await weigh(scripts);
	const [cssRaw = 0, cssGzip = 0] = await weigh(styles);
	return { htmlRaw: Buffer.byteLength(html), htmlGzip: gz(html), cssRaw, cssGzip, jsFiles: scripts.size, jsRaw, jsGzip };
}

/**
 * Signs in through the demo picker and returns the session cookie for scripted requests.
 * @param {string} origin
 * @param {string} email
 */
export async function demoSessionCookie(origin, email) {
	const page = await (await fetch(new URL('/demo', origin))).text();
	const forms = [...page.matchAll(/name="account" value="([a-z2-7]{16})"/g)].map((m) => m[1]);
	const names = [...page.matchAll(/Sign in as ([^<]+)</g)].map((m) => m[1]);
	const wanted = { 'amira@demo.harbour.test': 'Amira', 'dan@demo.harbour.test': 'Dan', 'sam@demo.harbour.test': 'Sam Taylor', 'chris@demo.harbour.test': 'Chris Evans', 'jo@demo.harbour.test': 'Jo Bennett', 'priya@demo.harbour.test': 'Priya Shah', 'casey@demo.harbour.test': 'Casey Morgan' }[email];
	const account = forms[names.indexOf(wanted ?? '')];
	if (!account) throw new Error(`No demo account ${email}`);
	const response = await fetch(new URL('/demo', origin), {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ account })
	});
	const cookie = response.headers.getSetCookie().find((c) => c.includes('harbour_session='));
	if (!cookie) throw new Error(`Sign-in as ${email} failed (${response.status})`);
	return cookie.split(';')[0] ?? '';
}
