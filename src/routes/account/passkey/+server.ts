import { recordAudit } from '$lib/server/audit';
import { requireActor } from '$lib/server/auth/guards';
import { RegisterBody, recallChallenge, rememberChallenge, finishRegistration, listPasskeys, savePasskey, siteOf, startRegistration } from '$lib/server/auth/passkeys';
import { getDb } from '$lib/server/db';
import { notifyUser } from '$lib/server/notify/in-app';
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';


/** Adds a passkey to the signed-in person's own account. */
export const POST: RequestHandler = async (event) => {
	if (!event.locals.user) error(401, 'sign in first');
	const actor = requireActor(event);
	const db = getDb();
	const body = RegisterBody.safeParse(await event.request.json().catch(() => null));
	if (!body.success) return json({ error: 'bad_request' }, { status: 400 });
	const site = siteOf(event.url);
	if (body.data.step === 'options') {
		const { options, challengeId } = await startRegistration(db, site, { userId: actor.id, name: event.locals.user.displayName, existing: listPasskeys(db, actor.id) });
		rememberChallenge(event.cookies, event.url, challengeId);
		return json({ options });
	}
	const challengeId = recallChallenge(event.cookies);
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked by SimpleWebAuthn itself
	const registered = await finishRegistration(db, site, challengeId, body.data.response as any);
	if (!registered.ok || registered.owner.userId !== actor.id) {
		recordAudit(db, { action: 'account.add_passkey', outcome: 'failed', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
		return json({ error: 'not_verified' }, { status: 400 });
	}
	savePasskey(db, actor.id, registered.credential, body.data.name);
	notifyUser(db, actor.id, 'sign_in_method.passkey_added', { name: body.data.name });
	recordAudit(db, { action: 'account.add_passkey', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
	return json({ redirect: '/account?passkey=added' });
};
