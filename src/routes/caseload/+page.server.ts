import { ageOn, londonDay } from '$lib/domain/dates';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { getCaseload } from '$lib/server/people/queries';
import { caseloadMoney } from '$lib/server/money/caseload';
import { openFlagsFor } from '$lib/server/housing/flags';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = authorize(event, 'caseload.view');
	const today = londonDay(new Date());
	const db = getDb();
	const caseload = getCaseload(db, actor.id, today);
	const people = caseload.map((p) => ({
		id: p.id,
		name: p.preferredName === p.fullName ? p.fullName : `${p.fullName} (${p.preferredName})`,
		age: ageOn(p.dateOfBirth, today),
		legalStatus: p.legalStatus,
		cover: p.kind === 'cover',
		lastContactOn: p.lastContactOn
	}));
	const ids = caseload.map((p) => p.id);
	const names = new Map(caseload.map((p) => [p.id, p.preferredName]));
	// Housing worries go first: not yet acknowledged (urgent first), then the rest, oldest first.
	const rank = (f: { status: string; urgency: string }) => (f.status === 'raised' ? (f.urgency === 'urgent' ? 0 : 1) : 2);
	const flags = openFlagsFor(db, ids)
		.map((f) => ({ ...f, name: names.get(f.youngPersonId) ?? '' }))
		.sort((a, b) => rank(a) - rank(b) || a.raisedAt.getTime() - b.raisedAt.getTime());
	return { people, flags, money: caseloadMoney(db, ids, today) };
};
