import { recordAudit } from '$lib/server/audit';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { selfServiceExport } from '$lib/server/privacy/self-service';
import type { RequestHandler } from './$types';

/**
 * "Download my data", as JSON (issue 12, finding 2): a young person gets exactly what their own
 * pages show them; staff and volunteers their own account only. Everything else held about a
 * young person comes through a reviewed export (/account/data/reviewed).
 */
export const GET: RequestHandler = (event) => {
	const actor = authorize(event, 'own.download_data');
	const db = getDb();
	const data = selfServiceExport(db, actor);
	recordAudit(db, { action: 'account.download_data', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'user', subjectId: actor.id, requestId: event.locals.requestId });
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="harbour-my-data-${data.generatedAt.slice(0, 10)}.json"`,
			'cache-control': 'no-store'
		}
	});
};
