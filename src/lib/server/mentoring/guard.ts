import { error, type RequestEvent } from '@sveltejs/kit';
import { londonDay } from '../../domain/dates';
import { relationTo } from '../access';
import { recordAudit } from '../audit';
import { authorizeYoungPerson, requireActor } from '../auth/guards';
import { getDb } from '../db';
import { getYoungPerson } from '../people/queries';
import { matchBetween } from './matches';

/**
 * A mentor's way in to one mentee: only through an active match. After a match ends, every mentor
 * route for that young person answers "this match has ended" (403) and saves nothing.
 */
export function menteeAccess(event: RequestEvent<{ youngPersonId: string }>, action: 'mentee.view' | 'mentee.log') {
	const db = getDb();
	const actor = requireActor(event);
	if (actor.role === 'mentor' && relationTo(db, actor, event.params.youngPersonId, londonDay(new Date())) === 'match_ended') {
		recordAudit(db, { action, outcome: 'denied', actorId: actor.id, actorRole: actor.role, subjectType: 'young_person', subjectId: event.params.youngPersonId, requestId: event.locals.requestId });
		error(403, 'match_ended');
	}
	authorizeYoungPerson(event, action, event.params.youngPersonId);
	const person = getYoungPerson(db, event.params.youngPersonId);
	const match = matchBetween(db, actor.id, event.params.youngPersonId);
	if (!person || !match || match.status !== 'active') error(404, 'not_found');
	return { actor, db, person, match, today: londonDay(new Date()) };
}
