import { recordAudit } from '$lib/server/audit';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { newId } from '$lib/server/ids';
import { claimsAgainst, latestVersion, offerHistory, saveLocalOffer } from '$lib/server/money/local-offer';
import { parseLocalOfferForm, valuesOf } from '$lib/server/money/local-offer-form';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	authorize(event, 'local_offer.manage');
	const db = getDb();
	const latest = latestVersion(db, event.params.offerId);
	if (!latest) error(404, 'not_found');
	return {
		operation: newId(),
		offerId: latest.offerId,
		version: latest.version,
		values: valuesOf(latest),
		history: offerHistory(db, latest.offerId),
		claims: claimsAgainst(db, latest.offerId),
		saved: /^\d{1,6}$/.test(event.url.searchParams.get('saved') ?? '') ? Number(event.url.searchParams.get('saved')) : event.url.searchParams.has('saved') ? latest.version : null
	};
};

export const actions: Actions = {
	/** An edit never changes a version: it adds the next one, so claims keep what they were made against. */
	default: async (event) => {
		const actor = authorize(event, 'local_offer.manage');
		const db = getDb();
		const latest = latestVersion(db, event.params.offerId);
		if (!latest) error(404, 'not_found');
		const parsed = parseLocalOfferForm(await event.request.formData());
		if (!parsed.fields) {
			recordAudit(db, { action: 'local_offer.edit', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, subjectType: 'local_offer', subjectId: latest.offerId, requestId: event.locals.requestId });
			return fail(400, { values: parsed.values, errors: parsed.errors });
		}
		const saved = saveLocalOffer(db, latest.offerId, parsed.fields, actor.id, parsed.values.operation);
		if (!saved.ok) {
			recordAudit(db, { action: 'local_offer.edit', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, subjectType: 'local_offer', subjectId: latest.offerId, requestId: event.locals.requestId });
			return fail(409, { values: parsed.values, errors: {}, conflict: saved.code });
		}
		recordAudit(db, { action: 'local_offer.edit', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'local_offer', subjectId: latest.offerId, requestId: event.locals.requestId });
		redirect(303, `/manage/local-offer/${latest.offerId}?saved=${saved.version}`);
	}
};
