import type { LayoutServerLoad } from './$types';

// Only what the shell needs to draw itself. Each page checks permission in its own load.
export const load: LayoutServerLoad = ({ locals }) => ({
	account: locals.user ? { role: locals.user.role, displayName: locals.user.displayName } : null,
	demo: __DEMO__
});
