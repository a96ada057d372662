import { recordAudit } from '$lib/server/audit';
import { signInWithPasskey } from '$lib/server/auth/accounts';
import { AuthenticateBody, beginPasskeySignIn, recallChallenge, rememberChallenge, siteOf } from '$lib/server/auth/passkeys';
import { startSession } from '$lib/server/auth/sign-in';
import { getDb } from '$lib/server/db';
import { HOME } from '$lib/server/policy';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const db = getDb();
	const body = AuthenticateBody.safeParse(await event.request.json().catch(() => null));
	if (!body.success) return json({ error: 'bad_request' }, { status: 400 });
	const site = siteOf(event.url);
	if (body.data.step === 'options') {
		// Throttled by address, with a cap on challenges waiting (finding 12.10).
		const started = await beginPasskeySignIn(db, site, event.getClientAddress());
		if (!started.ok) return json({ error: 'throttled', retryAt: started.retryAt.toISOString() }, { status: 429 });
		rememberChallenge(event.cookies, event.url, started.challengeId);
		return json({ options: started.options });
	}
	const challengeId = recallChallenge(event.cookies);
	const result = await signInWithPasskey(db, site, challengeId, body.data.response, event.getClientAddress());
	if (!result.ok) {
		recordAudit(db, { action: 'sign_in.passkey', outcome: 'failed', requestId: event.locals.requestId });
		if (result.reason === 'throttled') return json({ error: 'throttled', retryAt: result.retryAt.toISOString() }, { status: 429 });
		return json({ error: 'not_recognised' }, { status: 400 });
	}
	startSession(db, event, result.account, 'passkey');
	return json({ redirect: HOME[result.account.role] });
};
