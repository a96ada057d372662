import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { linkFor } from '$lib/server/notify/alerts';
import { listNotifications, markAllRead } from '$lib/server/notify/in-app';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

/** How many the centre shows; older ones stay in the database (and in the person's data export). */
const SHOWN = 50;

// Everyone's own notification centre: what Harbour told them, whether or not their phone has alerts on.
export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'own.notifications');
	const rows = listNotifications(getDb(), actor.id, SHOWN);
	return {
		notifications: rows.map((n) => ({ id: n.id, kind: n.kind, data: n.data, createdAt: n.createdAt.toISOString(), unread: n.readAt === null, href: linkFor(n.kind, n.data, actor.role) })),
		newest: rows[0]?.id ?? 0
	};
};

const MarkForm = z.object({ upTo: z.string().regex(/^\d{1,12}$/) }).strict();

export const actions: Actions = {
	/** Marks as read what the person was shown (up to its newest), so anything newer stays new. */
	markAllRead: async (event) => {
		const actor = authorize(event, 'own.notifications');
		const parsed = MarkForm.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { markError: 'invalid' });
		return { marked: markAllRead(getDb(), actor.id, Number(parsed.data.upTo)) };
	}
};
