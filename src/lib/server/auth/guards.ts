import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { relationTo } from '../access';
import { londonDay } from '../../domain/dates';
import { can, type Action, type Actor, type Subject } from '../policy';

/** The signed-in person, or a redirect to the front door that comes back here afterwards. */
export function requireActor(event: Pick<RequestEvent, 'locals' | 'url'>): Actor {
	const account = event.locals.user;
	if (!account) {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/?returnTo=${encodeURIComponent(back)}`);
	}
	return { id: account.id, role: account.role };
}

/**
 * Asks the policy; on a refusal records the denial and answers 404 for a read (so nobody learns
 * that a record exists) or 403 for a write.
 */
export function authorize(
	event: Pick<RequestEvent, 'locals' | 'url' | 'request'>,
	action: Action,
	subject?: Subject & { id?: string }
): Actor {
	const actor = requireActor(event);
	if (can(actor, action, subject)) return actor;
	const write = event.request.method !== 'GET' && event.request.method !== 'HEAD';
	recordAudit(getDb(), {
		action,
		outcome: 'denied',
		actorId: actor.id,
		actorRole: actor.role,
		subjectType: subject?.kind === 'young_person' ? 'young_person' : null,
		subjectId: subject?.id ?? null,
		requestId: event.locals.requestId
	});
	error(write ? 403 : 404, write ? 'forbidden' : 'not_found');
}

/**
 * For routes about one young person: works out how the actor stands to them today and asks the
 * policy. An id that matches nobody is a denial too (recorded, then 404), so probing is audited.
 */
export function authorizeYoungPerson(
	event: Pick<RequestEvent, 'locals' | 'url' | 'request'>,
	action: Action,
	youngPersonId: string
): { actor: Actor; subject: Subject & { id: string } } {
	const actor = requireActor(event);
	const relation = relationTo(getDb(), actor, youngPersonId, londonDay(new Date()));
	if (relation === 'missing') {
		recordAudit(getDb(), { action, outcome: 'denied', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: youngPersonId, requestId: event.locals.requestId });
		error(404, 'not_found');
	}
	const subject = { kind: 'young_person' as const, relation, id: youngPersonId };
	authorize(event, action, subject);
	return { actor, subject };
}
