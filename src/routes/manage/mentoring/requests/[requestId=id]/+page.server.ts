import { londonDay } from '$lib/domain/dates';
import { auditYoungPerson } from '$lib/server/audit';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { suggestionsFor } from '$lib/server/mentoring/coordinate';
import { proposeMatch } from '$lib/server/mentoring/matches';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'mentoring.coordinate');
	const db = getDb();
	const found = suggestionsFor(db, event.params.requestId, londonDay(new Date()));
	if (!found) error(404, 'not_found');
	if (event.request.method === 'GET') auditYoungPerson(db, event, actor, 'mentoring.view_request', 'allowed', found.person.id);
	return { ...found, request: { id: found.request.id, kind: found.request.kind, interests: found.request.interests, languages: found.request.languages, genderPreference: found.request.genderPreference, area: found.request.area, frequency: found.request.frequency, status: found.request.status } };
};

export const actions: Actions = {
	/** Proposes a match; the vetting rule is checked again here, whatever the page showed. */
	propose: async (event) => {
		const actor = authorize(event, 'mentoring.coordinate');
		const db = getDb();
		const today = londonDay(new Date());
		const found = suggestionsFor(db, event.params.requestId, today);
		if (!found) error(404, 'not_found');
		const mentorId = String((await event.request.formData()).get('mentor') ?? '').slice(0, 16);
		if (!/^[a-z2-7]{16}$/.test(mentorId)) return fail(400, { refused: 'no_dbs' as const });
		const made = proposeMatch(db, { mentorId, youngPersonId: found.person.id, kind: found.request.kind === 'befriender' ? 'befriender' : 'mentor', rhythm: found.request.frequency, today, requestId: found.request.id });
		auditYoungPerson(db, event, actor, 'mentoring.propose', made.ok ? 'allowed' : 'invalid', found.person.id);
		if (!made.ok) return fail(400, { refused: made.reason });
		redirect(303, `/manage/mentoring/matches/${made.matchId}`);
	}
};
