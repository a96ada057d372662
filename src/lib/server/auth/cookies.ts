import type { Cookies } from '@sveltejs/kit';
import { sessionCookieName } from './session';

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	const secure = url.protocol === 'https:';
	cookies.set(sessionCookieName(secure), token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	const secure = url.protocol === 'https:';
	cookies.delete(sessionCookieName(secure), { path: '/', secure });
}
