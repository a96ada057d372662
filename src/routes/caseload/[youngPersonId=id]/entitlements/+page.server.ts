import { alertYoungPerson } from '$lib/server/notify/alerts';
import { londonDay, parseDateParts } from '$lib/domain/dates';
import { parsePounds } from '$lib/domain/money/pounds';
import { auditYoungPerson } from '$lib/server/audit';
import { authorizeYoungPerson } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { CLAIM_STATES } from '$lib/server/db/schema';
import { currentLimit, decideRequest, pendingList, recordCorrection, recordPayment, setClaimState } from '$lib/server/money/ledger';
import { OPERATION_ID } from '$lib/server/money/operations';
import { newId } from '$lib/server/ids';
import { claimStory, moneyPicture } from '$lib/server/money/views';
import { getYoungPerson } from '$lib/server/people/queries';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ youngPersonId: string }>;

/** Every load and action: the young person's PA (or cover) or a manager, and a record that exists. */
function staff(event: Event, action: 'case_record.view' | 'money.decide' | 'money.pay' | 'money.correct' | 'money.claim') {
	const { actor } = authorizeYoungPerson(event, action, event.params.youngPersonId);
	const db = getDb();
	const person = getYoungPerson(db, event.params.youngPersonId);
	if (!person) error(404, 'not_found');
	return { actor, db, person, today: londonDay(new Date()) };
}

export const load: PageServerLoad = (event) => {
	const { actor, db, person, today } = staff(event, 'case_record.view');
	if (event.request.method === 'GET') auditYoungPerson(db, event, actor, 'young_person.view_entitlements', 'allowed', person.id);
	const picture = moneyPicture(db, person, today);
	const claimOf = (key: string) => picture.claims.find((c) => c.entitlement === key);
	const done = event.url.searchParams.get('done');
	const pot = event.url.searchParams.get('pot');
	return {
		person: { id: person.id, fullName: person.fullName },
		// One id per page load; each form adds its own suffix. A double tap sends the same id twice.
		operation: newId(),
		done: done && DONE.has(done) ? done : null,
		donePot: pot,
		limitPence: currentLimit(db),
		entitlements: picture.outcomes
			.filter((o) => o.state === 'eligible_now' || o.state === 'eligible_from')
			.map((o) => ({ key: o.id, state: o.state, reason: o.reason, from: o.from ?? null, until: o.until ?? null, amountPence: o.amountPence, claim: claimOf(o.id)?.state ?? 'not_started', declineReason: claimOf(o.id)?.declineReason ?? null })),
		// Pots that apply today, and any with payments already (even if the help has since ended).
		money: picture.money.filter((s) => s.state === 'eligible_now' || s.entries.length > 0),
		requests: picture.requests,
		instalments: picture.instalments,
		pending: pendingList(db, person.id).map((p) => ({ id: p.id, kind: p.kind, entitlement: p.entitlement, pence: p.pence, item: p.item, why: p.why, limitPence: p.limitPence, by: p.by, requestedAt: p.requestedAt })),
		story: claimStory(db, person.id)
	};
};

const DONE = new Set(['decided', 'paid', 'pending', 'corrected', 'claim']);
const text = (raw: Record<string, FormDataEntryValue>, key: string, max = 1000) => String(raw[key] ?? '').slice(0, max);
const Decide = z.object({ request: z.string().regex(/^[a-z2-7]{16}$/), decision: z.enum(['approve', 'decline']), reason: z.string().max(1000).default(''), operation: z.string().regex(OPERATION_ID) });
const ClaimForm = z.object({ entitlement: z.string().min(1).max(40), state: z.enum(CLAIM_STATES), reason: z.string().max(1000).default(''), operation: z.string().regex(OPERATION_ID) });
const here = (event: Event, done: string, extra = '') => `/caseload/${event.params.youngPersonId}/entitlements?done=${done}${extra}`;

