import { parseDateParts } from '$lib/domain/dates';
import { checkContact } from '$lib/domain/mentoring/contact';
import { auditYoungPerson } from '$lib/server/audit';
import { CONCERN_GRADES, CONTACT_MODES } from '$lib/server/db/schema';
import { newId } from '$lib/server/ids';
import { menteeAccess } from '$lib/server/mentoring/guard';
import { concernsForMentor, healthOf, logContact, raiseConcern, recentContactLogs, sharedView } from '$lib/server/mentoring/matches';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { actor, db, person, match, today } = menteeAccess(event, 'mentee.view');
	if (event.request.method === 'GET') auditYoungPerson(db, event, actor, 'mentee.view', 'allowed', person.id);
	return {
		youngPersonId: person.id,
		mentee: sharedView(person, match, today),
		match: { kind: match.kind, rhythm: match.rhythm, startedOn: match.startedOn, plannedEndOn: match.plannedEndOn },
		health: healthOf(db, match, today),
		logs: recentContactLogs(db, match.id, 5).map((l) => ({ id: l.id, occurredOn: l.occurredOn, mode: l.mode, minutes: l.minutes })),
		concerns: concernsForMentor(db, actor.id, person.id).map((c) => ({ id: c.id, grade: c.grade, raisedAt: c.raisedAt, acknowledged: Boolean(c.acknowledgedAt) })),
		today,
		operation: newId()
	};
};

const text = (form: FormData, key: string, max: number) => String(form.get(key) ?? '').slice(0, max);

export const actions: Actions = {
	/** One screen, sensible defaults: today, in person, an hour. A worry can go with it. */
	log: async (event) => {
		const { actor, db, person, match, today } = menteeAccess(event, 'mentee.log_contact');
		const form = await event.request.formData();
		const values = {
			on: { day: text(form, 'on-day', 10), month: text(form, 'on-month', 10), year: text(form, 'on-year', 10) },
			mode: text(form, 'mode', 20),
			minutes: text(form, 'minutes', 10),
			note: text(form, 'note', 5000),
			mood: text(form, 'mood', 20) || 'not_said',
			next: { day: text(form, 'next-day', 10), month: text(form, 'next-month', 10), year: text(form, 'next-year', 10) },
			grade: text(form, 'grade', 10),
			concern: text(form, 'concern', 5000),
			operation: text(form, 'operation', 64)
		};
		const errors: Record<string, string> = {};
		const on = parseDateParts(values.on);
		if (!on.ok) errors.on = on.error === 'missing' ? 'date_missing' : 'date_invalid';
		if (!(CONTACT_MODES as readonly string[]).includes(values.mode)) errors.mode = 'contact_mode_missing';
		const minutes = /^\d{1,5}$/.test(values.minutes.trim()) ? Number(values.minutes.trim()) : NaN;
		if (Number.isNaN(minutes)) errors.minutes = 'minutes_not_a_number';
		const nextEmpty = !values.next.day && !values.next.month && !values.next.year;
		const next = nextEmpty ? null : parseDateParts(values.next);
		if (next && !next.ok) errors.next = 'date_invalid';
		if (!['good', 'okay', 'low', 'not_said'].includes(values.mood)) errors.mood = 'invalid';
		const grade = values.grade && values.grade !== 'none' ? values.grade : null;
		if (grade && !(CONCERN_GRADES as readonly string[]).includes(grade)) errors.grade = 'invalid';
		if (grade && !values.concern.trim()) errors.concern = 'concern_text_required';
		if (values.concern.trim().length > 2000) errors.concern = 'note_too_long';
		if (!/^[A-Za-z0-9_-]{8,64}$/.test(values.operation)) errors.on ??= 'invalid';
		if (on.ok && !Number.isNaN(minutes)) {
			for (const p of checkContact({ on: on.date, minutes, note: values.note.trim(), nextOn: next?.ok ? next.date : null }, { matchStartedOn: match.startedOn, today })) errors[p.field] ??= p.code;
		}
		if (Object.keys(errors).length > 0 || !on.ok) {
			auditYoungPerson(db, event, actor, 'mentee.log_contact', 'invalid', person.id);
			return fail(400, { form: 'log', values, errors });
		}
		const logged = logContact(db, { match, mentorId: actor.id, occurredOn: on.date, mode: values.mode as (typeof CONTACT_MODES)[number], minutes, note: values.note.trim(), mood: values.mood as 'good', nextPlannedOn: next?.ok ? next.date : null, operationId: values.operation });
		auditYoungPerson(db, event, actor, 'mentee.log_contact', 'allowed', person.id);
		if (grade) {
			await raiseConcern(db, { youngPersonId: person.id, matchId: match.id, contactLogId: logged.id, raisedBy: actor.id, grade: grade as (typeof CONCERN_GRADES)[number], text: values.concern.trim(), operationId: `${values.operation}-c`, origin: event.url.origin, today });
			auditYoungPerson(db, event, actor, 'mentee.concern', 'allowed', person.id);
		}
		return { saved: 'log', concern: Boolean(grade) };
	},

	/** A concern on its own, without a contact. */
	concern: async (event) => {
		const { actor, db, person, match, today } = menteeAccess(event, 'mentee.raise_concern');
		const form = await event.request.formData();
		const values = { grade: text(form, 'grade', 10), concern: text(form, 'concern', 5000), operation: text(form, 'operation', 64) };
		const errors: Record<string, string> = {};
		if (!(CONCERN_GRADES as readonly string[]).includes(values.grade)) errors.grade = 'concern_grade_missing';
		if (!values.concern.trim()) errors.concern = 'concern_text_required';
		else if (values.concern.trim().length > 2000) errors.concern = 'note_too_long';
		if (!/^[A-Za-z0-9_-]{8,64}$/.test(values.operation)) errors.grade ??= 'invalid';
		if (Object.keys(errors).length > 0) {
			auditYoungPerson(db, event, actor, 'mentee.concern', 'invalid', person.id);
			return fail(400, { form: 'concern', values, errors });
		}
		await raiseConcern(db, { youngPersonId: person.id, matchId: match.id, contactLogId: null, raisedBy: actor.id, grade: values.grade as (typeof CONCERN_GRADES)[number], text: values.concern.trim(), operationId: values.operation, origin: event.url.origin, today });
		auditYoungPerson(db, event, actor, 'mentee.concern', 'allowed', person.id);
		return { saved: 'concern' };
	}
};
