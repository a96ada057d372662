import { ageOrNull, londonDay, parseDateParts } from '$lib/domain/dates';
import { needsAssessmentClock } from '$lib/domain/monitoring/rank';
import { datesNeedingFixing, entitlementsFor, statusFor } from '$lib/server/money/entitlements';
import { recordAudit } from '$lib/server/audit';
import { authorizeYoungPerson } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { getCurrentAdvisers, getRecentContacts, getYoungPerson } from '$lib/server/people/queries';
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { auditYoungPerson } from '$lib/server/audit';
import { parsePaContact, recordPaContact } from '$lib/server/monitoring/contacts';
import { recentCheckIns } from '$lib/server/monitoring/check-ins';
import { recordReturn, returnPrompt } from '$lib/server/monitoring/returns';
import { pathwayFor } from '$lib/server/monitoring/pathway';
import { pathwayReview } from '$lib/server/db/schema';

import { acknowledgeConcern, concernsForStaff, relationshipsFor } from '$lib/server/mentoring/matches';
import { inviteYoungPerson, makeRecoveryLink, recoveryEmailFor } from '$lib/server/people/invite';
import { can } from '$lib/server/policy';
import { z } from 'zod';
import { countAsksWaiting } from '$lib/server/money/ledger';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const db = getDb();
	const today = londonDay(new Date());
	const id = event.params.youngPersonId;
	const { actor, subject } = authorizeYoungPerson(event, 'case_record.view', id);
	const person = getYoungPerson(db, id);
	if (!person) error(404, 'not_found');
	// One audit row per request: after a form post, the action's own row already records this access.
	if (event.request.method === 'GET') {recordAudit(db, {
		action: 'young_person.view',
		outcome: 'allowed',
		actorId: actor.id,
		actorRole: actor.role,
		subjectType: 'young_person',
		subjectId: id,
		requestId: event.locals.requestId
	});}
	// Every date on the record is checked first: one that is not a real day is shown as needing
	// fixing, and nothing is worked out from the record until it is (issue 13 item 7).
	const needsFixing = datesNeedingFixing(person);
	const status = statusFor(person, today);
	const suha = entitlementsFor(person, today).find((o) => o.id === 'setting_up_home');
	return {
		asksWaiting: countAsksWaiting(db, id),
		savedDates: event.url.searchParams.get('saved') === 'dates',
		needsFixing,
		status: status && { fromFacts: status.fromFacts ?? null, recorded: status.recorded, workingWith: status.status, disagree: status.disagree, under16: status.under16 },
		needsAssessment: status ? needsAssessmentClock(person.dateOfBirth, status.status, person.needsAssessmentCompletedOn, today) : null,
		settingUpHome: suha && (suha.state === 'eligible_now' || suha.state === 'eligible_from') ? { state: suha.state, amountPence: suha.amountPence, movedIn: person.movedIntoFirstHomeOn } : null,
		person: {
			id: person.id,
			fullName: person.fullName,
			preferredName: person.preferredName,
			dateOfBirth: person.dateOfBirth,
			age: ageOrNull(person.dateOfBirth, today),
			legalStatus: person.legalStatus,
			leftCareOn: person.leftCareOn,
			leftCareRoute: person.leftCareRoute,
			movedIntoFirstHomeOn: person.movedIntoFirstHomeOn,
			uasc: person.uasc,
			parent: person.parent,
			stayingPut: person.stayingPut,
			languages: person.languages
		},
		hasAccount: Boolean(person.userId),
		// Recovery links: the young person's own PA or a manager, never a covering PA (finding 12.4).
		canRecover: can(actor, 'young_person.recover', subject),
		recoveryEmail: person.userId ? recoveryEmailFor(db, person.userId) : null,
		advisers: getCurrentAdvisers(db, id, today).map(({ name, kind, endsOn }) => ({ name, kind, endsOn })),
		contacts: getRecentContacts(db, id),
		relationships: relationshipsFor(db, id, today),
		birthdayReturn: returnPrompt(db, person, today),
		pathway: pathwayFor(db, id, today),
		concerns: concernsForStaff(db, id).map((c) => ({ ...c, raisedAt: c.raisedAt.toISOString(), acknowledgedAt: c.acknowledgedAt?.toISOString() ?? null })),
		checkIns: recentCheckIns(db, id).map((c) => ({ id: c.id, at: c.at.toISOString(), scores: c.scores, words: c.words }))
	};
};

/** Every write on this page: the young person's PA (or cover) or a manager, and a record that exists. */
function staffWrite(event: RequestEvent<{ youngPersonId: string }>) {
	const db = getDb();
	const id = event.params.youngPersonId;
	const { actor } = authorizeYoungPerson(event, 'money.manage', id);
	const person = getYoungPerson(db, id);
	if (!person) error(404, 'not_found');
	return { actor, db, id, person };
}

