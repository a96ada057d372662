import { getConfig } from '$lib/server/config';
import type { PageServerLoad } from './$types';

// Public on purpose: someone who cannot sign in may need these numbers most.
export const load: PageServerLoad = () => {
	const config = getConfig();
	return { council: config.COUNCIL_NAME, phone: config.COUNCIL_PHONE, outOfHours: config.COUNCIL_OUT_OF_HOURS_PHONE };
};
