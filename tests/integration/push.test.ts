import { createECDH, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, Agent, type Server } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import selfsigned from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from '../../src/lib/server/config';
import { raiseFlag, tellStaff } from '../../src/lib/server/housing/flags';
import { raiseConcern } from '../../src/lib/server/mentoring/matches';
import { alertYoungPerson } from '../../src/lib/server/notify/alerts';
import { push } from '../../src/lib/server/notify/email';
import { loadVapidKeys, saveSubscription, sendPush, startPush, usePushAgent, vapidPublicKey } from '../../src/lib/server/notify/push';
import { runRemindersAndPush } from '../../src/lib/server/jobs/reminders';
import { createSeededDb } from '../fixtures/db';
import { useTestMailbox } from '../fixtures/mailbox';

const TODAY = '2026-11-24';
useTestMailbox();

/**
 * A fake push service: a real HTTPS server on 127.0.0.1 (web-push only speaks https), with a
 * throwaway self-signed certificate that only this test's agent trusts. It records each request
 * and answers with whatever status the test sets.
 */
type Received = { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer };
const service = { received: [] as Received[], status: 201, port: 0, server: undefined as Server | undefined, dir: '' };

beforeAll(async () => {
	service.dir = mkdtempSync(join(tmpdir(), 'harbour-push-'));
	// A throwaway certificate for 127.0.0.1, made in memory (no openssl needed on the machine).
	const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
		keyType: 'ec',
		curve: 'P-256',
		algorithm: 'sha256',
		notAfterDate: new Date(Date.now() + 24 * 3_600_000),
		extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }]
	});
	const cert = pems.cert;
	service.server = createServer({ key: pems.private, cert }, (req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			service.received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
			res.writeHead(service.status).end();
		});
	});
	await new Promise<void>((resolve) => service.server!.listen(0, '127.0.0.1', resolve));
	service.port = (service.server.address() as { port: number }).port;
	usePushAgent(new Agent({ ca: cert }));
	startPush({ db: () => current!.db, dir: join(service.dir, 'data'), config: getConfig({}) });
});

afterAll(async () => {
	usePushAgent(undefined);
	await new Promise((resolve) => service.server?.close(resolve));
	rmSync(service.dir, { recursive: true, force: true });
});

/** A browser's side of a subscription: a real P-256 key pair and a 16-byte secret. */
function browser() {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const auth = randomBytes(16);
	return { ecdh, auth, p256dh: ecdh.getPublicKey().toString('base64url'), authB64: auth.toString('base64url') };
}

/** Decrypts an aes128gcm push body (RFC 8291 / RFC 8188) as the browser would, to read the payload. */
function decrypt(body: Buffer, b: ReturnType<typeof browser>): unknown {
	const salt = body.subarray(0, 16);
	const idlen = body[20]!;
	const serverKey = body.subarray(21, 21 + idlen);
	const ciphertext = body.subarray(21 + idlen);
	const secret = b.ecdh.computeSecret(serverKey);
	const info = Buffer.concat([Buffer.from('WebPush: info\0'), b.ecdh.getPublicKey(), serverKey]);
	const ikm = Buffer.from(hkdfSync('sha256', secret, b.auth, info, 32));
	const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
	const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
	const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
	decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
	const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
	let end = padded.length - 1;
	while (end > 0 && padded[end] === 0) end--;
	expect(padded[end]).toBe(2); // the last record's delimiter
	return JSON.parse(padded.subarray(0, end).toString('utf8'));
}

let current: { db: ReturnType<typeof createSeededDb>['db'] } | undefined;

function fixture() {
	const f = createSeededDb({ youngPeople: 30, contacts: 30 });
	const one = (sql: string, ...args: string[]) => f.sqlite.prepare(sql).pluck().get(...args) as string;
	const ids = {
		amira: one(`select id from young_person where full_name = 'Amira Haddad'`),
		amiraUser: one(`select id from user where email = 'amira@demo.harbour.test'`),
		sam: one(`select id from user where email = 'sam@demo.harbour.test'`),
		jo: one(`select id from user where email = 'jo@demo.harbour.test'`)
	};
	const subscribe = (userId: string, path: string) => {
		const b = browser();
		const sessionId = `session-${randomBytes(6).toString('hex')}`;
		const now = Date.now();
		f.sqlite.prepare(`insert into session (id, user_id, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?)`).run(sessionId, userId, now, now, now + 3_600_000);
		saveSubscription(f.db, { userId, sessionId, endpoint: `https://127.0.0.1:${service.port}${path}`, p256dh: b.p256dh, auth: b.authB64 });
		return { ...b, sessionId };
	};
	current = f;
	return { ...f, ...ids, subscribe };
}