export const actions: Actions = {
	/** A pathway plan review held, or one the young person asked for. */
	pathway: async (event) => {
		const { actor, db, id, person } = staffWrite(event);
		const form = await event.request.formData();
		const values = { kind: String(form.get('kind') ?? '').slice(0, 10), on: { day: String(form.get('pathway-on-day') ?? '').slice(0, 10), month: String(form.get('pathway-on-month') ?? '').slice(0, 10), year: String(form.get('pathway-on-year') ?? '').slice(0, 10) } };
		const errors: Record<string, string> = {};
		if (values.kind !== 'review' && values.kind !== 'request') errors.kind = 'pathway_kind_missing';
		const today = londonDay(new Date());
		const empty = !values.on.day && !values.on.month && !values.on.year;
		const on = empty ? ({ ok: true, date: today } as const) : parseDateParts(values.on);
		if (!on.ok) errors.on = 'date_invalid';
		else if (on.date > today) errors.on = 'date_future';
		else if (on.date < person.dateOfBirth) errors.on = 'date_before_birth';
		if (Object.keys(errors).length > 0 || !on.ok) {
			auditYoungPerson(db, event, actor, 'pathway.record', 'invalid', id);
			return fail(400, { form: 'pathway', values, errors });
		}
		db.insert(pathwayReview).values({ youngPersonId: id, kind: values.kind as 'review', on: on.date, recordedBy: actor.id, recordedAt: new Date() }).run();
		auditYoungPerson(db, event, actor, 'pathway.record', 'allowed', id);
		return { saved: 'pathway' };
	},

	/** DfE birthday data: validated code by code and with rules 133, 344 and 345. */
	birthdayReturn: async (event) => {
		const { actor, db, id, person } = staffWrite(event);
		const form = await event.request.formData();
		const values = { inTouch: String(form.get('inTouch') ?? '').slice(0, 10), activity: String(form.get('activity') ?? '').slice(0, 10), accommodation: String(form.get('accommodation') ?? '').slice(0, 10).trim().toUpperCase() };
		const prompt = returnPrompt(db, person, londonDay(new Date()));
		if (!prompt) {
			auditYoungPerson(db, event, actor, 'dfe.birthday_return', 'invalid', id);
			return fail(400, { form: 'birthdayReturn', values, errors: { inTouch: 'return_not_due' } });
		}
		const problems = recordReturn(db, { person, age: prompt.age, ...values, actorId: actor.id, today: londonDay(new Date()) });
		if (problems.length > 0) {
			auditYoungPerson(db, event, actor, 'dfe.birthday_return', 'invalid', id);
			return fail(400, { form: 'birthdayReturn', values, errors: Object.fromEntries(problems.map((p) => [p.field, p.code])) });
		}
		auditYoungPerson(db, event, actor, 'dfe.birthday_return', 'allowed', id);
		return { saved: 'birthdayReturn' };
	},

	/** The PA acknowledges a mentor's concern and records what they did (the mentor sees only that it was acknowledged). */
	concern: async (event) => {
		const { actor, db, id } = staffWrite(event);
		const form = await event.request.formData();
		const values = { concern: String(form.get('concern') ?? '').slice(0, 16), action: String(form.get('action') ?? '').slice(0, 3000) };
		if (!values.action.trim() || values.action.trim().length > 2000) {
			auditYoungPerson(db, event, actor, 'concern.acknowledge', 'invalid', id);
			return fail(400, { form: 'concern', values, errors: { [`action-${values.concern}`]: values.action.trim() ? 'note_too_long' : 'concern_action_missing' } });
		}
		const result = acknowledgeConcern(db, { concernId: values.concern, youngPersonId: id, actorId: actor.id, action: values.action.trim() });
		if (result === 'not_found') error(404, 'not_found');
		auditYoungPerson(db, event, actor, 'concern.acknowledge', result === 'acknowledged' ? 'allowed' : 'invalid', id);
		return { saved: 'concern' };
	},

	/** A PA's record of a contact (Care Leavers (England) Regulations 2010: keep a written record). */
	contact: async (event) => {
		const { actor, db, id, person } = staffWrite(event);
		// Only PAs keep contact records; a manager reads them.
		if (actor.role !== 'adviser') error(403, 'forbidden');
		const parsed = parsePaContact(await event.request.formData(), londonDay(new Date()), person.dateOfBirth);
		if (!parsed.fields) {
			auditYoungPerson(db, event, actor, 'pa_contact.record', 'invalid', id);
			return fail(400, { form: 'contact', values: parsed.values, errors: parsed.errors });
		}
		recordPaContact(db, id, actor.id, parsed.fields);
		auditYoungPerson(db, event, actor, 'pa_contact.record', 'allowed', id);
		return { saved: 'contact' };
	},

	/** The young person's link to join Harbour (one live link: a new one cancels older ones; finding 12.1). */
	invite: async (event) => {
		const db = getDb();
		const id = event.params.youngPersonId;
		const { actor } = authorizeYoungPerson(event, 'young_person.invite', id);
		const person = getYoungPerson(db, id);
		if (!person) error(404, 'not_found');
		const invited = await inviteYoungPerson(db, event.url.origin, person, actor.id);
		if ('error' in invited) {
			recordAudit(db, { action: 'young_person.invite.join', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: id, requestId: event.locals.requestId });
			return fail(400, { form: 'invite', errors: { delivery: 'has_account' } as Record<string, string> });
		}
		recordAudit(db, { action: 'young_person.invite.join', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: id, requestId: event.locals.requestId });
		return { invited };
	},

	/** A recovery link for a lost phone: to the young person's own email, or in person, shown once (finding 12.4). */
	recover: async (event) => {
		const db = getDb();
		const id = event.params.youngPersonId;
		const { actor } = authorizeYoungPerson(event, 'young_person.recover', id);
		const person = getYoungPerson(db, id);
		if (!person) error(404, 'not_found');
		const parsed = Recover.safeParse(Object.fromEntries(await event.request.formData()));
		const made = parsed.success ? await makeRecoveryLink(db, event.url.origin, person, actor, parsed.data.delivery, { requestId: event.locals.requestId }) : { error: 'delivery_missing' as const };
		if ('error' in made) {
			recordAudit(db, { action: 'young_person.invite.recovery', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: id, requestId: event.locals.requestId });
			return fail(400, { form: 'recover', errors: { delivery: made.error } as Record<string, string> });
		}
		recordAudit(db, { action: 'young_person.invite.recovery', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: id, requestId: event.locals.requestId });
		return { invited: made };
	}
};

const Recover = z.object({ delivery: z.enum(['email', 'in_person']) });
