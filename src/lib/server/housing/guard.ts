import { error, type RequestEvent } from '@sveltejs/kit';
import type { Action } from '../policy';
import { authorize, requireActor } from '../auth/guards';
import { getDb } from '../db';
import { getYoungPersonForUser } from '../people/queries';

/** The signed-in young person's own record, through the policy (anyone else: refused and audited). */
export function ownRecord(event: RequestEvent, action: Action) {
	const db = getDb();
	const signedIn = requireActor(event);
	const person = signedIn.role === 'young_person' ? getYoungPersonForUser(db, signedIn.id) : undefined;
	const actor = authorize(event, action, person ? { kind: 'young_person', relation: 'self', id: person.id } : undefined);
	if (!person) error(404, 'not_found');
	return { actor, db, person };
}
