import { auditYoungPerson } from '$lib/server/audit';
import { ownRecord } from '$lib/server/housing/guard';
import { exportLocale, renderExportHtml } from '$lib/server/privacy/html';
import { releasedCopyFor, reviewerName } from '$lib/server/privacy/reviewed';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** A reviewed copy released to this young person: JSON, or `?format=html` to read. Anyone else's: 404. */
export const GET: RequestHandler = (event) => {
	const { actor, db, person } = ownRecord(event, 'subject_access.download_released');
	const copy = releasedCopyFor(db, event.params.requestId, person.id);
	if (!copy) {
		auditYoungPerson(db, event, actor, 'subject_access.download', 'denied', person.id);
		error(404, 'not_found');
	}
	auditYoungPerson(db, event, actor, 'subject_access.download', 'allowed', person.id);
	const day = copy.releasedAt.slice(0, 10);
	if (event.url.searchParams.get('format') === 'html') {
		const locale = exportLocale(getLocale());
		const when = new Intl.DateTimeFormat(locale === 'ar' ? 'ar' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }).format(new Date(copy.releasedAt));
		const intro = [m.export_html_reviewed_intro({ name: reviewerName(db, event.params.requestId), date: when }, { locale })];
		return new Response(renderExportHtml({ tables: copy.tables, withheld: copy.withheld, excluded: copy.excluded }, locale, intro), {
			headers: { 'content-type': 'text/html; charset=utf-8', 'content-disposition': `attachment; filename="harbour-full-copy-${day}.html"`, 'cache-control': 'no-store' }
		});
	}
	return new Response(JSON.stringify(copy, null, 2), {
		headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="harbour-full-copy-${day}.json"`, 'cache-control': 'no-store' }
	});
};
