import { lookUpUndo, undoRecovery } from '$lib/server/auth/accounts';
import { recordAudit } from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/**
 * "This was not me" (finding 12.4): the link in the recovery notice (email and push). Opening it
 * changes nothing; the button undoes the recovery, within 7 days. Anyone holding the link may use
 * it: it only takes away what the recovery gave and gives back what the young person had.
 */
export const load: PageServerLoad = ({ params }) => ({ state: lookUpUndo(getDb(), params.token) });

export const actions: Actions = {
	undo: (event) => {
		const db = getDb();
		const { state, invitation } = undoRecovery(db, event.params.token);
		recordAudit(db, {
			action: 'recovery.undo',
			outcome: state === 'undone' ? 'allowed' : 'invalid',
			actorId: state === 'undone' ? (invitation?.usedBy ?? null) : null,
			actorRole: state === 'undone' ? 'young_person' : null,
			subjectType: invitation ? 'invitation' : null,
			subjectId: invitation?.id ?? null,
			requestId: event.locals.requestId
		});
		if (state !== 'undone') return fail(410, { state });
		redirect(303, `/recovery/undo/${event.params.token}`);
	}
};
