import { dev } from '$app/environment';
import { recordAudit } from '$lib/server/audit';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { removeSubscription, saveSubscription, subscriptionBody, UnsubscribeBody } from '$lib/server/notify/push';
import { json, type RequestEvent } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

// A fake push service on 127.0.0.1 is for development only; a built server sends only to the browsers' push services.
const Subscribe = subscriptionBody(dev);

/** Who is asking, for a JSON endpoint: 401 (not a redirect) when nobody is signed in on this device. */
function who(event: RequestEvent) {
	if (!event.locals.user || !event.locals.session) return null;
	return authorize(event, 'own.push_subscription');
}

/** Turns alerts on for the device the person is signed in on (the browser sends its subscription). */
export const POST: RequestHandler = async (event) => {
	const actor = who(event);
	if (!actor || !event.locals.session) return json({ error: 'sign_in' }, { status: 401 });
	const db = getDb();
	const body = Subscribe.safeParse(await event.request.json().catch(() => null));
	if (!body.success) {
		recordAudit(db, { action: 'account.alerts_on', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
		return json({ error: 'bad_request' }, { status: 400 });
	}
	saveSubscription(db, { userId: actor.id, sessionId: event.locals.session.id, endpoint: body.data.endpoint, p256dh: body.data.keys.p256dh, auth: body.data.keys.auth });
	recordAudit(db, { action: 'account.alerts_on', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
	return json({ alerts: 'on' });
};

/** Turns alerts off for one of the person's own devices (by its endpoint; anyone else's is untouched). */
export const DELETE: RequestHandler = async (event) => {
	const actor = who(event);
	if (!actor) return json({ error: 'sign_in' }, { status: 401 });
	const db = getDb();
	const body = UnsubscribeBody.safeParse(await event.request.json().catch(() => null));
	if (!body.success) {
		recordAudit(db, { action: 'account.alerts_off', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
		return json({ error: 'bad_request' }, { status: 400 });
	}
	const removed = removeSubscription(db, actor.id, body.data.endpoint);
	recordAudit(db, { action: 'account.alerts_off', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
	return json({ alerts: 'off', removed });
};
