import { HOME } from '$lib/server/policy';
import { safeReturnPath } from '$lib/server/security';
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeReturnPath(url.searchParams.get('returnTo'), HOME[locals.user.role]));
	return { returnTo: safeReturnPath(url.searchParams.get('returnTo'), '') };
};
