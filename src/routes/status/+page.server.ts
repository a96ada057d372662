import { openAppDatabase } from '$lib/server/db';
import type { PageServerLoad } from './$types';

// The smallest real page: one SQLite read. It tells a load balancer Harbour is up, and
// `npm run bench` uses it as the framework baseline every other page is compared with.
export const load: PageServerLoad = () => {
	const ok = openAppDatabase().sqlite.prepare('select 1').pluck().get() === 1;
	return { ok };
};
