import { ageOn, londonDay } from '$lib/domain/dates';
import { relationTo } from '$lib/server/access';
import { recordAudit } from '$lib/server/audit';
import { authorize, requireActor } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { getCurrentAdvisers, getRecentContacts, getYoungPerson } from '$lib/server/people/queries';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const db = getDb();
	const today = londonDay(new Date());
	const id = event.params.youngPersonId;
	const relation = relationTo(db, requireActor(event), id, today);
	if (relation === 'missing') error(404, 'not_found');
	const actor = authorize(event, 'young_person.view', { kind: 'young_person', relation, id });
	const person = getYoungPerson(db, id);
	if (!person) error(404, 'not_found');
	recordAudit(db, {
		action: 'young_person.view',
		outcome: 'allowed',
		actorId: actor.id,
		actorRole: actor.role,
		subjectType: 'young_person',
		subjectId: id,
		requestId: event.locals.requestId
	});
	return {
		person: {
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
		advisers: getCurrentAdvisers(db, id, today).map(({ name, kind, endsOn }) => ({ name, kind, endsOn })),
		contacts: getRecentContacts(db, id)
	};
};
