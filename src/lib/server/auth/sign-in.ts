import type { Cookies } from '@sveltejs/kit';
import { recordAudit } from '../audit';
import type { Db } from '../db/client';
import type { User } from '../db/schema';
import { setSessionCookie } from './cookies';
import { describeDevice } from './device';
import { createSession, generateSessionToken } from './session';

/** Starts a fresh session (a new token on every sign-in) and records the sign-in. */
export function startSession(
	db: Db,
	event: { cookies: Cookies; url: URL; request: Request; locals: App.Locals },
	account: Pick<User, 'id' | 'role'>,
	method: 'password' | 'passkey' | 'invitation' | 'demo'
): void {
	const token = generateSessionToken();
	const session = createSession(db, token, account, new Date(), describeDevice(event.request.headers.get('user-agent')));
	setSessionCookie(event.cookies, event.url, token, session.expiresAt);
	recordAudit(db, { action: `sign_in.${method}`, outcome: 'allowed', actorId: account.id, actorRole: account.role, requestId: event.locals.requestId });
}
