import { acceptInvitation, invitationNeedsEmail } from '$lib/server/auth/accounts';
import { lookUpInvitation } from '$lib/server/auth/invitations';
import { MAX_PASSWORD, passwordProblem } from '$lib/server/auth/password';
import { recoveryRefusedFor, tellOfRecovery } from '$lib/server/auth/recovery';
import { startSession } from '$lib/server/auth/sign-in';
import { recordAudit } from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import { HOME } from '$lib/server/policy';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const db = getDb();
	const { state, invitation } = lookUpInvitation(db, params.token);
	if (state !== 'valid' || !invitation) {
		// Say plainly what is wrong; no account is made. Nothing else about the invitation is shown.
		return { state, invitation: null, signedIn: Boolean(locals.user) };
	}
	// A recovery link never signs in a browser where someone else is signed in (finding 12.4).
	if (recoveryRefusedFor(locals.user, invitation)) return { state: 'someone_else' as const, invitation: null, signedIn: true };
	return {
		state,
		signedIn: Boolean(locals.user),
		needsEmail: invitationNeedsEmail(db, invitation),
		invitation: { displayName: invitation.displayName, role: invitation.role, purpose: invitation.purpose, expiresAt: invitation.expiresAt.toISOString() }
	};
};

const Form = z.object({ email: z.string().trim().max(254).optional(), password: z.string().max(MAX_PASSWORD * 4), confirm: z.string().max(MAX_PASSWORD * 4) });

export const actions: Actions = {
	password: async (event) => {
		const db = getDb();
		const { state, invitation } = lookUpInvitation(db, event.params.token);
		if (state !== 'valid' || !invitation) {
			recordAudit(db, { action: 'invitation.accept', outcome: 'denied', requestId: event.locals.requestId });
			return fail(410, { errors: {}, gone: state });
		}
		if (recoveryRefusedFor(event.locals.user, invitation)) {
			// Audited with who tried, against the link's id.
			recordAudit(db, { action: 'invitation.accept.recovery', outcome: 'denied', actorId: event.locals.user?.id ?? null, actorRole: event.locals.user?.role ?? null, subjectType: 'invitation', subjectId: invitation.id, requestId: event.locals.requestId });
			return fail(403, { errors: {}, gone: 'someone_else' as const });
		}
		const raw = Object.fromEntries(await event.request.formData());
		const parsed = Form.safeParse(raw);
		const needsEmail = invitationNeedsEmail(db, invitation);
		const values = { email: typeof raw.email === 'string' ? raw.email.slice(0, 254) : '' };
		const errors: Record<string, string> = {};
		if (!parsed.success) errors.password = 'too_long';
		else {
			// Sign-in with a password is by email: a young person gives one here (finding 12.13).
			if (needsEmail) {
				if (!parsed.data.email) errors.email = 'email_missing';
				else if (!z.email().safeParse(parsed.data.email).success) errors.email = 'email_format';
			}
			const problem = parsed.data.password ? passwordProblem(parsed.data.password) : 'password_missing';
			if (problem) errors.password = problem;
			else if (parsed.data.confirm !== parsed.data.password) errors.confirm = 'confirm_mismatch';
		}
		if (!parsed.success || Object.keys(errors).length > 0) {
			recordAudit(db, { action: 'invitation.accept', outcome: 'invalid', subjectType: 'invitation', subjectId: invitation.id, requestId: event.locals.requestId });
			return fail(400, { errors, values });
		}
		const result = await acceptInvitation(db, invitation, { password: parsed.data.password, email: needsEmail ? parsed.data.email : undefined });
		if (!result.ok) {
			recordAudit(db, { action: 'invitation.accept', outcome: 'invalid', subjectType: 'invitation', subjectId: invitation.id, requestId: event.locals.requestId });
			if (result.reason === 'email_taken') return fail(400, { errors: { email: 'email_taken' } as Record<string, string>, values });
			return fail(410, { errors: {}, gone: result.reason === 'has_account' ? ('revoked' as const) : ('used' as const) });
		}
		// Who used the link (the account), against the link's id; who made it is audited the same way.
		recordAudit(db, { action: `invitation.accept.${invitation.purpose}`, outcome: 'allowed', actorId: result.account.id, actorRole: result.account.role, subjectType: 'invitation', subjectId: invitation.id, requestId: event.locals.requestId });
		if (result.undoToken) await tellOfRecovery(db, event.url.origin, result.account.id, result.undoToken);
		startSession(db, event, result.account, 'invitation');
		redirect(303, `${HOME[result.account.role]}?welcome=1`);
	}
};
