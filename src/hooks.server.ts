import { building } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getTextDirection } from '$lib/paraglide/runtime';
import { sessionCookieName, validateSessionToken } from '$lib/server/auth/session';
import { getDb, openAppDatabase } from '$lib/server/db';
import { StartupError } from '$lib/server/db/client';
import { log } from '$lib/server/log';
import { startJobs } from '$lib/server/jobs/schedule';
import { startPush } from '$lib/server/notify/push';
import { screenRequest, securityHeaders, unreadableForm } from '$lib/server/security';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';

/** Opens (and migrates) the database before the server listens; a bad one stops it with one sentence. */
export const init: ServerInit = () => {
	if (building) return;
	try {
		openAppDatabase();
		startPush({ db: getDb });
		startJobs();
	} catch (error) {
		if (error instanceof StartupError) {
			console.error(`Harbour did not start: ${error.message}`);
			process.exit(1);
		}
		throw error;
	}
};

const context: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = crypto.randomUUID();
	event.locals.user = null;
	event.locals.session = null;
	const response = await resolve(event);
	log.info(
		{
			requestId: event.locals.requestId,
			method: event.request.method,
			route: event.route.id,
			status: response.status,
			role: (event.locals as App.Locals).user?.role,
			ms: Math.round(performance.now() - started)
		},
		'request'
	);
	return response;
};

const screen: Handle = async ({ event, resolve }) => {
	const refused = screenRequest(event.request.method, event.request.headers, event.url.origin);
	if (refused) {
		return new Response(refused.message, { status: refused.status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	if (await unreadableForm(event.request)) {
		return new Response('This form could not be read. Please go back and send it again.', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	return resolve(event);
};

const session: Handle = async ({ event, resolve }) => {
	const secure = event.url.protocol === 'https:';
	const name = sessionCookieName(secure);
	const token = event.cookies.get(name);
	if (token) {
		const result = validateSessionToken(openAppDatabase().db, token);
		if (result) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			if (result.renewed) {
				event.cookies.set(name, token, {
					path: '/',
					httpOnly: true,
					sameSite: 'lax',
					secure,
					expires: result.session.expiresAt
				});
			}
		} else {
			// A deleted or expired session: sign out quietly rather than show an error.
			event.cookies.delete(name, { path: '/', secure });
		}
	}
	return resolve(event);
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale).replace('%dir%', getTextDirection(locale))
		});
	});

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const set = securityHeaders(event.url.protocol === 'https:');
	for (const [key, value] of Object.entries(set)) {
		if (!response.headers.has(key) || key === 'cache-control') response.headers.set(key, value);
	}
	response.headers.set('x-request-id', event.locals.requestId);
	return response;
};

export const handle = sequence(context, headers, screen, session, i18n);

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status >= 500) log.error({ err: error, requestId: event.locals.requestId, route: event.route.id }, 'unhandled error');
	return { message: status === 404 ? 'not_found' : 'error', requestId: event.locals.requestId };
};
