import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { activeMatchesFor, healthForMatches } from '$lib/server/mentoring/matches';
import { mentorMatch } from '$lib/server/db/schema';
import { londonDay } from '$lib/domain/dates';
import { inArray } from 'drizzle-orm';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'mentees.view');
	const db = getDb();
	const matches = activeMatchesFor(db, actor.id);
	const full = db.select().from(mentorMatch).where(inArray(mentorMatch.id, matches.map((m) => m.id).concat(['-']))).all();
	const health = healthForMatches(db, full, londonDay(new Date()));
	return { matches: matches.map((m) => ({ id: m.id, youngPersonId: m.youngPersonId, name: m.name, kind: m.kind, health: health.get(m.id)! })) };
};
