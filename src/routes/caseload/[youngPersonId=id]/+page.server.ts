import { ageOn, londonDay } from '$lib/domain/dates';
import { recordAudit } from '$lib/server/audit';
import { authorizeYoungPerson } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { getCurrentAdvisers, getRecentContacts, getYoungPerson } from '$lib/server/people/queries';
import { error } from '@sveltejs/kit';
import { inviteYoungPerson } from '$lib/server/people/invite';
import { countAsksWaiting } from '$lib/server/money/ledger';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const db = getDb();
	const today = londonDay(new Date());
	const id = event.params.youngPersonId;
	const { actor } = authorizeYoungPerson(event, 'case_record.view', id);
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
	return {
		asksWaiting: countAsksWaiting(db, id),
		person: {
			id: person.id,
			fullName: person.fullName,
			preferredName: person.preferredName,
			dateOfBirth: person.dateOfBirth,
			age: ageOn(person.dateOfBirth, today),
			legalStatus: person.legalStatus,
			leftCareOn: person.leftCareOn,
			uasc: person.uasc,
			parent: person.parent,
			stayingPut: person.stayingPut,
			languages: person.languages
		},
		hasAccount: Boolean(person.userId),
		advisers: getCurrentAdvisers(db, id, today).map(({ name, kind, endsOn }) => ({ name, kind, endsOn })),
		contacts: getRecentContacts(db, id)
	};
};

export const actions: Actions = {
	/** Sends the young person their link into Harbour, or a recovery link if they lost their phone. */
	invite: async (event) => {
		const db = getDb();
		const id = event.params.youngPersonId;
		const { actor } = authorizeYoungPerson(event, 'young_person.invite', id);
		const person = getYoungPerson(db, id);
		if (!person) error(404, 'not_found');
		const invited = await inviteYoungPerson(db, event.url.origin, person, actor.id);
		recordAudit(db, { action: `young_person.invite.${invited.purpose}`, outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: id, requestId: event.locals.requestId });
		return { invited };
	}
};
