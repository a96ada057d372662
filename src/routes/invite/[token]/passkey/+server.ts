import { acceptInvitation } from '$lib/server/auth/accounts';
import { lookUpInvitation } from '$lib/server/auth/invitations';
import { CHALLENGE_COOKIE, finishRegistration, siteOf, startRegistration } from '$lib/server/auth/passkeys';
import { startSession } from '$lib/server/auth/sign-in';
import { recordAudit } from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import { HOME } from '$lib/server/policy';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const Body = z.discriminatedUnion('step', [
	z.object({ step: z.literal('options') }),
	z.object({ step: z.literal('verify'), name: z.string().trim().min(1).max(60), response: z.looseObject({ id: z.string().max(1024), type: z.literal('public-key') }) })
]);

export const POST: RequestHandler = async (event) => {
	const db = getDb();
	const { state, invitation } = lookUpInvitation(db, event.params.token);
	if (state !== 'valid' || !invitation) return json({ error: state }, { status: 410 });
	const body = Body.safeParse(await event.request.json().catch(() => null));
	if (!body.success) return json({ error: 'bad_request' }, { status: 400 });
	const site = siteOf(event.url);
	if (body.data.step === 'options') {
		const { options, challengeId } = await startRegistration(db, site, { invitationId: invitation.id, name: invitation.email ?? invitation.displayName, existing: [] });
		event.cookies.set(CHALLENGE_COOKIE, challengeId, { path: '/', httpOnly: true, sameSite: 'strict', secure: event.url.protocol === 'https:', maxAge: 300 });
		return json({ options });
	}
	const challengeId = event.cookies.get(CHALLENGE_COOKIE);
	event.cookies.delete(CHALLENGE_COOKIE, { path: '/' });
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked by SimpleWebAuthn itself
	const registered = await finishRegistration(db, site, challengeId, body.data.response as any);
	if (!registered.ok || registered.owner.invitationId !== invitation.id) {
		recordAudit(db, { action: 'invitation.accept', outcome: 'failed', subjectType: 'invitation', subjectId: invitation.id, requestId: event.locals.requestId });
		return json({ error: 'not_verified' }, { status: 400 });
	}
	const result = await acceptInvitation(db, invitation, { passkey: registered.credential, passkeyName: body.data.name });
	if (!result.ok) return json({ error: 'used' }, { status: 410 });
	recordAudit(db, { action: 'invitation.accept', outcome: 'allowed', actorId: result.account.id, actorRole: result.account.role, subjectType: 'invitation', subjectId: invitation.id, requestId: event.locals.requestId });
	startSession(db, event, result.account, 'invitation');
	return json({ redirect: `${HOME[result.account.role]}?welcome=1` });
};
