import { getDb } from '$lib/server/db';
import { countUnread } from '$lib/server/notify/in-app';
import type { LayoutServerLoad } from './$types';

// Only what the shell needs to draw itself (and the unread count beside Notifications, drawn on the
// server so it shows without JavaScript). Each page checks permission in its own load.
export const load: LayoutServerLoad = ({ locals }) => ({
	account: locals.user ? { role: locals.user.role, displayName: locals.user.displayName } : null,
	unread: locals.user ? countUnread(getDb(), locals.user.id) : 0,
	demo: __DEMO__
});
