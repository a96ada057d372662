import { closeSync, chmodSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Agent } from 'node:https';
import { dirname, join, resolve } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import webpush from 'web-push';
import { z } from 'zod';
import { getConfig, type Config } from '../config';
import type { Db } from '../db/client';
import { pushSubscription } from '../db/schema';
import { newId } from '../ids';
import { log } from '../log';
import { onPush, type PushMessage } from './email';

/**
 * Web push with the `web-push` library (VAPID, RFC 8292; payloads encrypted with aes128gcm, RFC 8291),
 * so the browsers' own push services carry the nudge and Harbour needs no third-party account.
 * A push is only ever a nudge: the notification centre in the app is the record.
 */

export type VapidKeys = { publicKey: string; privateKey: string };

const PUBLIC_KEY = /^[A-Za-z0-9_-]{87}$/;
const PRIVATE_KEY = /^[A-Za-z0-9_-]{43}$/;
/** How long a push service keeps trying a phone that is off: a day, then it is old news. */
export const PUSH_TTL_SECONDS = 24 * 60 * 60;
/** A push service that does not answer must not hold up the person acting. */
export const PUSH_TIMEOUT_MS = 5_000;

/** The folder the database lives in (keys are kept beside it, in the same backups). */
export function dataDir(config: Config = getConfig()): string {
	return config.DATABASE_PATH === ':memory:' ? resolve('data') : dirname(resolve(config.DATABASE_PATH));
}

function readKeys(file: string): VapidKeys | null {
	if (!existsSync(file)) return null;
	const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<VapidKeys>;
	if (!PUBLIC_KEY.test(parsed.publicKey ?? '') || !PRIVATE_KEY.test(parsed.privateKey ?? '')) throw new Error(`${file} does not hold a VAPID key pair; move it away to make a new one (browsers will need to turn alerts on again)`);
	// A private key must be readable by Harbour alone, whoever copied the file here.
	if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
	return { publicKey: parsed.publicKey!, privateKey: parsed.privateKey! };
}

/**
 * The server's VAPID keys: from VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY, else from `vapid.json` in the data
 * folder, else a new pair written there once (mode 0600, fsynced, then hard-linked into place so two
 * processes starting together agree on one pair: the second link fails and it reads the first's file).
 */
