import { londonDay } from '$lib/domain/dates';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { getCurrentAdvisers, getYoungPersonForUser } from '$lib/server/people/queries';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'home.view');
	const db = getDb();
	const me = getYoungPersonForUser(db, actor.id);
	if (!me) error(404, 'not_found');
	const today = londonDay(new Date());
	return {
		preferredName: me.preferredName,
		advisers: getCurrentAdvisers(db, me.id, today).map(({ name, email, kind, endsOn }) => ({ name, email, kind, endsOn }))
	};
};
