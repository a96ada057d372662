import { ownContext } from '$lib/server/privacy/own-context';
import { OWN_VIEW } from '$lib/server/privacy/own-view';
import type { PageServerLoad } from './$types';

// "What I can get": every entitlement, worked out from the young person's own record today
// (OWN_VIEW.entitlements, the same reader "Download my data" uses). Help that would come with a
// change (an apprenticeship, university) is shown so nobody misses it for not knowing about it.
export const load: PageServerLoad = (event) => OWN_VIEW.entitlements(ownContext(event).ctx);
