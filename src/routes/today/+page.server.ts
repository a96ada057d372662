import { londonDay } from '$lib/domain/dates';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { todayFor } from '$lib/server/monitoring/today';
import type { PageServerLoad } from './$types';

// The PA's day: what needs them, most pressing first, each with why and a way to act.
export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'caseload.view');
	return { items: todayFor(getDb(), actor.id, londonDay(new Date())) };
};
