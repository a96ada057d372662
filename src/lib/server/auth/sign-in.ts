import type { Cookies } from '@sveltejs/kit';
import { recordAudit } from '../audit';
import type { Db } from '../db/client';
import { eq } from 'drizzle-orm';
import { paraglideOptions } from '../../i18n/paraglide-options.js';
import { user, type User } from '../db/schema';
import { setSessionCookie } from './cookies';
import { describeDevice } from './device';
import { createSession, generateSessionToken } from './session';

/** Starts a fresh session (a new token on every sign-in) and records the sign-in. */
export function startSession(
	db: Db,
	event: { cookies: Cookies; url: URL; request: Request; locals: App.Locals },
	account: Pick<User, 'id' | 'role'>,
	method: 'password' | 'passkey' | 'invitation' | 'demo',
	ownDevice = false
): void {
	const token = generateSessionToken();
	const session = createSession(db, token, account, new Date(), describeDevice(event.request.headers.get('user-agent')), ownDevice);
	setSessionCookie(event.cookies, event.url, token, session.expiresAt);
	// A language chosen on another device follows the person to this one.
	const saved = db.select({ locale: user.locale }).from(user).where(eq(user.id, account.id)).get()?.locale;
	if (saved && !event.cookies.get(paraglideOptions.cookieName)) {
		event.cookies.set(paraglideOptions.cookieName, saved, { path: '/', maxAge: paraglideOptions.cookieMaxAge, httpOnly: false, sameSite: 'lax', secure: event.url.protocol === 'https:' });
	}
	recordAudit(db, { action: `sign_in.${method}`, outcome: 'allowed', actorId: account.id, actorRole: account.role, requestId: event.locals.requestId });
}
