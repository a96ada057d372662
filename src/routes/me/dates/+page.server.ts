import { checkDate, londonDay } from '$lib/domain/dates';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { latestLocalOffers, localOutcome, offersInForce } from '$lib/server/money/local-offer';
import { datesThatMatter } from '$lib/server/money/views';
import { datesNeedingFixing, entitlementsFor } from '$lib/server/people/entitlements';
import { getYoungPersonForUser } from '$lib/server/people/queries';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// "Dates that matter": birthdays that change things, payments due, and help starting or stopping.
export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'home.view');
	const db = getDb();
	const me = getYoungPersonForUser(db, actor.id);
	if (!me) error(404, 'not_found');
	const today = londonDay(new Date());
	const local = (checkDate(me.dateOfBirth) ? offersInForce(latestLocalOffers(db), today) : []).map((o) => localOutcome(o, me.dateOfBirth, today));
	return { needsChecking: datesNeedingFixing(me).length > 0, dates: datesThatMatter(entitlementsFor(me, today), local, me.dateOfBirth, today) };
};
