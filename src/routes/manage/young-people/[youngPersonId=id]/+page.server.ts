import { londonDay, parseDateParts } from '$lib/domain/dates';
import { recordAudit } from '$lib/server/audit';
import { authorize, authorizeYoungPerson } from '$lib/server/auth/guards';
import { listOpenInvitations } from '$lib/server/auth/invitations';
import { getDb } from '$lib/server/db';
import { assignmentHistory, listAdvisers, reassign, setCover } from '$lib/server/people/manage';
import { inviteYoungPerson, makeRecoveryLink, recoveryEmailFor } from '$lib/server/people/invite';
import { getCurrentAdvisers, getYoungPerson } from '$lib/server/people/queries';
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

/** The manager's page about one young person: every load and action is for managers only. */
const manager = (event: RequestEvent<{ youngPersonId: string }>) => authorizeYoungPerson(event, 'young_person.assign', event.params.youngPersonId);

export const load: PageServerLoad = (event) => {
	const { actor } = manager(event);
	const db = getDb();
	const person = getYoungPerson(db, event.params.youngPersonId);
	if (!person) error(404, 'not_found');
	// One audit row per request: after a form post, the action's own row already records this access.
	if (event.request.method === 'GET') recordAudit(db, { action: 'young_person.view_assignments', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: person.id, requestId: event.locals.requestId });
	return {
		person: { id: person.id, fullName: person.fullName, hasAccount: Boolean(person.userId) },
		recoveryEmail: person.userId ? recoveryEmailFor(db, person.userId) : null,
		history: assignmentHistory(db, person.id),
		advisers: listAdvisers(db),
		openInvitations: listOpenInvitations(db, { youngPersonId: person.id }).length
	};
};

const Reassign = z.object({ adviser: z.string().regex(/^[a-z2-7]{16}$/).optional(), reason: z.string().trim().max(500) });
const Cover = z.object({
	adviser: z.string().regex(/^[a-z2-7]{16}$/).optional(),
	'from-day': z.string().max(10),
	'from-month': z.string().max(10),
	'from-year': z.string().max(10),
	'to-day': z.string().max(10),
	'to-month': z.string().max(10),
	'to-year': z.string().max(10),
	reason: z.string().trim().max(500)
});

export const actions: Actions = {
	reassign: async (event) => {
		const { actor } = manager(event);
		const db = getDb();
		const parsed = Reassign.safeParse(Object.fromEntries(await event.request.formData()));
		const adviser = parsed.success ? listAdvisers(db).find((a) => a.id === parsed.data.adviser) : undefined;
		if (!parsed.success || !adviser) {
			recordAudit(db, { action: 'young_person.reassign', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: event.params.youngPersonId, requestId: event.locals.requestId });
			return fail(400, { form: 'reassign', errors: { adviser: 'adviser_missing' }, values: { reason: parsed.success ? parsed.data.reason : '' } });
		}
		reassign(db, event.params.youngPersonId, adviser.id, londonDay(new Date()), actor.id, parsed.data.reason || 'Reassigned');
		recordAudit(db, { action: 'young_person.reassign', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: event.params.youngPersonId, requestId: event.locals.requestId });
		return { saved: 'reassign' };
	},

	cover: async (event) => {
		const { actor } = manager(event);
		const db = getDb();
		const raw = Object.fromEntries(await event.request.formData());
		const parsed = Cover.safeParse(raw);
		const text = (k: string) => String(raw[k] ?? '').slice(0, 10);
		const values = { from: { day: text('from-day'), month: text('from-month'), year: text('from-year') }, to: { day: text('to-day'), month: text('to-month'), year: text('to-year') }, reason: String(raw.reason ?? '').slice(0, 500), adviser: String(raw.adviser ?? '') };
		const errors: Record<string, string> = {};
		const adviser = parsed.success ? listAdvisers(db).find((a) => a.id === parsed.data.adviser) : undefined;
		if (!adviser) errors.adviser = 'adviser_missing';
		else if (getCurrentAdvisers(db, event.params.youngPersonId, londonDay(new Date())).some((a) => a.id === adviser.id && a.kind === 'primary')) {
			errors.adviser = 'already_their_pa';
		}
		const from = parseDateParts(values.from);
		const to = parseDateParts(values.to);
		if (!from.ok) errors['from'] = from.error === 'missing' ? 'date_missing' : 'date_invalid';
		if (!to.ok) errors['to'] = to.error === 'missing' ? 'date_missing' : 'date_invalid';
		if (from.ok && to.ok) {
			if (to.date < from.date) errors['to'] = 'date_order';
			else if (to.date < londonDay(new Date())) errors['to'] = 'date_past';
		}
		if (!parsed.success || !adviser || !from.ok || !to.ok || Object.keys(errors).length > 0) {
			recordAudit(db, { action: 'young_person.set_cover', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: event.params.youngPersonId, requestId: event.locals.requestId });
			return fail(400, { form: 'cover', errors, values });
		}
		setCover(db, event.params.youngPersonId, adviser.id, from.date, to.date, actor.id, parsed.data.reason || 'Cover');
		recordAudit(db, { action: 'young_person.set_cover', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: event.params.youngPersonId, requestId: event.locals.requestId });
		return { saved: 'cover' };
	},

	invite: async (event) => {
		// The manager's page: managers only, even though a PA may invite from their own caseload page.
		const { subject } = manager(event);
		const actor = authorize(event, 'young_person.invite', subject);
		const db = getDb();
		const person = getYoungPerson(db, event.params.youngPersonId);
		if (!person) error(404, 'not_found');
		const invited = await inviteYoungPerson(db, event.url.origin, person, actor.id);
		if ('error' in invited) {
			recordAudit(db, { action: 'young_person.invite.join', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: person.id, requestId: event.locals.requestId });
			return fail(400, { form: 'invite', errors: { delivery: 'has_account' } as Record<string, string> });
		}
		recordAudit(db, { action: 'young_person.invite.join', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: person.id, requestId: event.locals.requestId });
		return { invited };
	},

	recover: async (event) => {
		const { subject } = manager(event);
		const actor = authorize(event, 'young_person.recover', subject);
		const db = getDb();
		const person = getYoungPerson(db, event.params.youngPersonId);
		if (!person) error(404, 'not_found');
		const parsed = Recover.safeParse(Object.fromEntries(await event.request.formData()));
		const made = parsed.success ? await makeRecoveryLink(db, event.url.origin, person, actor, parsed.data.delivery, { requestId: event.locals.requestId }) : { error: 'delivery_missing' as const };
		if ('error' in made) {
			recordAudit(db, { action: 'young_person.invite.recovery', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: person.id, requestId: event.locals.requestId });
			return fail(400, { form: 'recover', errors: { delivery: made.error } as Record<string, string> });
		}
		recordAudit(db, { action: 'young_person.invite.recovery', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: person.id, requestId: event.locals.requestId });
		return { invited: made };
	}
};

const Recover = z.object({ delivery: z.enum(['email', 'in_person']) });
