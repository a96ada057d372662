import {
	generateAuthenticationOptions,
	generateRegistrationOptions,
	verifyAuthenticationResponse,
	verifyRegistrationResponse,
	type AuthenticationResponseJSON,
	type AuthenticatorTransport,
	type RegistrationResponseJSON
} from '@simplewebauthn/server';
import type { Cookies } from '@sveltejs/kit';
import { and, count, eq, gt, isNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { passkey, webauthnChallenge, type Passkey } from '../db/schema';
import { newId } from '../ids';
import { cleanName } from '../../domain/text';
import { PASSKEY_START_RULES } from './throttle-rules';
import { takeTurn } from './throttle';

/**
 * Passkeys with SimpleWebAuthn. Challenges are single use, live five minutes and are tied to the
 * browser by a cookie holding the challenge row's id; user verification (PIN or biometrics) is required.
 */
export const CHALLENGE_COOKIE = 'harbour_webauthn';
const CHALLENGE_MS = 5 * 60_000;
const RP_NAME = 'Harbour';

export interface Site {
	origin: string;
	rpID: string;
}

export const siteOf = (url: URL): Site => ({ origin: url.origin, rpID: url.hostname });

/** What the browser posts to a passkey endpoint: first for options, then the authenticator's answer. */
const credential = z.looseObject({ id: z.string().max(1024), type: z.literal('public-key') });
export const RegisterBody = z.discriminatedUnion('step', [
	z.object({ step: z.literal('options') }),
	z.object({ step: z.literal('verify'), name: z.string().max(200).transform(cleanName).pipe(z.string().min(1).max(60)), response: credential })
]);
export const AuthenticateBody = z.discriminatedUnion('step', [z.object({ step: z.literal('options') }), z.object({ step: z.literal('verify'), response: credential })]);

/** The challenge's id rides in a short-lived, HttpOnly, same-site cookie between the two steps. */
export function rememberChallenge(cookies: Cookies, url: URL, challengeId: string): void {
	cookies.set(CHALLENGE_COOKIE, challengeId, { path: '/', httpOnly: true, sameSite: 'strict', secure: url.protocol === 'https:', maxAge: 300 });
}

export function recallChallenge(cookies: Cookies): string | undefined {
	const id = cookies.get(CHALLENGE_COOKIE);
	cookies.delete(CHALLENGE_COOKIE, { path: '/' });
	return id;
}

function storeChallenge(db: Db, challenge: string, purpose: 'register' | 'authenticate', owner: { userId?: string; invitationId?: string }, now: Date) {
	db.delete(webauthnChallenge).where(lt(webauthnChallenge.expiresAt, now)).run();
	const id = newId();
	db.insert(webauthnChallenge)
		.values({ id, challenge, purpose, userId: owner.userId ?? null, invitationId: owner.invitationId ?? null, expiresAt: new Date(now.getTime() + CHALLENGE_MS) })
		.run();
	return id;
}

/** Takes (and deletes) a challenge: it can be answered once only. */
function takeChallenge(db: Db, id: string | undefined, purpose: 'register' | 'authenticate', now: Date) {
	if (!id) return null;
	const row = db.select().from(webauthnChallenge).where(and(eq(webauthnChallenge.id, id), eq(webauthnChallenge.purpose, purpose))).get();
	if (!row) return null;
	db.delete(webauthnChallenge).where(eq(webauthnChallenge.id, id)).run();
	return row.expiresAt.getTime() > now.getTime() ? row : null;
}

export async function startRegistration(
	db: Db,
	site: Site,
	who: { userId?: string; invitationId?: string; name: string; existing: Passkey[] },
	now = new Date()
) {
	const options = await generateRegistrationOptions({
		rpName: RP_NAME,
		rpID: site.rpID,
		userName: who.name,
		userDisplayName: who.name,
		attestationType: 'none',
		excludeCredentials: who.existing.map((p) => ({ id: p.id, transports: p.transports as AuthenticatorTransport[] })),
		authenticatorSelection: { residentKey: 'required', userVerification: 'required' }
	});
	const challengeId = storeChallenge(db, options.challenge, 'register', who, now);
	return { options, challengeId };
}

export type NewPasskey = Omit<Passkey, 'userId' | 'name' | 'createdAt' | 'lastUsedAt' | 'suspendedBy'>;

export async function finishRegistration(
	db: Db,
	site: Site,
	challengeId: string | undefined,
	response: RegistrationResponseJSON,
	now = new Date()
): Promise<{ ok: true; credential: NewPasskey; owner: { userId: string | null; invitationId: string | null } } | { ok: false }> {
	const challenge = takeChallenge(db, challengeId, 'register', now);
	if (!challenge) return { ok: false };
	try {
		const result = await verifyRegistrationResponse({
			response,
			expectedChallenge: challenge.challenge,
			expectedOrigin: site.origin,
			expectedRPID: site.rpID,
			requireUserVerification: true
		});
		if (!result.verified) return { ok: false };
		const { credential, credentialBackedUp } = result.registrationInfo;
		return {
			ok: true,
			credential: {
				id: credential.id,
				publicKey: Buffer.from(credential.publicKey),
				counter: credential.counter,
				transports: credential.transports ?? [],
				backedUp: credentialBackedUp
			},
			owner: { userId: challenge.userId, invitationId: challenge.invitationId }
		};
	} catch {
		return { ok: false };
	}
}

export function savePasskey(db: Db, userId: string, credential: NewPasskey, name: string, now = new Date()): void {
	db.insert(passkey).values({ ...credential, userId, name, createdAt: now }).run();
}

/** At most this many sign-in challenges wait for an answer at once, whoever asked (finding 12.10). */
export const MAX_OUTSTANDING_SIGN_IN_CHALLENGES = 1000;

export type PasskeyStart = { ok: true; options: Awaited<ReturnType<typeof generateAuthenticationOptions>>; challengeId: string } | { ok: false; retryAt: Date };

/**
 * The first step of passkey sign-in, open to anyone (finding 12.10): each address may ask 30 times
 * a minute, and no more than `cap` unanswered challenges are kept at once (expired ones are
 * cleared first), so anonymous calls cannot grow the table without bound.
 */
export async function beginPasskeySignIn(db: Db, site: Site, address: string, now = new Date(), cap = MAX_OUTSTANDING_SIGN_IN_CHALLENGES): Promise<PasskeyStart> {
	const options = await generateAuthenticationOptions({ rpID: site.rpID, userVerification: 'required', allowCredentials: [] });
	// The turn, the count and the new row in one transaction: calls made at once cannot all pass the check.
	return db.transaction(
		(tx): PasskeyStart => {
			const t = tx as unknown as Db;
			const turn = takeTurn(t, `passkey_start:${address}`, PASSKEY_START_RULES, now.getTime());
			if (!turn.ok) return turn;
			tx.delete(webauthnChallenge).where(lt(webauthnChallenge.expiresAt, now)).run();
			const waiting = tx.select({ n: count() }).from(webauthnChallenge).where(and(eq(webauthnChallenge.purpose, 'authenticate'), gt(webauthnChallenge.expiresAt, now))).get()?.n ?? 0;
			if (waiting >= cap) return { ok: false, retryAt: new Date(now.getTime() + 60_000) };
			return { ok: true, options, challengeId: storeChallenge(t, options.challenge, 'authenticate', {}, now) };
		},
		{ behavior: 'immediate' }
	);
}

export async function startAuthentication(db: Db, site: Site, now = new Date()) {
	// Discoverable credentials: the phone offers the person's passkey; no email needs typing.
	const options = await generateAuthenticationOptions({ rpID: site.rpID, userVerification: 'required', allowCredentials: [] });
	return { options, challengeId: storeChallenge(db, options.challenge, 'authenticate', {}, now) };
}

export async function finishAuthentication(
	db: Db,
	site: Site,
	challengeId: string | undefined,
	response: AuthenticationResponseJSON,
	now = new Date()
): Promise<{ ok: true; userId: string } | { ok: false }> {
	const challenge = takeChallenge(db, challengeId, 'authenticate', now);
	if (!challenge) return { ok: false };
	// A passkey put aside by a recovery does not sign in (an undo gives it back).
	const stored = db.select().from(passkey).where(and(eq(passkey.id, response.id), isNull(passkey.suspendedBy))).get();
	if (!stored) return { ok: false };
	try {
		const result = await verifyAuthenticationResponse({
			response,
			expectedChallenge: challenge.challenge,
			expectedOrigin: site.origin,
			expectedRPID: site.rpID,
			requireUserVerification: true,
			credential: {
				id: stored.id,
				publicKey: new Uint8Array(stored.publicKey),
				counter: stored.counter,
				transports: stored.transports as AuthenticatorTransport[]
			}
		});
		if (!result.verified) return { ok: false };
		// A counter that goes backwards is logged by the caller's audit, not refused: synced passkeys report 0.
		db.update(passkey).set({ counter: result.authenticationInfo.newCounter, lastUsedAt: now }).where(eq(passkey.id, stored.id)).run();
		return { ok: true, userId: stored.userId };
	} catch {
		return { ok: false };
	}
}

export function listPasskeys(db: Db, userId: string): Passkey[] {
	return db.select().from(passkey).where(and(eq(passkey.userId, userId), isNull(passkey.suspendedBy))).all();
}
