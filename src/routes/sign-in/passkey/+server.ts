import { recordAudit } from '$lib/server/audit';
import { AuthenticateBody, recallChallenge, rememberChallenge, finishAuthentication, siteOf, startAuthentication } from '$lib/server/auth/passkeys';
import { startSession } from '$lib/server/auth/sign-in';
import { accountKey, addressKey, recordSignInFailure, signInBlockedUntil } from '$lib/server/auth/throttle';
import { getDb } from '$lib/server/db';
import { user } from '$lib/server/db/schema';
import { HOME } from '$lib/server/policy';
import { json } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import type { RequestHandler } from './$types';


export const POST: RequestHandler = async (event) => {
	const db = getDb();
	const body = AuthenticateBody.safeParse(await event.request.json().catch(() => null));
	if (!body.success) return json({ error: 'bad_request' }, { status: 400 });
	const site = siteOf(event.url);
	const address = addressKey(event.getClientAddress());
	if (body.data.step === 'options') {
		const { options, challengeId } = await startAuthentication(db, site);
		rememberChallenge(event.cookies, event.url, challengeId);
		return json({ options });
	}
	const blocked = signInBlockedUntil(db, { account: accountKey(`passkey:${body.data.response.id}`), address });
	if (blocked) return json({ error: 'throttled', retryAt: blocked.toISOString() }, { status: 429 });
	const challengeId = recallChallenge(event.cookies);
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked by SimpleWebAuthn itself
	const result = await finishAuthentication(db, site, challengeId, body.data.response as any);
	const account = result.ok
		? db.select({ id: user.id, role: user.role }).from(user).where(and(eq(user.id, result.userId), eq(user.status, 'active'))).get()
		: undefined;
	if (!account) {
		recordSignInFailure(db, { account: accountKey(`passkey:${body.data.response.id}`), address });
		recordAudit(db, { action: 'sign_in.passkey', outcome: 'failed', requestId: event.locals.requestId });
		return json({ error: 'not_recognised' }, { status: 400 });
	}
	startSession(db, event, account, 'passkey');
	return json({ redirect: HOME[account.role] });
};
