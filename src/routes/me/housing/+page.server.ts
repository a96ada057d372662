import { ownRecord } from '$lib/server/housing/guard';
import { flagsFor } from '$lib/server/housing/flags';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { db, person } = ownRecord(event, 'housing.view_own');
	return { flags: flagsFor(db, person.id).map((f) => ({ id: f.id, kind: f.kind, status: f.status, raisedAt: f.raisedAt })) };
};
