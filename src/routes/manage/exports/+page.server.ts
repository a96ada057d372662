import { londonDay } from '$lib/domain/dates';
import { subjectAccessClock } from '$lib/domain/privacy/due';
import { recordAudit } from '$lib/server/audit';
import { authorize, authorizeYoungPerson } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { newId } from '$lib/server/ids';
import { openReviewedExports, requestReviewedExport, youngPeopleToChoose } from '$lib/server/privacy/reviewed';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

// Reviewed copies of young people's records (subject access), soonest due first, each with its clock.
export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'subject_access.review');
	const db = getDb();
	const today = londonDay(new Date());
	recordAudit(db, { action: 'subject_access.list', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
	return {
		operation: newId(),
		requests: openReviewedExports(db).map((r) => ({ id: r.id, name: r.name, receivedOn: r.receivedOn, status: r.status, clock: subjectAccessClock(r.dueOn, today) })),
		people: youngPeopleToChoose(db)
	};
};

const Record = z.object({ youngPerson: z.string().max(40), operation: z.string().regex(/^[a-z2-7]{16}$/) });

export const actions: Actions = {
	/** A request made by letter, phone or in person, recorded by staff for the young person. */
	record: async (event) => {
		const actor = authorize(event, 'subject_access.review');
		const db = getDb();
		const parsed = Record.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success || !/^[a-z2-7]{16}$/.test(parsed.data.youngPerson)) {
			recordAudit(db, { action: 'subject_access.request', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
			return fail(400, { errors: { youngPerson: 'sar_person_missing' }, values: { youngPerson: parsed.success ? parsed.data.youngPerson : '' } });
		}
		authorizeYoungPerson(event, 'subject_access.request', parsed.data.youngPerson);
		const { id } = requestReviewedExport(db, { youngPersonId: parsed.data.youngPerson, requestedBy: actor.id, operationId: parsed.data.operation });
		recordAudit(db, { action: 'subject_access.request', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: parsed.data.youngPerson, requestId: event.locals.requestId });
		redirect(303, `/manage/exports/${id}`);
	}
};
