import { londonDay } from '$lib/domain/dates';
import { auditYoungPerson } from '$lib/server/audit';
import { authorizeYoungPerson } from '$lib/server/auth/guards';
import { getConfig } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { raiseFlag, tellStaff } from '$lib/server/housing/flags';
import { parseRaise } from '$lib/server/housing/forms';
import { newId } from '$lib/server/ids';
import { getYoungPerson } from '$lib/server/people/queries';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/**
 * A mentor raises a housing worry for their mentee (active match only). They can raise it and see
 * that it was sent; they cannot read the young person's housing history or the PA's notes.
 */
export const load: PageServerLoad = (event) => {
	authorizeYoungPerson(event, 'mentee.raise_housing', event.params.youngPersonId);
	const person = getYoungPerson(getDb(), event.params.youngPersonId);
	if (!person) error(404, 'not_found');
	const c = getConfig();
	return { name: person.preferredName, operation: newId(), emergency: { council: c.COUNCIL_NAME, housingPhone: c.COUNCIL_HOUSING_PHONE, outOfHours: c.COUNCIL_OUT_OF_HOURS_PHONE } };
};

export const actions: Actions = {
	default: async (event) => {
		const { actor } = authorizeYoungPerson(event, 'mentee.raise_housing', event.params.youngPersonId);
		const db = getDb();
		const today = londonDay(new Date());
		const parsed = parseRaise(await event.request.formData(), today, { forSomeone: true });
		if (!parsed.fields) {
			auditYoungPerson(db, event, actor, 'mentee.raise_housing', 'invalid', event.params.youngPersonId);
			return fail(400, { values: parsed.values, errors: parsed.errors });
		}
		const { flag, created } = raiseFlag(db, { youngPersonId: event.params.youngPersonId, raisedBy: actor.id, ...parsed.fields, today });
		auditYoungPerson(db, event, actor, 'mentee.raise_housing', 'allowed', event.params.youngPersonId);
		if (created) await tellStaff(db, flag, event.url.origin, today, new Date(), parsed.writtenAt);
		return { sent: true };
	}
};
