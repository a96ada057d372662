import { londonDay } from '$lib/domain/dates';
import { CSV_HEADER, csvRow } from '$lib/domain/monitoring/compute';
import { reportingYear } from '$lib/domain/monitoring/window';
import { recordAudit } from '$lib/server/audit';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { returnsFor } from '$lib/server/monitoring/returns';
import type { RequestHandler } from './$types';

/**
 * The year's returns as CSV in DfE-compatible columns (table OC3). Streamed in chunks, so a long
 * export starts at once and the browser shows its progress as it downloads.
 */
export const GET: RequestHandler = (event) => {
	const actor = authorize(event, 'indicators.export');
	const db = getDb();
	const year = reportingYear(londonDay(new Date()));
	const records = returnsFor(db, year);
	recordAudit(db, { action: 'dfe.export', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
	const encoder = new TextEncoder();
	let next = 0;
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode(`${CSV_HEADER.join(',')}\r\n`));
		},
		pull(controller) {
			if (next >= records.length) return controller.close();
			const chunk = records.slice(next, next + 1000);
			next += chunk.length;
			controller.enqueue(encoder.encode(chunk.map((r) => `${csvRow(r)}\r\n`).join('')));
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="care-leavers-${year}-${year + 1}.csv"`,
			'cache-control': 'no-store',
			'x-record-count': String(records.length)
		}
	});
};
