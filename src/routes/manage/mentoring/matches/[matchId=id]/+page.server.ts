import { londonDay, parseDateParts } from '$lib/domain/dates';
import { auditYoungPerson } from '$lib/server/audit';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { mentorMatch, user, youngPerson } from '$lib/server/db/schema';
import { healthOf, moveMatch } from '$lib/server/mentoring/matches';
import { error, fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';

function find(matchId: string) {
	const db = getDb();
	const match = db.select().from(mentorMatch).where(eq(mentorMatch.id, matchId)).get();
	if (!match) error(404, 'not_found');
	return { db, match };
}

export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'mentoring.coordinate');
	const { db, match } = find(event.params.matchId);
	if (event.request.method === 'GET') auditYoungPerson(db, event, actor, 'mentoring.view_match', 'allowed', match.youngPersonId);
	return {
		match,
		mentor: db.select({ name: user.displayName }).from(user).where(eq(user.id, match.mentorId)).get()?.name ?? '',
		youngPerson: db.select({ name: youngPerson.preferredName }).from(youngPerson).where(eq(youngPerson.id, match.youngPersonId)).get()?.name ?? '',
		health: healthOf(db, match, londonDay(new Date()))
	};
};

export const actions: Actions = {
	/** proposed → introduced → active ⇄ paused → ended (a closing note is asked for). */
	move: async (event) => {
		const actor = authorize(event, 'mentoring.coordinate');
		const { db, match } = find(event.params.matchId);
		const form = await event.request.formData();
		const values = { to: String(form.get('to') ?? '').slice(0, 20), closingNote: String(form.get('closingNote') ?? '').slice(0, 3000), end: { day: String(form.get('end-day') ?? '').slice(0, 10), month: String(form.get('end-month') ?? '').slice(0, 10), year: String(form.get('end-year') ?? '').slice(0, 10) } };
		const errors: Record<string, string> = {};
		if (!['introduced', 'active', 'paused', 'ended'].includes(values.to)) errors.to = 'invalid';
		if (values.to === 'ended' && !values.closingNote.trim()) errors.closingNote = 'closing_note_missing';
		const endEmpty = !values.end.day && !values.end.month && !values.end.year;
		const end = endEmpty ? null : parseDateParts(values.end);
		if (end && !end.ok) errors.end = 'date_invalid';
		if (Object.keys(errors).length > 0) {
			auditYoungPerson(db, event, actor, 'mentoring.move', 'invalid', match.youngPersonId);
			return fail(400, { values, errors });
		}
		const result = moveMatch(db, { matchId: match.id, to: values.to as 'ended', today: londonDay(new Date()), closingNote: values.closingNote.trim(), plannedEndOn: end?.ok ? end.date : undefined });
		auditYoungPerson(db, event, actor, 'mentoring.move', result === 'moved' ? 'allowed' : 'invalid', match.youngPersonId);
		if (result !== 'moved') return fail(409, { values, errors: { to: 'match_move_not_allowed' } });
		return { moved: values.to };
	}
};
