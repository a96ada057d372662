import { londonDay } from '$lib/domain/dates';
import { subjectAccessClock } from '$lib/domain/privacy/due';
import { REDACTION_REASONS } from '$lib/server/db/schema';
import { auditYoungPerson } from '$lib/server/audit';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { getYoungPerson } from '$lib/server/people/queries';
import { getReviewedExport, prepareReviewedExport, redactItem, releaseReviewedExport, reviewItems } from '$lib/server/privacy/reviewed';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

/** The manager and the request (unknown id: 404, after the permission check). */
function reviewing(event: RequestEvent<{ requestId: string }>) {
	const actor = authorize(event, 'subject_access.review');
	const db = getDb();
	const request = getReviewedExport(db, event.params.requestId);
	if (!request) error(404, 'not_found');
	return { actor, db, request };
}

export const load: PageServerLoad = (event) => {
	const { actor, db, request } = reviewing(event);
	const person = getYoungPerson(db, request.youngPersonId);
	auditYoungPerson(db, event, actor, 'subject_access.review_view', 'allowed', request.youngPersonId);
	return {
		request: { id: request.id, status: request.status, receivedOn: request.receivedOn, clock: subjectAccessClock(request.dueOn, londonDay(new Date())), releasedAt: request.releasedAt?.toISOString() ?? null },
		name: person?.preferredName ?? '',
		items: reviewItems(db, request.id).map((i) => ({ ...i, redaction: i.redaction ? { ...i.redaction, at: i.redaction.at.toISOString() } : null })),
		reasons: [...REDACTION_REASONS]
	};
};

const Redact = z.object({
	table: z.string().max(60),
	row: z.string().max(80),
	column: z.string().max(60),
	reason: z.enum(REDACTION_REASONS).optional(),
	why: z.string().max(2000)
});

export const actions: Actions = {
	prepare: (event) => {
		const { actor, db, request } = reviewing(event);
		const result = prepareReviewedExport(db, { id: request.id, by: actor.id });
		auditYoungPerson(db, event, actor, 'subject_access.prepare', result === 'prepared' ? 'allowed' : 'invalid', request.youngPersonId);
		redirect(303, `/manage/exports/${request.id}`);
	},

	redact: async (event) => {
		const { actor, db, request } = reviewing(event);
		const raw = Object.fromEntries(await event.request.formData());
		const parsed = Redact.safeParse({ ...raw, reason: raw.reason || undefined });
		const item = { table: String(raw.table ?? '').slice(0, 60), row: String(raw.row ?? '').slice(0, 80), column: String(raw.column ?? '').slice(0, 60) };
		const errors: Record<string, string> = {};
		if (!parsed.success || !parsed.data.reason) errors.reason = 'sar_reason_missing';
		const why = parsed.success ? parsed.data.why.trim() : '';
		if (!why) errors.why = 'sar_why_missing';
		else if (why.length > 500) errors.why = 'sar_why_too_long';
		if (Object.keys(errors).length > 0 || !parsed.success || !parsed.data.reason) {
			auditYoungPerson(db, event, actor, 'subject_access.redact', 'invalid', request.youngPersonId);
			return fail(400, { item, errors, values: { reason: String(raw.reason ?? ''), why: String(raw.why ?? '').slice(0, 2000) } });
		}
		const result = redactItem(db, { id: request.id, ...item, reason: parsed.data.reason, why, by: actor.id });
		if (result === 'not_found') {
			auditYoungPerson(db, event, actor, 'subject_access.redact', 'invalid', request.youngPersonId);
			error(404, 'not_found');
		}
		if (result === 'released') {
			auditYoungPerson(db, event, actor, 'subject_access.redact', 'invalid', request.youngPersonId);
			return fail(409, { item, errors: { why: 'sar_already_released' }, values: { reason: parsed.data.reason, why } });
		}
		auditYoungPerson(db, event, actor, 'subject_access.redact', 'allowed', request.youngPersonId);
		redirect(303, `/manage/exports/${request.id}#item-${encodeURIComponent(`${item.table}-${item.row}-${item.column}`)}`);
	},

	release: (event) => {
		const { actor, db, request } = reviewing(event);
		const result = releaseReviewedExport(db, { id: request.id, by: actor.id });
		auditYoungPerson(db, event, actor, 'subject_access.release', result === 'released' || result === 'already' ? 'allowed' : 'invalid', request.youngPersonId);
		if (result === 'not_prepared') return fail(400, { releaseError: true });
		redirect(303, `/manage/exports/${request.id}`);
	}
};
