import { describe, expect, it } from 'vitest';
import { createECDH, randomBytes } from 'node:crypto';
import { getConfig } from '../config';
import { endpointAllowed, pathOf, subscriptionBody, UnsubscribeBody, vapidSubject } from './push';

const ecdh = createECDH('prime256v1');
ecdh.generateKeys();
const keys = { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };

describe('which push endpoints Harbour sends to', () => {
	it.each([
		['https://fcm.googleapis.com/fcm/send/abc:def', true],
		['https://updates.push.services.mozilla.com/wpush/v2/gAAA', true],
		['https://web.push.apple.com/QGx', true],
		['https://wns2-db5p.notify.windows.com/w/?token=x', true],
		['http://fcm.googleapis.com/fcm/send/abc', false], // web-push speaks https only
		['https://fcm.googleapis.com:8443/fcm/send/abc', false],
		['https://user:pw@fcm.googleapis.com/fcm/send/abc', false],
		['https://evilfcm.googleapis.com.example/x', false],
		['https://notfcm.googleapis.com/x', false],
		['https://169.254.169.254/latest/meta-data', false], // never a request-forger for internal addresses
		['https://127.0.0.1:4000/push', false],
		['https://localhost/push', false],
		['javascript:alert(1)', false],
		['not a url', false]
	])('%s → %s', (url, allowed) => {
		expect(endpointAllowed(url, false)).toBe(allowed);
	});

	it('allows a fake push service on 127.0.0.1 only in development and tests, and still only over https', () => {
		expect(endpointAllowed('https://127.0.0.1:4000/push', true)).toBe(true);
		expect(endpointAllowed('https://localhost:4000/push', true)).toBe(true);
		expect(endpointAllowed('http://127.0.0.1:4000/push', true)).toBe(false);
		expect(endpointAllowed('https://10.0.0.5/push', true)).toBe(false);
	});
});

describe('the subscription a browser sends', () => {
	const body = subscriptionBody(false);
	const good = { endpoint: 'https://fcm.googleapis.com/fcm/send/abc', expirationTime: null, keys };

	it('accepts what PushSubscription.toJSON() gives', () => {
		expect(body.safeParse(good).success).toBe(true);
		expect(body.safeParse({ endpoint: good.endpoint, keys }).success).toBe(true);
	});

	it.each([
		['an extra key', { ...good, userId: 'someone-else' }],
		['an extra key in keys', { ...good, keys: { ...keys, x: '1' } }],
		['a p256dh that is not a P-256 point', { ...good, keys: { ...keys, p256dh: randomBytes(65).toString('base64url').replace(/^./, 'A') } }],
		['a short auth secret', { ...good, keys: { ...keys, auth: randomBytes(8).toString('base64url') } }],
		['padding or + / (not base64url)', { ...good, keys: { ...keys, auth: randomBytes(16).toString('base64') } }],
		['a disallowed endpoint', { ...good, endpoint: 'https://internal.council.local/hook' }],
		['a very long endpoint', { ...good, endpoint: `https://fcm.googleapis.com/${'a'.repeat(3000)}` }],
		['no keys', { endpoint: good.endpoint }],
		['not an object', 'subscribe me']
	])('refuses %s', (_name, value) => {
		expect(body.safeParse(value).success).toBe(false);
	});

	it('turns off by endpoint alone', () => {
		expect(UnsubscribeBody.safeParse({ endpoint: good.endpoint }).success).toBe(true);
		expect(UnsubscribeBody.safeParse({ endpoint: good.endpoint, userId: 'x' }).success).toBe(false);
	});
});

describe('push details', () => {
	it('puts only a path in a push', () => {
		expect(pathOf('http://localhost:3000/caseload/abc/housing/def')).toBe('/caseload/abc/housing/def');
		expect(pathOf('/caseload/abc#concerns')).toBe('/caseload/abc#concerns');
		expect(pathOf('https://evil.example/x?y=1')).toBe('/x?y=1');
	});

	it('signs as the address in MAIL_FROM unless VAPID_SUBJECT says otherwise', () => {
		expect(vapidSubject(getConfig({}))).toBe('mailto:no-reply@harbour.invalid');
		expect(vapidSubject(getConfig({ MAIL_FROM: 'leaving.care@council.example' }))).toBe('mailto:leaving.care@council.example');
		expect(vapidSubject(getConfig({ VAPID_SUBJECT: 'https://harbour.council.example' }))).toBe('https://harbour.council.example');
		expect(() => getConfig({ VAPID_SUBJECT: 'harbour' })).toThrow(/VAPID_SUBJECT/);
	});
});
