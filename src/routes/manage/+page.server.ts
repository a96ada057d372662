import { londonDay } from '$lib/domain/dates';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { getServiceOverview } from '$lib/server/people/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	authorize(event, 'service.view');
	return getServiceOverview(getDb(), londonDay(new Date()));
};
