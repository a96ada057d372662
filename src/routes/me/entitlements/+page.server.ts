import { checkDate, londonDay } from '$lib/domain/dates';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { datesNeedingFixing, entitlementsFor } from '$lib/server/people/entitlements';
import { getCurrentAdvisers, getYoungPersonForUser, whoToAsk } from '$lib/server/people/queries';
import { latestLocalOffers, localOutcome, offersInForce } from '$lib/server/money/local-offer';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

const IF_THINGS_CHANGE = new Set(['apprenticeship_if_you_start', 'he_if_you_go', 'he_when_former_relevant', 'announced_not_in_force']);

// "What I can get": every entitlement, worked out from the young person's own record today.
export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'home.view');
	const me = getYoungPersonForUser(getDb(), actor.id);
	if (!me) error(404, 'not_found');
	const db = getDb();
	const today = londonDay(new Date());
	const outcomes = entitlementsFor(me, today);
	const local = (checkDate(me.dateOfBirth) ? offersInForce(latestLocalOffers(db), today) : [])
		.map((o) => localOutcome(o, me.dateOfBirth, today))
		.filter((l) => l.state !== 'lapsed')
		.map((l) => ({ offerId: l.offer.offerId, state: l.state, from: l.from ?? null, until: l.until, title: l.offer.title, description: l.offer.description, howToGet: l.offer.howToGet, amountPence: l.offer.amountPence }));
	return {
		// A date on their record is not a real day: nothing is worked out until their PA fixes it.
		needsChecking: datesNeedingFixing(me).length > 0,
		adviser: whoToAsk(getCurrentAdvisers(db, me.id, today)),
		local,
		now: outcomes.filter((o) => o.state === 'eligible_now'),
		later: outcomes.filter((o) => o.state === 'eligible_from'),
		mayApply: outcomes.filter((o) => o.state === 'may_apply'),
		ended: outcomes.filter((o) => o.state === 'lapsed'),
		// Help that would come with a change (an apprenticeship, university) or that is on its way:
		// shown so nobody misses the apprenticeship bursary for not knowing about it.
		ifThingsChange: outcomes.filter((o) => o.state === 'not_eligible' && IF_THINGS_CHANGE.has(o.reason))
	};
};
