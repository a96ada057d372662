import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { activeMatchesFor } from '$lib/server/mentoring/matches';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'mentees.view');
	return { matches: activeMatchesFor(getDb(), actor.id).map((m) => ({ id: m.id, youngPersonId: m.youngPersonId, name: m.name, kind: m.kind })) };
};
