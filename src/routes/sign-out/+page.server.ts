import { recordAudit } from '$lib/server/audit';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { invalidateSession } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: ({ locals, cookies, url, setHeaders }) => {
		if (locals.session && locals.user) {
			const db = getDb();
			invalidateSession(db, locals.session.id);
			recordAudit(db, {
				action: 'sign_out',
				outcome: 'allowed',
				actorId: locals.user.id,
				actorRole: locals.user.role,
				requestId: locals.requestId
			});
		}
		clearSessionCookie(cookies, url);
		// Tell the browser to drop anything it kept for this site (security.md §3.3).
		setHeaders({ 'clear-site-data': '"cache", "storage"' });
		redirect(303, '/');
	}
};
