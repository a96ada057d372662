import { acceptInvitation } from '$lib/server/auth/accounts';
import { lookUpInvitation } from '$lib/server/auth/invitations';
import { RegisterBody, recallChallenge, rememberChallenge, finishRegistration, siteOf, startRegistration } from '$lib/server/auth/passkeys';
import { recoveryRefusedFor, tellOfRecovery } from '$lib/server/auth/recovery';
import { startSession } from '$lib/server/auth/sign-in';
import { recordAudit } from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import { HOME } from '$lib/server/policy';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const db = getDb();
	const { state, invitation } = lookUpInvitation(db, event.params.token);
	if (state !== 'valid' || !invitation) return json({ error: state }, { status: 410 });
	if (recoveryRefusedFor(event.locals.user, invitation)) {
		recordAudit(db, { action: 'invitation.accept.recovery', outcome: 'denied', actorId: event.locals.user?.id ?? null, actorRole: event.locals.user?.role ?? null, subjectType: 'invitation', subjectId: invitation.id, requestId: event.locals.requestId });
		return json({ error: 'someone_else' }, { status: 403 });
	}
	const body = RegisterBody.safeParse(await event.request.json().catch(() => null));
	if (!body.success) return json({ error: 'bad_request' }, { status: 400 });
	const site = siteOf(event.url);
	if (body.data.step === 'options') {
		const { options, challengeId } = await startRegistration(db, site, { invitationId: invitation.id, name: invitation.email ?? invitation.displayName, existing: [] });
		rememberChallenge(event.cookies, event.url, challengeId);
		return json({ options });
	}
	const challengeId = recallChallenge(event.cookies);
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked by SimpleWebAuthn itself
	const registered = await finishRegistration(db, site, challengeId, body.data.response as any);
	if (!registered.ok || registered.owner.invitationId !== invitation.id) {
		recordAudit(db, { action: 'invitation.accept', outcome: 'failed', subjectType: 'invitation', subjectId: invitation.id, requestId: event.locals.requestId });
		return json({ error: 'not_verified' }, { status: 400 });
	}
	const result = await acceptInvitation(db, invitation, { passkey: registered.credential, passkeyName: body.data.name });
	if (!result.ok) return json({ error: 'used' }, { status: 410 });
	recordAudit(db, { action: `invitation.accept.${invitation.purpose}`, outcome: 'allowed', actorId: result.account.id, actorRole: result.account.role, subjectType: 'invitation', subjectId: invitation.id, requestId: event.locals.requestId });
	if (result.undoToken) await tellOfRecovery(db, event.url.origin, result.account.id, result.undoToken);
	startSession(db, event, result.account, 'invitation');
	return json({ redirect: `${HOME[result.account.role]}?welcome=1` });
};