export function loadVapidKeys(dir: string = dataDir(), config: Config = getConfig()): VapidKeys & { source: 'env' | 'file' | 'new' } {
	if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY) return { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY, source: 'env' };
	const file = join(dir, 'vapid.json');
	const existing = readKeys(file);
	if (existing) return { ...existing, source: 'file' };
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	const fresh = webpush.generateVAPIDKeys();
	const tmp = join(dir, `.vapid-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
	const fd = openSync(tmp, 'wx', 0o600);
	try {
		writeSync(fd, `${JSON.stringify({ publicKey: fresh.publicKey, privateKey: fresh.privateKey, createdAt: new Date().toISOString() })}\n`);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	try {
		linkSync(tmp, file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') renameSync(tmp, file); // no hard links here: still atomic
		else if (code !== 'EEXIST') throw error;
	} finally {
		if (existsSync(tmp)) unlinkSync(tmp);
	}
	const kept = readKeys(file)!;
	return { ...kept, source: kept.publicKey === fresh.publicKey ? 'new' : 'file' };
}

/** Who push services may contact: VAPID_SUBJECT, or the address in MAIL_FROM. */
export function vapidSubject(config: Config = getConfig()): string {
	if (config.VAPID_SUBJECT) return config.VAPID_SUBJECT;
	const address = /<([^>]+)>/.exec(config.MAIL_FROM)?.[1] ?? config.MAIL_FROM.trim();
	return `mailto:${address}`;
}

/**
 * The push services browsers use (Chrome/Android/Edge on FCM, Firefox, Safari, Windows). An endpoint
 * is chosen by the browser, but the server sends to it, so any other address (an internal one, say)
 * is refused rather than letting a subscription turn Harbour into a request-forger.
 */
export const PUSH_SERVICE_HOSTS = ['fcm.googleapis.com', 'android.googleapis.com', 'push.services.mozilla.com', 'push.apple.com', 'notify.windows.com'] as const;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether Harbour will send to this endpoint. Always https (web-push only speaks https). A local
 * fake push service on 127.0.0.1 is allowed only when `allowLocal` (development and tests).
 */
export function endpointAllowed(value: string, allowLocal: boolean): boolean {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return false;
	}
	if (url.protocol !== 'https:' || url.username || url.password) return false;
	const host = url.hostname.toLowerCase();
	if (LOCAL_HOSTS.has(host)) return allowLocal;
	if (url.port !== '') return false;
	return PUSH_SERVICE_HOSTS.some((s) => host === s || host.endsWith(`.${s}`));
}

const B64URL = /^[A-Za-z0-9_-]+$/;
const bytesOf = (v: string) => Buffer.from(v, 'base64url');

/** What the browser's `PushSubscription.toJSON()` sends when someone turns alerts on. */
export function subscriptionBody(allowLocal: boolean) {
	return z
		.object({
			endpoint: z.string().max(2048).refine((v) => endpointAllowed(v, allowLocal), 'endpoint'),
			expirationTime: z.number().nullable().optional(),
			keys: z
				.object({
					// The browser's P-256 public key, uncompressed (65 bytes, starting 0x04).
					p256dh: z.string().max(128).regex(B64URL).refine((v) => bytesOf(v).length === 65 && bytesOf(v)[0] === 4, 'p256dh'),
					// The shared authentication secret: 16 bytes.
					auth: z.string().max(64).regex(B64URL).refine((v) => bytesOf(v).length === 16, 'auth')
				})
				.strict()
		})
		.strict();
}
export const UnsubscribeBody = z.object({ endpoint: z.string().min(1).max(2048) }).strict();

/**
 * Keeps a device's subscription, tied to the session that made it (signing out, or the session
 * ending, deletes it). By endpoint: a browser has one, so turning alerts on again updates the row,
 * and if someone else now signs in on that browser, the row becomes theirs (pushes follow the
 * person using the phone, never the one who used it before).
 */
export function saveSubscription(db: Db, input: { userId: string; sessionId: string; endpoint: string; p256dh: string; auth: string }, now = new Date()): void {
	db.insert(pushSubscription)
		.values({ id: newId(), ...input, createdAt: now })
		.onConflictDoUpdate({ target: pushSubscription.endpoint, set: { userId: input.userId, sessionId: input.sessionId, p256dh: input.p256dh, auth: input.auth, createdAt: now, goneAt: null } })
		.run();
}

/** Stops pushes to one of the person's own devices. Someone else's endpoint is left alone. */
export function removeSubscription(db: Db, userId: string, endpoint: string): number {
	return db.delete(pushSubscription).where(and(eq(pushSubscription.userId, userId), eq(pushSubscription.endpoint, endpoint))).run().changes;
}

/** Whether this session (this device) has alerts on, as far as the server knows. */
export function alertsOnFor(db: Db, sessionId: string): boolean {
	return Boolean(db.select({ id: pushSubscription.id }).from(pushSubscription).where(and(eq(pushSubscription.sessionId, sessionId), isNull(pushSubscription.goneAt))).get());
}

/** Only a path on this site goes in a push (the service worker opens nothing else). */
export function pathOf(url: string): string {
	try {
		const u = new URL(url, 'https://harbour.invalid');
		return `${u.pathname}${u.search}${u.hash}`;
	} catch {
		return '/';
	}
}

let state: { keys: VapidKeys; subject: string; db: () => Db } | null = null;
let hooked = false;
let agent: Agent | undefined;

/** Tests: send through an https agent that trusts their fake push service's certificate. */
export function usePushAgent(value: Agent | undefined): void {
	agent = value;
}

/** The public key browsers subscribe with, or null when push could not start. */
export function vapidPublicKey(): string | null {
	return state?.keys.publicKey ?? null;
}

/**
 * Loads (or makes) the keys and registers the push hook, once. A damaged key file or an unwritable
 * data folder is logged and leaves push off: alerts are a nudge, and the app must still start.
 */
export function startPush(options: { db: () => Db; dir?: string; config?: Config }): boolean {
	const config = options.config ?? getConfig();
	try {
		const keys = loadVapidKeys(options.dir ?? dataDir(config), config);
		if (keys.source === 'new') log.info('web push: made new VAPID keys in the data folder');
		state = { keys: { publicKey: keys.publicKey, privateKey: keys.privateKey }, subject: vapidSubject(config), db: options.db };
	} catch (error) {
		log.error({ err: error }, 'web push is off: the VAPID keys could not be loaded');
		state = null;
		return false;
	}
	if (!hooked) {
		hooked = true;
		onPush(async (userId, message) => {
			if (state) await sendPush(state.db(), userId, message);
		});
	}
	return true;
}

export type PushResult = { sent: number; gone: number; failed: number };

/**
 * Sends one message to every live subscription of a person, in parallel. A 404/410 from the push
 * service means the browser dropped the subscription: it is marked gone and never sent to again.
 * Anything else is logged (by subscription id, never the endpoint) and not thrown.
 */
export async function sendPush(db: Db, userId: string, message: PushMessage, now = new Date()): Promise<PushResult> {
	const result: PushResult = { sent: 0, gone: 0, failed: 0 };
	if (!state) return result;
	const { keys, subject } = state;
	const subs = db.select().from(pushSubscription).where(and(eq(pushSubscription.userId, userId), isNull(pushSubscription.goneAt))).all();
	const payload = JSON.stringify({ title: message.title, body: message.body, url: pathOf(message.url) });
	await Promise.all(
		subs.map(async (sub) => {
			try {
				await webpush.sendNotification({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, payload, {
					TTL: PUSH_TTL_SECONDS,
					urgency: message.urgent ? 'high' : 'normal',
					timeout: PUSH_TIMEOUT_MS,
					vapidDetails: { subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
					contentEncoding: 'aes128gcm',
					...(agent ? { agent } : {})
				});
				db.update(pushSubscription).set({ lastSentAt: now }).where(eq(pushSubscription.id, sub.id)).run();
				result.sent++;
			} catch (error) {
				const status = error instanceof webpush.WebPushError ? error.statusCode : undefined;
				if (status === 404 || status === 410) {
					db.update(pushSubscription).set({ goneAt: now }).where(eq(pushSubscription.id, sub.id)).run();
					result.gone++;
				} else {
					log.warn({ subscription: sub.id, status, err: status ? undefined : error }, 'push not delivered');
					result.failed++;
				}
			}
		})
	);
	return result;
}
