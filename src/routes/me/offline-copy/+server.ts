import { londonDay } from '$lib/domain/dates';
import { ownRecord } from '$lib/server/housing/guard';
import { offlineCopy } from '$lib/server/people/offline-copy';
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * The young person's summary for this device to keep (issue 8): only for their own record, and
 * only in a session started on a phone they said is their own. Never cached by anything between.
 */
export const GET: RequestHandler = (event) => {
	const { actor, db, person } = ownRecord(event, 'home.view');
	if (!event.locals.session?.ownDevice) error(403, 'not_own_device');
	return json(offlineCopy(db, actor.id, person, londonDay(new Date())), { headers: { 'cache-control': 'private, no-store' } });
};
