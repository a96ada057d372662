import { londonDay } from '$lib/domain/dates';
import { auditYoungPerson } from '$lib/server/audit';
import { getConfig } from '$lib/server/config';
import { raiseFlag, tellStaff } from '$lib/server/housing/flags';
import { parseRaise } from '$lib/server/housing/forms';
import { ownRecord } from '$lib/server/housing/guard';
import { newId } from '$lib/server/ids';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	ownRecord(event, 'housing.raise');
	const c = getConfig();
	// A fresh operation id per form: sending the same form twice raises one flag.
	return { operation: newId(), emergency: { council: c.COUNCIL_NAME, housingPhone: c.COUNCIL_HOUSING_PHONE, outOfHours: c.COUNCIL_OUT_OF_HOURS_PHONE } };
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, db, person } = ownRecord(event, 'housing.raise');
		const today = londonDay(new Date());
		const parsed = parseRaise(await event.request.formData(), today);
		if (!parsed.fields) {
			auditYoungPerson(db, event, actor, 'housing.raise', 'invalid', person.id);
			return fail(400, { values: parsed.values, errors: parsed.errors });
		}
		const { flag, created } = raiseFlag(db, { youngPersonId: person.id, raisedBy: actor.id, ...parsed.fields, today });
		auditYoungPerson(db, event, actor, 'housing.raise', 'allowed', person.id);
		if (created) await tellStaff(db, flag, event.url.origin, today, new Date(), parsed.writtenAt);
		redirect(303, `/me/housing/${flag.id}?raised=1`);
	}
};
