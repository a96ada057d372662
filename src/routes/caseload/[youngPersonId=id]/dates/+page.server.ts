import { londonDay } from '$lib/domain/dates';
import { auditYoungPerson } from '$lib/server/audit';
import { authorizeYoungPerson } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseRecordDates, recordDatesOf, recordDatesValues, saveRecordDates } from '$lib/server/people/record-dates';
import { getYoungPerson } from '$lib/server/people/queries';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ youngPersonId: string }>;

function staff(event: Event, action: 'case_record.view' | 'young_person.record_dates') {
	const { actor } = authorizeYoungPerson(event, action, event.params.youngPersonId);
	const db = getDb();
	const person = getYoungPerson(db, event.params.youngPersonId);
	if (!person) error(404, 'not_found');
	return { actor, db, person };
}

// The dates on a young person's record that move what they get and when (issue 13 items 5 and 9).
export const load: PageServerLoad = (event) => {
	const { actor, db, person } = staff(event, 'case_record.view');
	if (event.request.method === 'GET') auditYoungPerson(db, event, actor, 'young_person.view_dates', 'allowed', person.id);
	return { person: { id: person.id, fullName: person.fullName, preferredName: person.preferredName }, values: recordDatesValues(recordDatesOf(person)) };
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, db, person } = staff(event, 'young_person.record_dates');
		const parsed = parseRecordDates(await event.request.formData(), londonDay(new Date()), person.dateOfBirth);
		if (!parsed.dates) {
			auditYoungPerson(db, event, actor, 'young_person.record_dates', 'invalid', person.id);
			return fail(400, { values: parsed.values, errors: parsed.errors });
		}
		if (saveRecordDates(db, person.id, parsed.dates) === null) error(404, 'not_found');
		auditYoungPerson(db, event, actor, 'young_person.record_dates', 'allowed', person.id);
		redirect(303, `/caseload/${person.id}?saved=dates`);
	}
};
