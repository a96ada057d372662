import { ageOrNull } from '$lib/domain/dates';
import { needsAssessmentClock } from '$lib/domain/monitoring/rank';
import { guardYoungPerson } from '$lib/server/auth/guards';
import { formAction, invalid } from '$lib/server/forms';
import { acknowledgeConcern, concernsForStaff, relationshipsFor } from '$lib/server/mentoring/matches';
import { concernAcknowledgeForm } from '$lib/server/mentoring/forms';
import { recentCheckIns } from '$lib/server/monitoring/check-ins';
import { recordPaContact } from '$lib/server/monitoring/contacts';
import { birthdayReturnForm, paContactForm, pathwayForm } from '$lib/server/monitoring/forms';
import { pathwayFor, recordPathwayReview } from '$lib/server/monitoring/pathway';
import { recordReturn, returnPrompt } from '$lib/server/monitoring/returns';
import { countAsksWaiting } from '$lib/server/money/ledger';
import { datesNeedingFixing, entitlementsFor, statusFor } from '$lib/server/money/entitlements';
import { inviteYoungPerson, makeRecoveryLink, recoveryEmailFor, recoveryForm } from '$lib/server/people/invite';
import { getCurrentAdvisers, getRecentContacts } from '$lib/server/people/queries';
import { can } from '$lib/server/policy';
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/** After a write the page is drawn afresh and says what was saved (each write redirects: issue 14). */
const SAVED = ['pathway', 'birthdayReturn', 'concern', 'contact', 'dates'] as const;
const saved = (event: RequestEvent, what: (typeof SAVED)[number]) => redirect(303, `${event.url.pathname}?saved=${what}`);

export const load: PageServerLoad = (event) => {
	const view = guardYoungPerson(event, 'case_record.view');
	const { actor, db, person, subject, today } = view;
	const id = person.id;
	// One audit row per request: after a form post, the action's own row already records this access.
	if (event.request.method === 'GET') view.audit('allowed', 'young_person.view');
	// Every date on the record is checked first: one that is not a real day is shown as needing
	// fixing, and nothing is worked out from the record until it is (issue 13 item 7).
	const needsFixing = datesNeedingFixing(person);
	const status = statusFor(person, today);
	const suha = entitlementsFor(person, today).find((o) => o.id === 'setting_up_home');
	return {
		asksWaiting: countAsksWaiting(db, id),
		saved: SAVED.find((what) => what === event.url.searchParams.get('saved')) ?? null,
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

export const actions: Actions = {
	/** A pathway plan review held, or one the young person asked for. */
	pathway: formAction(
		{ form: 'pathway', guard: (event) => guardYoungPerson(event, 'pathway.record'), schema: (g) => pathwayForm({ today: g.today, dateOfBirth: g.person.dateOfBirth }) },
		({ g, data, event }) => {
			recordPathwayReview(g.db, { youngPersonId: g.person.id, kind: data.kind, on: data.on ?? g.today, recordedBy: g.actor.id });
			g.audit('allowed');
			saved(event, 'pathway');
		}
	),

	/** DfE birthday data: validated code by code and with rules 133, 344 and 345. */
	birthdayReturn: formAction({ form: 'birthdayReturn', guard: (event) => guardYoungPerson(event, 'birthday_return.record'), schema: birthdayReturnForm }, ({ g, data, values, event }) => {
		const prompt = returnPrompt(g.db, g.person, g.today);
		if (!prompt) return invalid(g, 'birthdayReturn', values, { inTouch: 'return_not_due' });
		const problems = recordReturn(g.db, { person: g.person, age: prompt.age, ...data, actorId: g.actor.id, today: g.today });
		if (problems.length > 0) return invalid(g, 'birthdayReturn', values, Object.fromEntries(problems.map((p) => [p.field, p.code])));
		g.audit('allowed');
		saved(event, 'birthdayReturn');
	}),

	/** The PA acknowledges a mentor's concern and records what they did (the mentor sees only that it was acknowledged). */
	concern: formAction({ form: 'concern', guard: (event) => guardYoungPerson(event, 'concern.acknowledge'), schema: concernAcknowledgeForm }, ({ g, data, event }) => {
		const result = acknowledgeConcern(g.db, { concernId: data.concern, youngPersonId: g.person.id, actorId: g.actor.id, action: data.action });
		if (result === 'not_found') error(404, 'not_found');
		g.audit(result === 'acknowledged' ? 'allowed' : 'invalid');
		saved(event, 'concern');
	}),

	/** A PA's record of a contact (Care Leavers (England) Regulations 2010: keep a written record). */
	contact: formAction(
		{ form: 'contact', guard: (event) => guardYoungPerson(event, 'pa_contact.record'), schema: (g) => paContactForm({ today: g.today, dateOfBirth: g.person.dateOfBirth }) },
		({ g, data, event }) => {
			recordPaContact(g.db, g.person.id, g.actor.id, { occurredOn: data.on ?? g.today, method: data.method, inTouch: data.inTouch === 'yes', note: data.note, restricted: data.restricted });
			g.audit('allowed');
			saved(event, 'contact');
		}
	),

	/**
	 * The young person's link to join Harbour (one live link: a new one cancels older ones; finding
	 * 12.1). The link is shown once, so this answers with it rather than redirecting.
	 */
	invite: async (event) => {
		const g = guardYoungPerson(event, 'young_person.invite');
		const invited = await inviteYoungPerson(g.db, event.url.origin, g.person, g.actor.id);
		if ('error' in invited) return invalid(g, 'invite', {}, { delivery: 'has_account' });
		g.audit('allowed');
		return { invited };
	},

	/** A recovery link for a lost phone: to the young person's own email, or in person, shown once (finding 12.4). */
	recover: formAction({ form: 'recover', guard: (event) => guardYoungPerson(event, 'young_person.recover'), schema: recoveryForm }, async ({ g, data, values, event }) => {
		const made = await makeRecoveryLink(g.db, event.url.origin, g.person, g.actor, data.delivery, { requestId: event.locals.requestId });
		if ('error' in made) return invalid(g, 'recover', values, { delivery: made.error });
		g.audit('allowed');
		return { invited: made };
	})
};
