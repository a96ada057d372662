import type { RequestEvent } from '@sveltejs/kit';
import { londonDay } from '../../domain/dates';
import { ownRecord } from '../housing/guard';
import type { Action } from '../policy';
import type { OwnContext } from './own-view';

/** The signed-in young person's own record as an OwnContext (through the policy, like ownRecord). */
export function ownContext(event: RequestEvent, action: Action = 'home.view') {
	const { actor, db, person } = ownRecord(event, action);
	const ctx: OwnContext = { db, person, userId: actor.id, today: londonDay(new Date()) };
	return { actor, db, person, ctx };
}
