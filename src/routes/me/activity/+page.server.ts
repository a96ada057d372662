import { recordAudit } from '$lib/server/audit';
import { ownContext } from '$lib/server/privacy/own-context';
import { OWN_VIEW } from '$lib/server/privacy/own-view';
import type { PageServerLoad } from './$types';

// "Who has looked at my record": every time someone else opened it, from the audit trail.
export const load: PageServerLoad = (event) => {
	const { actor, db, ctx } = ownContext(event, 'own_record.activity');
	recordAudit(db, { action: 'own_record.activity', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
	return OWN_VIEW.activity(ctx);
};
