import { londonDay } from '$lib/domain/dates';
import { parsePounds } from '$lib/domain/money/pounds';
import { recordAudit } from '$lib/server/audit';
import { authorize, requireActor } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { askForMoney } from '$lib/server/money/ledger';
import { moneyPicture } from '$lib/server/money/views';
import { getYoungPersonForUser } from '$lib/server/people/queries';
import { OWN_VIEW } from '$lib/server/privacy/own-view';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { newId } from '$lib/server/ids';
import { OPERATION_ID } from '$lib/server/money/operations';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

/** The young person's own record, through the same relationship check as every other route. */
function me(event: RequestEvent, action: 'home.view' | 'money.ask') {
	const db = getDb();
	const signedIn = requireActor(event);
	const person = signedIn.role === 'young_person' ? getYoungPersonForUser(db, signedIn.id) : undefined;
	// Anyone but the young person themself is refused (and audited) by the policy.
	const actor = authorize(event, action, person ? { kind: 'young_person', relation: 'self', id: person.id } : undefined);
	if (!person) error(404, 'not_found');
	return { actor, db, person };
}

// What this page shows is OWN_VIEW.money, the same reader "Download my data" uses.
export const load: PageServerLoad = (event) => {
	const { db, person, actor } = me(event, 'home.view');
	const view = OWN_VIEW.money({ db, person, userId: actor.id, today: londonDay(new Date()) });
	// After asking, the page is reloaded at ?asked=<id> (a 303), so a reload never sends the ask again.
	const asked = view.requests.find((r) => r.id === event.url.searchParams.get('asked'));
	return { ...view, operation: newId(), asked: asked ? { pence: asked.pence, item: asked.item } : null };
};

const Ask = z.object({ source: z.string().max(40), amount: z.string().max(40), item: z.string().max(1000), operation: z.string().max(64) });

export const actions: Actions = {
	ask: async (event) => {
		const { actor, db, person } = me(event, 'money.ask');
		const raw = Ask.safeParse(Object.fromEntries(await event.request.formData()));
		const values = raw.success ? raw.data : { source: '', amount: '', item: '', operation: '' };
		const today = londonDay(new Date());
		const source = moneyPicture(db, person, today).money.find((s) => s.key === values.source && s.askable);
		const errors: Record<string, string> = {};
		let notEligible: { from: string | null } | null = null;
		if (!source) errors.source = 'source_missing';
		else if (source.state !== 'eligible_now') {
			errors.source = 'not_eligible';
			notEligible = { from: source.from };
		}
		const pounds = parsePounds(values.amount);
		if (!pounds.ok) errors.amount = `money_${pounds.error}`;
		else if (pounds.pence === 0) errors.amount = 'money_zero';
		const item = values.item.trim();
		if (item === '') errors.item = 'item_missing';
		else if (item.length > 200) errors.item = 'item_too_long';
		if (!OPERATION_ID.test(values.operation)) errors.item ??= 'invalid';
		let leftPence: number | null = null;
		if (Object.keys(errors).length === 0 && source && pounds.ok) {
			const asked = askForMoney(db, {
				youngPersonId: person.id,
				entitlement: source.key,
				allowancePence: source.amountPence,
				pence: pounds.pence,
				item,
				actorId: actor.id,
				today,
				localOfferVersionId: source.localOfferVersionId,
				operationId: values.operation
			});
			if (asked.ok) {
				recordAudit(db, { action: 'money.ask', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: person.id, requestId: event.locals.requestId });
				redirect(303, `/me/money?asked=${asked.requestId}`);
			}
			if (asked.code === 'operation_reused') {
				recordAudit(db, { action: 'money.ask', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: person.id, requestId: event.locals.requestId });
				return fail(409, { conflict: 'operation_reused' as const });
			}
			errors.amount = asked.code === 'not_positive' ? 'money_zero' : asked.code;
			leftPence = asked.code === 'more_than_left' ? asked.leftPence : null;
		}
		recordAudit(db, { action: 'money.ask', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: person.id, requestId: event.locals.requestId });
		return fail(400, { errors, values, leftPence, notEligible });
	}
};
