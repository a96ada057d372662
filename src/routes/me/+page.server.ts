import { ownContext } from '$lib/server/privacy/own-context';
import { OWN_VIEW } from '$lib/server/privacy/own-view';
import type { PageServerLoad } from './$types';

// What this page shows is OWN_VIEW.home, the same reader "Download my data" uses.
export const load: PageServerLoad = (event) => OWN_VIEW.home(ownContext(event).ctx);
