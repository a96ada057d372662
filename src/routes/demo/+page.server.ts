import { recordAudit } from '$lib/server/audit';
import { startSession } from '$lib/server/auth/sign-in';
import { getDb } from '$lib/server/db';
import { listDemoAccounts } from '$lib/server/people/queries';
import { HOME } from '$lib/server/policy';
import { safeReturnPath } from '$lib/server/security';
import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

// Demo only: sign in as one of the made-up demo accounts with one tap. In `build/` (npm start)
// __DEMO__ is false at compile time, so this route answers 404 and the rest is dead code.

export const load: PageServerLoad = ({ url }) => {
	if (!__DEMO__) error(404, 'not_found');
	return { accounts: listDemoAccounts(getDb()), returnTo: safeReturnPath(url.searchParams.get('returnTo'), '') };
};

const SignIn = z.object({ account: z.string().regex(/^[a-z2-7]{16}$/), returnTo: z.string().max(500).optional(), ownDevice: z.literal('yes').optional() });

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		if (!__DEMO__) error(404, 'not_found');
		const parsed = SignIn.safeParse(Object.fromEntries(await request.formData()));
		const db = getDb();
		const account = parsed.success ? listDemoAccounts(db).find((a) => a.id === parsed.data.account) : undefined;
		if (!parsed.success || !account) {
			recordAudit(db, { action: 'sign_in.demo', outcome: 'invalid', requestId: locals.requestId });
			return fail(400, { error: true });
		}
		startSession(db, event, account, 'demo', parsed.data.ownDevice === 'yes');
		redirect(303, safeReturnPath(parsed.data.returnTo, HOME[account.role]));
	}
};
