import { error, type RequestEvent } from '@sveltejs/kit';
import { guardYoungPerson } from '../auth/guards';
import { matchBetween } from './matches';

/**
 * A mentor's way in to one mentee: only through an active match. After a match ends the policy
 * answers "this match has ended" (403) for every mentor route about that young person.
 */
export function menteeAccess(event: RequestEvent<{ youngPersonId: string }>, action: 'mentee.view' | 'mentee.log_contact' | 'mentee.raise_concern') {
	const g = guardYoungPerson(event, action);
	const match = matchBetween(g.db, g.actor.id, g.person.id);
	if (!match || match.status !== 'active') error(404, 'not_found');
	return { ...g, match };
}
