import { recordAudit } from '$lib/server/audit';
import { whoLookedAt } from '$lib/server/audit-search';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { getYoungPersonForUser } from '$lib/server/people/queries';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// "Who has looked at my record": every time someone else opened it, from the audit trail.
export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'own_record.activity');
	const db = getDb();
	const me = getYoungPersonForUser(db, actor.id);
	if (!me) error(404, 'not_found');
	recordAudit(db, { action: 'own_record.activity', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
	return { views: whoLookedAt(db, me.id, actor.id).map((v) => ({ id: v.id, at: v.at.toISOString(), name: v.name, role: v.role, action: v.action })) };
};
