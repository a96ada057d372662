import { londonDay } from '$lib/domain/dates';
import { indicatorsByAge } from '$lib/domain/monitoring/compute';
import { reportingYear } from '$lib/domain/monitoring/window';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { openWorkByAge, returnsFor } from '$lib/server/monitoring/returns';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	authorize(event, 'service.view');
	const year = reportingYear(londonDay(new Date()));
	const records = returnsFor(getDb(), year);
	return { year, ...indicatorsByAge(records), open: openWorkByAge(getDb(), londonDay(new Date())) };
};
