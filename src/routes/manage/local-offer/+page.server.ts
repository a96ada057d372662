import { recordAudit } from '$lib/server/audit';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { newId } from '$lib/server/ids';
import { latestLocalOffers, saveLocalOffer } from '$lib/server/money/local-offer';
import { parseLocalOfferForm } from '$lib/server/money/local-offer-form';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	authorize(event, 'local_offer.manage');
	return {
		operation: newId(),
		offers: latestLocalOffers(getDb()).map((o) => ({ offerId: o.offerId, version: o.version, title: o.title, amountPence: o.amountPence, minAge: o.minAge, maxAge: o.maxAge, effectiveFrom: o.effectiveFrom, effectiveTo: o.effectiveTo, withdrawn: o.withdrawn }))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = authorize(event, 'local_offer.manage');
		const db = getDb();
		const parsed = parseLocalOfferForm(await event.request.formData());
		if (!parsed.fields) {
			recordAudit(db, { action: 'local_offer.create', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
			return fail(400, { values: parsed.values, errors: parsed.errors });
		}
		const saved = saveLocalOffer(db, null, parsed.fields, actor.id, parsed.values.operation);
		if (!saved.ok) {
			recordAudit(db, { action: 'local_offer.create', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
			return fail(409, { values: parsed.values, errors: {}, conflict: saved.code });
		}
		recordAudit(db, { action: 'local_offer.create', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'local_offer', subjectId: saved.offerId, requestId: event.locals.requestId });
		redirect(303, `/manage/local-offer/${saved.offerId}?saved=1`);
	}
};
