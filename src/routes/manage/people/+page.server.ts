import { recordAudit } from '$lib/server/audit';
import { authorize } from '$lib/server/auth/guards';
import { listOpenInvitations, revokeInvitation } from '$lib/server/auth/invitations';
import { getDb } from '$lib/server/db';
import { emailInUse, listStaff, STAFF_ROLES } from '$lib/server/people/manage';
import { inviteStaff } from '$lib/server/people/invite';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { cleanName } from '$lib/domain/text';

export const load: PageServerLoad = (event) => {
	authorize(event, 'people.manage');
	const db = getDb();
	return {
		staff: listStaff(db),
		invitations: listOpenInvitations(db).map((i) => ({ id: i.id, displayName: i.displayName, role: i.role, purpose: i.purpose, expiresAt: i.expiresAt.toISOString() }))
	};
};

const Invite = z.object({
	role: z.enum(STAFF_ROLES).optional(),
	displayName: z.string().max(500).transform(cleanName),
	email: z.string().trim().max(500)
});

export const actions: Actions = {
	invite: async (event) => {
		const actor = authorize(event, 'people.manage');
		const db = getDb();
		const raw = Object.fromEntries(await event.request.formData());
		const values = { role: String(raw.role ?? ''), displayName: String(raw.displayName ?? '').slice(0, 500), email: String(raw.email ?? '').slice(0, 500) };
		const parsed = Invite.safeParse(raw);
		const errors: Record<string, string> = {};
		if (!parsed.success) errors.role = 'invalid';
		else {
			if (!parsed.data.role) errors.role = 'role_missing';
			if (!parsed.data.displayName) errors.displayName = 'name_missing';
			else if (parsed.data.displayName.length > 100) errors.displayName = 'name_too_long';
			if (!parsed.data.email) errors.email = 'email_missing';
			else if (!z.email().safeParse(parsed.data.email).success) errors.email = 'email_format';
			else if (emailInUse(db, parsed.data.email)) errors.email = 'email_taken';
		}
		if (!parsed.success || !parsed.data.role || Object.keys(errors).length > 0) {
			recordAudit(db, { action: 'people.invite', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
			return fail(400, { values, errors });
		}
		const invited = await inviteStaff(db, event.url.origin, { role: parsed.data.role, displayName: parsed.data.displayName, email: parsed.data.email }, actor.id);
		recordAudit(db, { action: 'people.invite', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'invitation', requestId: event.locals.requestId });
		return { invited };
	},

	revoke: async (event) => {
		const actor = authorize(event, 'people.manage');
		const db = getDb();
		const id = String((await event.request.formData()).get('invitation') ?? '');
		const ok = /^[a-z2-7]{16}$/.test(id) && revokeInvitation(db, id);
		recordAudit(db, { action: 'invitation.revoke', outcome: ok ? 'allowed' : 'invalid', actorId: actor.id, actorRole: actor.role, subjectType: 'invitation', subjectId: ok ? id : null, requestId: event.locals.requestId });
		if (!ok) return fail(400, { revokeError: true });
		return { revoked: true };
	}
};
