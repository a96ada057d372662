import { auditYoungPerson } from '$lib/server/audit';
import { getConfig } from '$lib/server/config';
import { addFlagStep, EMERGENCY_KINDS, getFlag } from '$lib/server/housing/flags';
import { ownRecord } from '$lib/server/housing/guard';
import { ownContext } from '$lib/server/privacy/own-context';
import { OWN_VIEW } from '$lib/server/privacy/own-view';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	// The worry and what happened, in plain words (OWN_VIEW.housingFlag: staff notes stay with staff).
	const view = OWN_VIEW.housingFlag(ownContext(event, 'housing.view_own').ctx, event.params.flagId);
	if (!view) error(404, 'not_found');
	const { flag } = view;
	const c = getConfig();
	return {
		...view,
		emergency: EMERGENCY_KINDS.has(flag.kind) && flag.status !== 'resolved' ? { council: c.COUNCIL_NAME, housingPhone: c.COUNCIL_HOUSING_PHONE, outOfHours: c.COUNCIL_OUT_OF_HOURS_PHONE } : null,
		raised: event.url.searchParams.has('raised')
	};
};

export const actions: Actions = {
	/** The young person adds something ("the landlord has changed the locks"). */
	update: async (event) => {
		const { actor, db, person } = ownRecord(event, 'housing.raise');
		// Someone else's flag id is unknown here: 404 before anything is read from the form.
		if (!getFlag(db, event.params.flagId, person.id)) error(404, 'not_found');
		const note = String((await event.request.formData()).get('note') ?? '').slice(0, 2000);
		if (!note.trim() || note.trim().length > 1000) {
			auditYoungPerson(db, event, actor, 'housing.update', 'invalid', person.id);
			return fail(400, { errors: { note: note.trim() ? 'note_too_long' : 'update_missing' }, values: { note } });
		}
		const result = addFlagStep(db, { flagId: event.params.flagId, youngPersonId: person.id, actorId: actor.id, kind: 'update', note: note.trim() });
		if (result === 'not_found') error(404, 'not_found');
		auditYoungPerson(db, event, actor, 'housing.update', 'allowed', person.id);
		return { updated: true };
	}
};
