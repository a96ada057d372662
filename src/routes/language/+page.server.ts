import { paraglideOptions } from '$lib/i18n/paraglide-options.js';
import { locales, type Locale } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { user } from '$lib/server/db/schema';
import { safeReturnPath } from '$lib/server/security';
import { fail, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	returnTo: safeReturnPath(url.searchParams.get('returnTo'), '/')
});

const Choice = z.object({
	locale: z.enum(locales as unknown as [Locale, ...Locale[]]),
	returnTo: z.string().max(500).optional()
});

export const actions: Actions = {
	default: async ({ request, cookies, locals, url }) => {
		const form = Object.fromEntries(await request.formData());
		const parsed = Choice.safeParse(form);
		if (!parsed.success) {
			return fail(400, { missing: true, returnTo: safeReturnPath(String(form.returnTo ?? ''), '/') });
		}
		cookies.set(paraglideOptions.cookieName, parsed.data.locale, {
			path: '/',
			maxAge: paraglideOptions.cookieMaxAge,
			httpOnly: false,
			sameSite: 'lax',
			secure: url.protocol === 'https:'
		});
		if (locals.user) {
			getDb().update(user).set({ locale: parsed.data.locale }).where(eq(user.id, locals.user.id)).run();
		}
		redirect(303, safeReturnPath(parsed.data.returnTo, '/'));
	}
};
