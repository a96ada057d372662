import { recordAudit } from '$lib/server/audit';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { changeRole, getStaffMember, setAccountStatus, STAFF_ROLES } from '$lib/server/people/manage';
import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	authorize(event, 'people.manage');
	const member = getStaffMember(getDb(), event.params.userId);
	if (!member) error(404, 'not_found');
	return { member, self: member.id === event.locals.user?.id };
};

const RoleForm = z.object({ role: z.enum(STAFF_ROLES) });

export const actions: Actions = {
	changeRole: async (event) => {
		const actor = authorize(event, 'people.manage');
		const db = getDb();
		const member = getStaffMember(db, event.params.userId);
		if (!member) error(404, 'not_found');
		const parsed = RoleForm.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success || member.id === actor.id) {
			recordAudit(db, { action: 'people.change_role', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, subjectType: 'user', subjectId: member.id, requestId: event.locals.requestId });
			return fail(400, { errors: { role: member.id === actor.id ? 'own_account' : 'role_missing' } });
		}
		changeRole(db, member.id, parsed.data.role);
		recordAudit(db, { action: 'people.change_role', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'user', subjectId: member.id, requestId: event.locals.requestId });
		return { saved: 'role' };
	},
	setStatus: async (event) => {
		const actor = authorize(event, 'people.manage');
		const db = getDb();
		const member = getStaffMember(db, event.params.userId);
		if (!member) error(404, 'not_found');
		const status = String((await event.request.formData()).get('status') ?? '');
		if ((status !== 'active' && status !== 'disabled') || member.id === actor.id) {
			recordAudit(db, { action: 'people.set_status', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, subjectType: 'user', subjectId: member.id, requestId: event.locals.requestId });
			return fail(400, { errors: { status: 'invalid' } });
		}
		setAccountStatus(db, member.id, status);
		recordAudit(db, { action: `people.${status === 'disabled' ? 'disable' : 'enable'}`, outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'user', subjectId: member.id, requestId: event.locals.requestId });
		return { saved: status };
	}
};
