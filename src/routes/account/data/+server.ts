import { recordAudit } from '$lib/server/audit';
import { requireActor } from '$lib/server/auth/guards';
import { openAppDatabase } from '$lib/server/db';
import { getYoungPersonForUser } from '$lib/server/people/queries';
import { exportSubject } from '$lib/server/privacy/export';
import type { RequestHandler } from './$types';

/** "Download my data": every row that refers to the signed-in person, as JSON. */
export const GET: RequestHandler = (event) => {
	const actor = requireActor(event);
	const { db, sqlite } = openAppDatabase();
	const youngPersonId = actor.role === 'young_person' ? (getYoungPersonForUser(db, actor.id)?.id ?? null) : null;
	const data = exportSubject(sqlite, { userId: actor.id, youngPersonId });
	recordAudit(db, { action: 'account.download_data', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: youngPersonId ? 'young_person' : 'user', subjectId: youngPersonId ?? actor.id, requestId: event.locals.requestId });
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="harbour-my-data-${data.generatedAt.slice(0, 10)}.json"`
		}
	});
};
