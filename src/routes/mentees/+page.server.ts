import { authorize } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	authorize(event, 'mentees.view');
	// Matches arrive with the mentoring capability (issue 5); until then a mentor has none.
	return { matches: [] as { id: string; name: string }[] };
};
