import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { recordAudit } from '../audit';
import { getDb } from '../db';
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
