import { recordAudit } from '$lib/server/audit';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { exportLocale, renderExportHtml } from '$lib/server/privacy/html';
import { selfServiceExport } from '$lib/server/privacy/self-service';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** "Download my data", readable: the same data as /account/data, as a web page in the person's language. */
export const GET: RequestHandler = (event) => {
	const actor = authorize(event, 'own.download_data');
	const db = getDb();
	const data = selfServiceExport(db, actor);
	const locale = exportLocale(getLocale());
	const when = new Intl.DateTimeFormat(locale === 'ar' ? 'ar' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }).format(new Date(data.generatedAt));
	const intro = data.kind === 'young_person' ? [m.export_html_intro({ date: when }, { locale }), m.export_html_more({}, { locale })] : [m.export_html_intro({ date: when }, { locale }), m.export_html_account_only({}, { locale })];
	const html = renderExportHtml(data as unknown as Record<string, unknown>, locale, intro);
	recordAudit(db, { action: 'account.download_data_html', outcome: 'allowed', actorId: actor.id, actorRole: actor.role, subjectType: 'user', subjectId: actor.id, requestId: event.locals.requestId });
	return new Response(html, {
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'content-disposition': `attachment; filename="harbour-my-data-${data.generatedAt.slice(0, 10)}.html"`,
			'cache-control': 'no-store'
		}
	});
};
