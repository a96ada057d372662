import { ageOrNull, londonDay } from '$lib/domain/dates';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { searchYoungPeople } from '$lib/server/people/manage';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	authorize(event, 'service.view');
	const q = (event.url.searchParams.get('q') ?? '').slice(0, 100);
	const today = londonDay(new Date());
	return {
		q,
		results: q.trim() ? searchYoungPeople(getDb(), q).map((p) => ({ id: p.id, name: p.fullName, age: ageOrNull(p.dateOfBirth, today) })) : []
	};
};
