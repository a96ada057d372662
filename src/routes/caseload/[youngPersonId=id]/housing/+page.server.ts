import { londonDay, parseDateParts } from '$lib/domain/dates';
import { auditYoungPerson } from '$lib/server/audit';
import { authorizeYoungPerson } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { addStay, flagsFor, raiseFlag, staysFor, tellStaff } from '$lib/server/housing/flags';
import { accomProblem, parseRaise } from '$lib/server/housing/forms';
import { newId } from '$lib/server/ids';
import { getYoungPerson } from '$lib/server/people/queries';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ youngPersonId: string }>;

function staff(event: Event, action: 'case_record.view' | 'housing.manage' | 'housing.raise_for') {
	const { actor } = authorizeYoungPerson(event, action, event.params.youngPersonId);
	const db = getDb();
	const person = getYoungPerson(db, event.params.youngPersonId);
	if (!person) error(404, 'not_found');
	return { actor, db, person, today: londonDay(new Date()) };
}

export const load: PageServerLoad = (event) => {
	const { actor, db, person } = staff(event, 'case_record.view');
	if (event.request.method === 'GET') auditYoungPerson(db, event, actor, 'young_person.view_housing', 'allowed', person.id);
	return {
		person: { id: person.id, fullName: person.fullName, preferredName: person.preferredName },
		flags: flagsFor(db, person.id).map((f) => ({ id: f.id, kind: f.kind, urgency: f.urgency, status: f.status, raisedAt: f.raisedAt, outcome: f.outcome })),
		stays: staysFor(db, person.id),
		operation: newId()
	};
};

const text = (form: FormData, key: string, max = 1000) => String(form.get(key) ?? '').slice(0, max);

export const actions: Actions = {
	/** The PA raises a flag themself (from a phone call, say): the same record, the same clocks. */
	raise: async (event) => {
		const { actor, db, person, today } = staff(event, 'housing.raise_for');
		const parsed = parseRaise(await event.request.formData(), today, { forSomeone: true });
		if (!parsed.fields) {
			auditYoungPerson(db, event, actor, 'housing.raise_for', 'invalid', person.id);
			return fail(400, { form: 'raise', values: parsed.values, errors: parsed.errors });
		}
		const { flag, created } = raiseFlag(db, { youngPersonId: person.id, raisedBy: actor.id, ...parsed.fields, today });
		auditYoungPerson(db, event, actor, 'housing.raise_for', 'allowed', person.id);
		if (created) await tellStaff(db, flag, event.url.origin, today);
		redirect(303, `/caseload/${person.id}/housing/${flag.id}`);
	},

	/** Adds a stay to the accommodation history (SSDA903 ACCOM code with its suitability). */
	stay: async (event) => {
		const { actor, db, person, today } = staff(event, 'housing.manage');
		const form = await event.request.formData();
		const values = {
			code: text(form, 'code', 10).trim().toUpperCase(),
			from: { day: text(form, 'from-day', 10), month: text(form, 'from-month', 10), year: text(form, 'from-year', 10) },
			emergency: form.get('emergency') === 'yes',
			councilProvided: form.get('councilProvided') === 'yes',
			note: text(form, 'note')
		};
		const errors: Record<string, string> = {};
		const problem = accomProblem(values.code);
		if (problem) errors.code = problem;
		const from = parseDateParts(values.from);
		if (!from.ok) errors.from = from.error === 'missing' ? 'date_missing' : 'date_invalid';
		else if (from.date > today) errors.from = 'date_future';
		if (Object.keys(errors).length > 0 || !from.ok) {
			auditYoungPerson(db, event, actor, 'housing.stay', 'invalid', person.id);
			return fail(400, { form: 'stay', values, errors });
		}
		addStay(db, { youngPersonId: person.id, accomCode: values.code, fromOn: from.date, toOn: null, emergency: values.emergency || /^[VW]/.test(values.code), councilProvided: values.councilProvided, note: values.note.trim(), actorId: actor.id });
		auditYoungPerson(db, event, actor, 'housing.stay', 'allowed', person.id);
		return { saved: 'stay' };
	}
};
