import { londonDay } from '$lib/domain/dates';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { getServiceOverviewCached } from '$lib/server/people/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	authorize(event, 'service.view');
	const { countedAt, ...overview } = getServiceOverviewCached(getDb(), londonDay(new Date()));
	return { ...overview, countedAt: countedAt.toISOString() };
};
