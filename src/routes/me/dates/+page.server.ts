import { ownContext } from '$lib/server/privacy/own-context';
import { OWN_VIEW } from '$lib/server/privacy/own-view';
import type { PageServerLoad } from './$types';

// "Dates that matter": birthdays that change things, payments due, and help starting or stopping.
export const load: PageServerLoad = (event) => OWN_VIEW.dates(ownContext(event).ctx);
