import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { paymentsBetween } from '$lib/server/money/finance';
import { parsePeriod } from '$lib/server/money/export-period';
import type { PageServerLoad } from './$types';

/** Choose a period; the page then says how many payments it holds and offers the CSV download. */
export const load: PageServerLoad = (event) => {
	authorize(event, 'money.export');
	const { values, errors, period } = parsePeriod(event.url.searchParams);
	const count = period ? paymentsBetween(getDb(), period.from, period.to).length : null;
	return { values, errors, period, count };
};
