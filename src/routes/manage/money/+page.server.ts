import { auditYoungPerson, recordAudit } from '$lib/server/audit';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { newId } from '$lib/server/ids';
import { currentLimit, decidePending, pendingList } from '$lib/server/money/ledger';
import { OPERATION_ID } from '$lib/server/money/operations';
import { alertYoungPerson } from '$lib/server/notify/alerts';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

/** Money waiting for a second person: a manager confirms (or refuses) it here before it moves. */
export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'money.approve_over_limit');
	const db = getDb();
	recordAudit(db, { action: 'money.pending.view', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
	const done = event.url.searchParams.get('done');
	return {
		operation: newId(),
		me: actor.id,
		done: done === 'confirmed' || done === 'refused' ? done : null,
		limitPence: currentLimit(db),
		pending: pendingList(db).map((p) => ({ id: p.id, kind: p.kind, youngPersonId: p.youngPersonId, name: p.name, entitlement: p.entitlement, pence: p.pence, item: p.item, overrideReason: p.overrideReason, why: p.why, limitPence: p.limitPence, by: p.by, mine: p.requestedBy === actor.id, requestedAt: p.requestedAt }))
	};
};

const Decide = z.object({ pending: z.string().regex(/^[a-z2-7]{16}$/), decision: z.enum(['confirm', 'refuse']), reason: z.string().max(1000).default(''), operation: z.string().regex(OPERATION_ID) });

export const actions: Actions = {
	decide: async (event) => {
		const actor = authorize(event, 'money.approve_over_limit');
		const db = getDb();
		const raw = Object.fromEntries(await event.request.formData());
		const parsed = Decide.safeParse(raw);
		const values = { reason: String(raw.reason ?? '').slice(0, 1000), operation: String(raw.operation ?? '').slice(0, 64) };
		const pending = String(raw.pending ?? '').slice(0, 16);
		if (!parsed.success) {
			recordAudit(db, { action: 'money.confirm', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
			return fail(400, { pending, errors: { reason: 'invalid' }, values });
		}
		const result = decidePending(db, { pendingId: parsed.data.pending, decision: parsed.data.decision, reason: parsed.data.reason.trim(), actorId: actor.id, operationId: parsed.data.operation });
		const action = parsed.data.decision === 'confirm' ? 'money.confirm' : 'money.refuse';
		if (result.ok) {
			// The audit row names the manager; the one who recorded it is named by their own earlier row (…awaiting_manager).
			auditYoungPerson(db, event, actor, action, 'allowed', result.youngPersonId);
			if (result.code === 'confirmed' && result.kind === 'pay') await alertYoungPerson(db, result.youngPersonId, 'money.paid', { entitlement: result.entitlement });
			if (result.kind === 'decide') await alertYoungPerson(db, result.youngPersonId, 'money.decided', { decision: result.code === 'confirmed' ? 'approved' : 'declined' });
			redirect(303, `/manage/money?done=${result.code}`);
		}
		if (result.code === 'reason_missing') {
			recordAudit(db, { action, outcome: 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
			return fail(400, { pending, errors: { reason: 'refuse_reason_missing' }, values });
		}
		const denied = result.code === 'own_request' || result.code === 'approved_it';
		recordAudit(db, { action, outcome: denied ? 'denied' : 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
		return fail(denied ? 403 : result.code === 'not_found' ? 404 : 409, { pending, conflict: result.code });
	}
};
