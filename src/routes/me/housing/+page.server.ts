import { ownContext } from '$lib/server/privacy/own-context';
import { OWN_VIEW } from '$lib/server/privacy/own-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => OWN_VIEW.housing(ownContext(event, 'housing.view_own').ctx);
