import { signInWithPassword } from '$lib/server/auth/accounts';
import { startSession } from '$lib/server/auth/sign-in';
import { recordAudit } from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import { HOME } from '$lib/server/policy';
import { safeReturnPath } from '$lib/server/security';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, HOME[locals.user.role]);
	return { returnTo: safeReturnPath(url.searchParams.get('returnTo'), '') };
};

const Form = z.object({
	email: z.string().trim().max(254),
	password: z.string().max(1024),
	returnTo: z.string().max(500).optional(),
	ownDevice: z.literal('yes').optional()
});

export const actions: Actions = {
	default: async (event) => {
		const db = getDb();
		const raw = Object.fromEntries(await event.request.formData());
		const parsed = Form.safeParse(raw);
		// Never send the password back; keep what else was typed.
		const values = { email: typeof raw.email === 'string' ? raw.email.slice(0, 254) : '', returnTo: safeReturnPath(String(raw.returnTo ?? ''), ''), ownDevice: raw.ownDevice === 'yes' };
		const errors: Record<string, string> = {};
		if (!parsed.success) errors.email = 'invalid';
		else {
			if (!parsed.data.email) errors.email = 'email_missing';
			else if (!z.email().safeParse(parsed.data.email).success) errors.email = 'email_format';
			if (!parsed.data.password) errors.password = 'password_missing';
		}
		if (!parsed.success || Object.keys(errors).length > 0) {
			recordAudit(db, { action: 'sign_in.password', outcome: 'invalid', requestId: event.locals.requestId });
			return fail(400, { values, errors });
		}
		const result = await signInWithPassword(db, parsed.data.email, parsed.data.password, event.getClientAddress());
		if (!result.ok) {
			recordAudit(db, { action: 'sign_in.password', outcome: 'failed', requestId: event.locals.requestId });
			if (result.reason === 'throttled') return fail(429, { values, errors: {}, retryAt: result.retryAt.toISOString() });
			return fail(400, { values, errors: { email: 'wrong' } });
		}
		startSession(db, event, result.account, 'password', parsed.data.ownDevice === 'yes');
		redirect(303, safeReturnPath(parsed.data.returnTo, HOME[result.account.role]));
	}
};
