import { londonDay } from '$lib/domain/dates';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { getServiceOverviewCached } from '$lib/server/people/queries';
import { subjectAccessClock } from '$lib/domain/privacy/due';
import { openReviewedExports } from '$lib/server/privacy/reviewed';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	authorize(event, 'service.view');
	const today = londonDay(new Date());
	const { countedAt, ...overview } = getServiceOverviewCached(getDb(), today);
	// The statutory month on subject access requests: how many are waiting and the soonest due (issue 12).
	const waiting = openReviewedExports(getDb());
	const subjectAccess = waiting.length > 0 ? { count: waiting.length, next: subjectAccessClock(waiting[0]!.dueOn, today) } : null;
	return { ...overview, countedAt: countedAt.toISOString(), subjectAccess };
};
