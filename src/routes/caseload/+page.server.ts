import { londonDay } from '$lib/domain/dates';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { caseloadPage } from '$lib/server/people/caseload-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'caseload.view');
	return caseloadPage(getDb(), actor.id, londonDay(new Date()));
};
