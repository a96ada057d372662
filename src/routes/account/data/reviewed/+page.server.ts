import { londonDay } from '$lib/domain/dates';
import { subjectAccessClock } from '$lib/domain/privacy/due';
import { auditYoungPerson } from '$lib/server/audit';
import { ownRecord } from '$lib/server/housing/guard';
import { newId } from '$lib/server/ids';
import { requestReviewedExport, reviewedExportsFor } from '$lib/server/privacy/reviewed';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

// A young person asks for a reviewed copy of everything held about them, and downloads it once released.
export const load: PageServerLoad = (event) => {
	const { actor, db, person } = ownRecord(event, 'subject_access.request');
	const today = londonDay(new Date());
	auditYoungPerson(db, event, actor, 'subject_access.view_own', 'allowed', person.id);
	return {
		operation: newId(),
		requests: reviewedExportsFor(db, person.id).map((r) => ({ id: r.id, receivedOn: r.receivedOn, status: r.status, clock: subjectAccessClock(r.dueOn, today), releasedAt: r.releasedAt?.toISOString() ?? null })),
		asked: event.url.searchParams.has('asked')
	};
};

const Ask = z.object({ operation: z.string().regex(/^[a-z2-7]{16}$/) });

export const actions: Actions = {
	default: async (event) => {
		const { actor, db, person } = ownRecord(event, 'subject_access.request');
		const parsed = Ask.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) {
			auditYoungPerson(db, event, actor, 'subject_access.request', 'invalid', person.id);
			return fail(400, { error: 'invalid' });
		}
		requestReviewedExport(db, { youngPersonId: person.id, requestedBy: actor.id, operationId: parsed.data.operation });
		auditYoungPerson(db, event, actor, 'subject_access.request', 'allowed', person.id);
		redirect(303, '/account/data/reviewed?asked=1');
	}
};
