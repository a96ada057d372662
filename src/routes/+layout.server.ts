import { getDb } from '$lib/server/db';
import { countUnread } from '$lib/server/notify/in-app';
import type { LayoutServerLoad } from './$types';

// Only what the shell needs to draw itself (and the unread count beside Notifications, drawn on the
// server so it shows without JavaScript). Each page checks permission in its own load.
// `offlineCopy`: a young person signed in on a phone they said is their own (issue 8); only
// then does the device keep their summary for reading without signal.
export const load: LayoutServerLoad = ({ locals }) => ({
	account: locals.user
		? { id: locals.user.id, role: locals.user.role, displayName: locals.user.displayName, offlineCopy: locals.user.role === 'young_person' && Boolean(locals.session?.ownDevice) }
		: null,
	unread: locals.user ? countUnread(getDb(), locals.user.id) : 0,
	demo: __DEMO__
});