export const actions: Actions = {
	/** Approve or decline an ask. A second press (or a colleague's) is told it was already decided. */
	decide: async (event) => {
		const { actor, db, person } = staff(event, 'money.decide');
		const raw = Object.fromEntries(await event.request.formData());
		const parsed = Decide.safeParse(raw);
		if (!parsed.success) {
			auditYoungPerson(db, event, actor, 'money.decide', 'invalid', person.id);
			return fail(400, { form: 'decide', request: text(raw, 'request', 16), errors: { reason: 'invalid' }, values: { reason: text(raw, 'reason'), operation: text(raw, 'operation', 64) } });
		}
		const reason = parsed.data.reason.trim();
		if (parsed.data.decision === 'decline' && reason === '') {
			auditYoungPerson(db, event, actor, 'money.decide', 'invalid', person.id);
			return fail(400, { form: 'decide', request: parsed.data.request, errors: { reason: 'decline_reason_missing' }, values: { reason, operation: parsed.data.operation } });
		}
		const result = decideRequest(db, { youngPersonId: person.id, requestId: parsed.data.request, decision: parsed.data.decision, reason, actorId: actor.id, operationId: parsed.data.operation });
		if (result.code === 'not_found') {
			auditYoungPerson(db, event, actor, 'money.decide', 'denied', person.id);
			error(404, 'not_found');
		}
		if (!result.ok) {
			auditYoungPerson(db, event, actor, 'money.decide', result.code === 'own_request' ? 'denied' : 'invalid', person.id);
			return fail(result.code === 'own_request' ? 403 : 409, { form: 'decide', request: parsed.data.request, conflict: result.code });
		}
		auditYoungPerson(db, event, actor, result.code === 'pending' ? 'money.decide.awaiting_manager' : 'money.decide', 'allowed', person.id);
		if (result.code !== 'pending') await alertYoungPerson(db, person.id, 'money.decided', { decision: result.code });
		redirect(303, here(event, result.code === 'pending' ? 'pending' : 'decided'));
	},

	/** Record money paid out: for an approved ask (paid once, however often the form is sent), or on its own. */
	pay: async (event) => {
		const { actor, db, person, today } = staff(event, 'money.pay');
		const raw = Object.fromEntries(await event.request.formData());
		const values = {
			request: text(raw, 'request', 16),
			source: text(raw, 'source', 40),
			amount: text(raw, 'amount', 40),
			item: text(raw, 'item', 1000),
			override: text(raw, 'override', 1000),
			operation: text(raw, 'operation', 64),
			paid: { day: text(raw, 'paid-day', 10), month: text(raw, 'paid-month', 10), year: text(raw, 'paid-year', 10) }
		};
		const picture = moneyPicture(db, person, today);
		const request = values.request ? picture.requests.find((r) => r.id === values.request) : undefined;
		if (values.request && !request) {
			auditYoungPerson(db, event, actor, 'money.pay', 'denied', person.id);
			error(404, 'not_found');
		}
		const errors: Record<string, string> = {};
		const source = picture.money.find((s) => s.key === (request?.entitlement ?? values.source) && (request || s.state === 'eligible_now' || s.entries.length > 0));
		if (!source) errors.source = 'source_missing';
		const pounds = request ? ({ ok: true, pence: request.pence } as const) : parsePounds(values.amount);
		if (!pounds.ok) errors.amount = `money_${pounds.error}`;
		else if (pounds.pence === 0) errors.amount = 'money_zero';
		const item = request ? request.item : values.item.trim();
		if (!item) errors.item = 'item_missing';
		else if (item.length > 200) errors.item = 'item_too_long';
		const noDate = !values.paid.day && !values.paid.month && !values.paid.year;
		const paid = noDate ? ({ ok: true, date: today } as const) : parseDateParts(values.paid);
		if (!paid.ok) errors.paid = 'date_invalid';
		else if (paid.date > today) errors.paid = 'date_future';
		if (!OPERATION_ID.test(values.operation)) errors.item ??= 'invalid';
		let leftPence: number | null = null;
		if (Object.keys(errors).length === 0 && source && pounds.ok && paid.ok) {
			const result = recordPayment(db, {
				youngPersonId: person.id,
				entitlement: source.key,
				allowancePence: source.amountPence,
				requestId: request?.id ?? null,
				pence: pounds.pence,
				item,
				paidOn: paid.date,
				overrideReason: values.override,
				actorId: actor.id,
				operationId: values.operation
			});
			if (result.ok && 'pendingId' in result) {
				auditYoungPerson(db, event, actor, 'money.pay.awaiting_manager', 'allowed', person.id);
				redirect(303, here(event, 'pending'));
			}
			if (result.ok) {
				auditYoungPerson(db, event, actor, 'money.pay', 'allowed', person.id);
				await alertYoungPerson(db, person.id, 'money.paid', { entitlement: source.key });
				redirect(303, here(event, 'paid', `&pot=${encodeURIComponent(source.key)}`));
			}
			if (result.code === 'already_paid' || result.code === 'not_approved' || result.code === 'already_pending' || result.code === 'operation_reused') {
				auditYoungPerson(db, event, actor, 'money.pay', 'invalid', person.id);
				return fail(409, { form: 'pay', request: values.request, conflict: result.code });
			}
			errors[result.code === 'would_go_below_zero' ? 'override' : 'amount'] = result.code;
			leftPence = result.leftPence ?? null;
		}
		auditYoungPerson(db, event, actor, 'money.pay', 'invalid', person.id);
		return fail(400, { form: request ? 'pay-request' : 'pay', request: values.request, errors, values, leftPence });
	},

	/**
	 * A correction is a new entry; the one it corrects stays as it was. It can at most undo that
	 * entry; more needs a reason and a manager. An entry that is not this young person's is a 404.
	 */
	correct: async (event) => {
		const { actor, db, person, today } = staff(event, 'money.correct');
		const raw = Object.fromEntries(await event.request.formData());
		const values = { entry: text(raw, 'entry', 20), direction: text(raw, 'direction', 10), amount: text(raw, 'amount', 40), reason: text(raw, 'reason', 1000), override: text(raw, 'override', 1000), operation: text(raw, 'operation', 64) };
		const errors: Record<string, string> = {};
		const entryId = /^\d{1,12}$/.test(values.entry) ? Number(values.entry) : NaN;
		if (!Number.isSafeInteger(entryId)) errors.entry = 'entry_missing';
		if (values.direction !== 'back' && values.direction !== 'off') errors.direction = 'direction_missing';
		const pounds = parsePounds(values.amount);
		if (!pounds.ok) errors.amount = `money_${pounds.error}`;
		else if (pounds.pence === 0) errors.amount = 'money_zero';
		if (!values.reason.trim()) errors.reason = 'correction_reason_missing';
		else if (values.reason.trim().length > 200) errors.reason = 'item_too_long';
		if (!OPERATION_ID.test(values.operation)) errors.reason ??= 'invalid';
		let leftToUndo: number | null = null;
		if (Object.keys(errors).length === 0 && pounds.ok) {
			const result = recordCorrection(db, {
				youngPersonId: person.id,
				correctsId: entryId,
				pence: values.direction === 'back' ? pounds.pence : -pounds.pence,
				reason: values.reason.trim(),
				overrideReason: values.override,
				actorId: actor.id,
				on: today,
				operationId: values.operation
			});
			if (result.ok) {
				auditYoungPerson(db, event, actor, 'pendingId' in result ? 'money.correct.awaiting_manager' : 'money.correct', 'allowed', person.id);
				redirect(303, here(event, 'pendingId' in result ? 'pending' : 'corrected'));
			}
			if (result.code === 'not_found') {
				// The entry is not in this young person's ledger (another person's, or made up): refused, and recorded.
				auditYoungPerson(db, event, actor, 'money.correct', 'denied', person.id);
				error(404, 'not_found');
			}
			if (result.code === 'operation_reused') {
				auditYoungPerson(db, event, actor, 'money.correct', 'invalid', person.id);
				return fail(409, { form: 'correct', conflict: result.code });
			}
			errors[result.code === 'correction_too_large' || result.code === 'correction_wrong_way' ? 'amount' : result.code === 'would_go_below_zero' ? 'override' : 'amount'] = result.code;
			leftToUndo = 'leftToUndoPence' in result ? (result.leftToUndoPence ?? null) : null;
		}
		auditYoungPerson(db, event, actor, 'money.correct', 'invalid', person.id);
		return fail(400, { form: 'correct', errors, values, leftToUndo });
	},

	/** Move a claim along: in progress, approved, declined (with a reason), and so on. */
	claim: async (event) => {
		const { actor, db, person } = staff(event, 'money.claim');
		const raw = Object.fromEntries(await event.request.formData());
		const parsed = ClaimForm.safeParse(raw);
		const values = { entitlement: text(raw, 'entitlement', 40), state: text(raw, 'state', 20), reason: text(raw, 'reason'), operation: text(raw, 'operation', 64) };
		const errors: Record<string, string> = {};
		if (!parsed.success) errors.state = 'claim_state_missing';
		else if (parsed.data.state === 'declined' && !parsed.data.reason.trim()) errors.reason = 'decline_reason_missing';
		if (!parsed.success || Object.keys(errors).length > 0) {
			auditYoungPerson(db, event, actor, 'money.claim', 'invalid', person.id);
			return fail(400, { form: 'claim', errors, values });
		}
		const moved = setClaimState(db, { youngPersonId: person.id, entitlement: parsed.data.entitlement, state: parsed.data.state, reason: parsed.data.reason.trim(), actorId: actor.id, operationId: parsed.data.operation });
		if (!moved.ok) {
			auditYoungPerson(db, event, actor, 'money.claim', 'invalid', person.id);
			return fail(409, { form: 'claim', conflict: moved.code });
		}
		auditYoungPerson(db, event, actor, 'money.claim', 'allowed', person.id);
		redirect(303, here(event, 'claim'));
	}
};