describe('web push', () => {
	it('sends an urgent housing worry to the PA through a real push service: encrypted, VAPID-signed, with a TTL and no details', async () => {
		const f = fixture();
		service.received.length = 0;
		service.status = 201;
		const phone = f.subscribe(f.sam, '/push/sam-phone');
		const { flag } = raiseFlag(f.db, { youngPersonId: f.amira, raisedBy: f.amiraUser, operationId: 'op-push-1', kind: 'not_safe', urgency: 'soon', note: 'My flatmate threatened me', noticeOn: null, today: TODAY });
		await tellStaff(f.db, flag, 'http://localhost:3000', TODAY);

		expect(service.received).toHaveLength(1);
		const r = service.received[0]!;
		expect(r.method).toBe('POST');
		expect(r.path).toBe('/push/sam-phone');
		expect(r.headers['content-encoding']).toBe('aes128gcm');
		expect(r.headers['authorization']).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${vapidPublicKey()}$`));
		expect(r.headers['ttl']).toBe('86400');
		expect(r.headers['urgency']).toBe('high');
		// The JWT says who we are and which push service it is for.
		const jwt = JSON.parse(Buffer.from(String(r.headers['authorization']).split(' ')[1]!.slice(2).split('.')[1]!, 'base64url').toString()) as { aud: string; sub: string; exp: number };
		expect(jwt.aud).toBe(`https://127.0.0.1:${service.port}`);
		expect(jwt.sub).toBe('mailto:no-reply@harbour.invalid');
		// Only the browser can read it; what it reads names nobody and says nothing of the worry.
		const payload = decrypt(r.body, phone);
		expect(payload).toEqual({ title: 'Urgent: a new housing worry', body: 'Open Harbour to read it and acknowledge it.', url: `/caseload/${f.amira}/housing/${flag.id}` });
		expect(JSON.stringify(payload)).not.toMatch(/Amira|flatmate/);
		expect(f.sqlite.prepare(`select last_sent_at is not null from push_subscription where session_id = ?`).pluck().get(phone.sessionId)).toBe(1);
	});

	it('marks a subscription gone when the push service says 410, and never sends to it again', async () => {
		const f = fixture();
		service.received.length = 0;
		const phone = f.subscribe(f.sam, '/push/gone');
		service.status = 410;
		expect(await sendPush(f.db, f.sam, { title: 't', body: 'b', url: '/today' })).toEqual({ sent: 0, gone: 1, failed: 0 });
		expect(f.sqlite.prepare(`select gone_at is not null from push_subscription where session_id = ?`).pluck().get(phone.sessionId)).toBe(1);
		service.status = 201;
		await push(f.sam, { title: 't', body: 'b', url: '/today' });
		expect(await sendPush(f.db, f.sam, { title: 't', body: 'b', url: '/today' })).toEqual({ sent: 0, gone: 0, failed: 0 });
		expect(service.received).toHaveLength(1);
	});

	it('logs and carries on when a push service fails or is unreachable (the person acting never sees it)', async () => {
		const f = fixture();
		service.received.length = 0;
		f.subscribe(f.sam, '/push/broken');
		service.status = 500;
		expect(await sendPush(f.db, f.sam, { title: 't', body: 'b', url: '/' })).toEqual({ sent: 0, gone: 0, failed: 1 });
		saveSubscription(f.db, { userId: f.sam, sessionId: f.sqlite.prepare(`select id from session where user_id = ? limit 1`).pluck().get(f.sam) as string, endpoint: 'https://127.0.0.1:1/nobody-here', p256dh: browser().p256dh, auth: browser().authB64 });
		service.status = 201;
		expect(await sendPush(f.db, f.sam, { title: 't', body: 'b', url: '/' })).toEqual({ sent: 1, gone: 0, failed: 1 });
	});

	it("reaches the PA for a mentor's worry, and the young person for a reply and a reminder (normal urgency)", async () => {
		const f = fixture();
		service.received.length = 0;
		service.status = 201;
		const pa = f.subscribe(f.sam, '/push/pa');
		const yp = f.subscribe(f.amiraUser, '/push/amira');
		const match = f.sqlite.prepare(`select id from mentor_match where young_person_id = ? and status = 'active'`).pluck().get(f.amira) as string;
		await raiseConcern(f.db, { youngPersonId: f.amira, matchId: match, contactLogId: null, raisedBy: f.jo, grade: 'worry', text: 'Seemed low', operationId: 'op-push-c', origin: '', today: TODAY });
		await alertYoungPerson(f.db, f.amira, 'money.decided', { decision: 'approved' });
		expect(service.received.map((r) => [r.path, r.headers['urgency']])).toEqual([
			['/push/pa', 'normal'],
			['/push/amira', 'normal']
		]);
		expect(decrypt(service.received[0]!.body, pa)).toEqual({ title: 'A mentor has raised a concern', body: 'Open Harbour to read it and acknowledge it.', url: `/caseload/${f.amira}#concerns` });
		expect(decrypt(service.received[1]!.body, yp)).toEqual({ title: 'News from your personal adviser', body: 'Open Harbour to read it.', url: '/me/money' });
		expect(f.sqlite.prepare(`select kind from notification where user_id = ? order by id desc limit 1`).pluck().get(f.amiraUser)).toBe('money.decided');

		// The daily reminders: written first, then pushed once; a second run pushes nothing.
		// (Amira turned 18 last week in this test, so help has just become hers.)
		f.sqlite.prepare(`update young_person set date_of_birth = '2008-11-20', legal_status = 'eligible', left_care_on = null where id = ?`).run(f.amira);
		service.received.length = 0;
		const first = await runRemindersAndPush(f.db, TODAY);
		const amiraPushes = service.received.filter((r) => r.path === '/push/amira').length;
		const amiraReminders = f.sqlite.prepare(`select count(*) from notification where user_id = ? and kind like 'entitlement.%'`).pluck().get(f.amiraUser) as number;
		expect(amiraReminders).toBeGreaterThan(0);
		expect(amiraPushes).toBe(amiraReminders);
		expect(first.sent).toBeGreaterThanOrEqual(amiraReminders);
		service.received.length = 0;
		expect((await runRemindersAndPush(f.db, TODAY)).sent).toBe(0);
		expect(service.received).toHaveLength(0);
	});

	it('moves a subscription to whoever now signs in on that browser (upsert by endpoint)', async () => {
		const f = fixture();
		service.received.length = 0;
		service.status = 201;
		f.subscribe(f.sam, '/push/shared');
		const again = f.subscribe(f.amiraUser, '/push/shared');
		expect(f.sqlite.prepare(`select user_id, session_id from push_subscription where endpoint like '%/push/shared'`).all()).toEqual([{ user_id: f.amiraUser, session_id: again.sessionId }]);
		expect(await sendPush(f.db, f.sam, { title: 't', body: 'b', url: '/' })).toEqual({ sent: 0, gone: 0, failed: 0 });
		// Signing out of that session ends the subscription with it.
		f.sqlite.prepare(`delete from session where id = ?`).run(again.sessionId);
		expect(f.sqlite.prepare(`select count(*) from push_subscription where endpoint like '%/push/shared'`).pluck().get()).toBe(0);
	});
});

