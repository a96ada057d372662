import { auditYoungPerson } from '$lib/server/audit';
import { authorizeYoungPerson } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { TIMELINE_KINDS, timelineFor, type TimelineKind } from '$lib/server/monitoring/timeline';
import { getYoungPerson } from '$lib/server/people/queries';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// One story of the young person, filtered by kind with a plain GET form (works without JavaScript).
export const load: PageServerLoad = (event) => {
	const { actor } = authorizeYoungPerson(event, 'case_record.view', event.params.youngPersonId);
	const db = getDb();
	const person = getYoungPerson(db, event.params.youngPersonId);
	if (!person) error(404, 'not_found');
	auditYoungPerson(db, event, actor, 'young_person.view_timeline', 'allowed', person.id);
	const asked = event.url.searchParams.getAll('show').filter((k): k is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(k));
	const shown = new Set<TimelineKind>(asked.length ? asked : TIMELINE_KINDS);
	return { person: { id: person.id, fullName: person.fullName }, shown: [...shown], entries: timelineFor(db, person.id, shown) };
};
