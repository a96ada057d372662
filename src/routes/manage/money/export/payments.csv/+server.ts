import { paymentsCsv } from '$lib/domain/money/export';
import { recordAudit } from '$lib/server/audit';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { paymentsBetween } from '$lib/server/money/finance';
import { parsePeriod } from '$lib/server/money/export-period';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The payments in a period as CSV for the council's finance system (managers only; audited). */
export const GET: RequestHandler = (event) => {
	const actor = authorize(event, 'money.export');
	const db = getDb();
	const { period } = parsePeriod(event.url.searchParams);
	if (!period) {
		recordAudit(db, { action: 'money.export', outcome: 'invalid', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
		error(400, 'Choose a period: from and to, as dates.');
	}
	const rows = paymentsBetween(db, period.from, period.to);
	recordAudit(db, { action: 'money.export', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'payments', subjectId: `${period.from}..${period.to}`, requestId: event.locals.requestId });
	return new Response(paymentsCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="payments-${period.from}-to-${period.to}.csv"`,
			'cache-control': 'no-store',
			'x-record-count': String(rows.length)
		}
	});
};