describe('VAPID keys', () => {
	it('are made once in the data folder (mode 0600) and the same pair is read on the next start', () => {
		const dir = join(service.dir, 'keys-test');
		const first = loadVapidKeys(dir, getConfig({}));
		const second = loadVapidKeys(dir, getConfig({}));
		expect(first.source).toBe('new');
		expect(second).toEqual({ ...first, source: 'file' });
		expect(first.publicKey).toMatch(/^[\w-]{87}$/);
		expect(statSync(join(dir, 'vapid.json')).mode & 0o777).toBe(0o600);
		expect(Buffer.from(first.publicKey, 'base64url')[0]).toBe(4);
		// startPush on the same folder (a restart) keeps the key browsers subscribed with.
		startPush({ db: () => current!.db, dir, config: getConfig({}) });
		expect(vapidPublicKey()).toBe(first.publicKey);
	});

	it('come from the environment when set, and a half-set pair is refused', () => {
		const pair = loadVapidKeys(join(service.dir, 'env-source'), getConfig({}));
		const fromEnv = loadVapidKeys(join(service.dir, 'unused'), getConfig({ VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey }));
		expect(fromEnv).toEqual({ publicKey: pair.publicKey, privateKey: pair.privateKey, source: 'env' });
		expect(() => getConfig({ VAPID_PUBLIC_KEY: pair.publicKey })).toThrow(/VAPID_PRIVATE_KEY/);
	});
});
