import { londonDay } from '$lib/domain/dates';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { matchesOf, openRequests, roster } from '$lib/server/mentoring/coordinate';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	authorize(event, 'mentoring.coordinate');
	const db = getDb();
	const r = roster(db, londonDay(new Date()));
	return {
		requests: openRequests(db),
		matches: matchesOf(db),
		volunteers: r.rows.map((v) => ({ ...v, quiet: r.quiet30.has(v.id) ? 30 : r.quiet14.has(v.id) ? 14 : 0 }))
	};
};
