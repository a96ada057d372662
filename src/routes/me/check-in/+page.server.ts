import { auditYoungPerson } from '$lib/server/audit';
import { ownRecord } from '$lib/server/housing/guard';
import { newId } from '$lib/server/ids';
import { parseCheckIn, saveCheckIn } from '$lib/server/monitoring/check-ins';
import { ownContext } from '$lib/server/privacy/own-context';
import { OWN_VIEW } from '$lib/server/privacy/own-view';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	return {
		...OWN_VIEW.checkIns(ownContext(event).ctx),
		operation: newId(),
		done: event.url.searchParams.has('done')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, db, person } = ownRecord(event, 'home.view');
		const parsed = parseCheckIn(await event.request.formData());
		if (!parsed.scores) {
			auditYoungPerson(db, event, actor, 'check_in.save', 'invalid', person.id);
			return fail(400, { values: parsed.values, errors: parsed.errors });
		}
		saveCheckIn(db, { youngPersonId: person.id, userId: actor.id, scores: parsed.scores, words: parsed.words, operationId: parsed.operation });
		auditYoungPerson(db, event, actor, 'check_in.save', 'allowed', person.id);
		redirect(303, '/me/check-in?done=1');
	}
};
