import { acceptInvitation } from '$lib/server/auth/accounts';
import { lookUpInvitation } from '$lib/server/auth/invitations';
import { MAX_PASSWORD, passwordProblem } from '$lib/server/auth/password';
import { startSession } from '$lib/server/auth/sign-in';
import { recordAudit } from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import { HOME } from '$lib/server/policy';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const { state, invitation } = lookUpInvitation(getDb(), params.token);
	if (state !== 'valid' || !invitation) {
		// Say plainly what is wrong; no account is made. Nothing else about the invitation is shown.
		return { state, invitation: null, signedIn: Boolean(locals.user) };
	}
	return {
		state,
		signedIn: Boolean(locals.user),
		invitation: { displayName: invitation.displayName, role: invitation.role, purpose: invitation.purpose, expiresAt: invitation.expiresAt.toISOString() }
	};
};

const Form = z.object({ password: z.string().max(MAX_PASSWORD * 4), confirm: z.string().max(MAX_PASSWORD * 4) });

export const actions: Actions = {
	password: async (event) => {
		const db = getDb();
		const { state, invitation } = lookUpInvitation(db, event.params.token);
		if (state !== 'valid' || !invitation) {
			recordAudit(db, { action: 'invitation.accept', outcome: 'denied', requestId: event.locals.requestId });
			return fail(410, { errors: {}, gone: state });
		}
		const parsed = Form.safeParse(Object.fromEntries(await event.request.formData()));
		const errors: Record<string, string> = {};
		if (!parsed.success) errors.password = 'too_long';
		else {
			const problem = parsed.data.password ? passwordProblem(parsed.data.password) : 'password_missing';
			if (problem) errors.password = problem;
			else if (parsed.data.confirm !== parsed.data.password) errors.confirm = 'confirm_mismatch';
		}
		if (!parsed.success || Object.keys(errors).length > 0) {
			recordAudit(db, { action: 'invitation.accept', outcome: 'invalid', subjectType: 'invitation', subjectId: invitation.id, requestId: event.locals.requestId });
			return fail(400, { errors });
		}
		const result = await acceptInvitation(db, invitation, { password: parsed.data.password });
		if (!result.ok) return fail(410, { errors: {}, gone: 'used' as const });
		recordAudit(db, { action: 'invitation.accept', outcome: 'allowed', actorId: result.account.id, actorRole: result.account.role, subjectType: 'invitation', subjectId: invitation.id, requestId: event.locals.requestId });
		startSession(db, event, result.account, 'invitation');
		redirect(303, `${HOME[result.account.role]}?welcome=1`);
	}
};
