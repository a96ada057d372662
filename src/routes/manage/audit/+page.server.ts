import { isIsoDate } from '$lib/domain/dates';
import { recordAudit } from '$lib/server/audit';
import { searchAudit } from '$lib/server/audit-search';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'audit.search');
	const p = event.url.searchParams;
	const text = (k: string) => (p.get(k) ?? '').trim().slice(0, 200);
	const query = { actorEmail: text('actor'), subjectId: text('subject'), action: text('action'), from: text('from'), to: text('to') };
	const dateErrors = { from: query.from && !isIsoDate(query.from), to: query.to && !isIsoDate(query.to) };
	const searched = Object.values(query).some(Boolean);
	const db = getDb();
	if (searched) recordAudit(db, { action: 'audit.search', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, requestId: event.locals.requestId });
	const rows = searched && !dateErrors.from && !dateErrors.to ? searchAudit(db, { ...query, from: query.from || undefined, to: query.to || undefined, actorEmail: query.actorEmail || undefined, subjectId: query.subjectId || undefined, action: query.action || undefined }) : [];
	return { query, searched, dateErrors, rows: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
};
