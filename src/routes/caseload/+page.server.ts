import { ageOn, londonDay } from '$lib/domain/dates';
import { authorize } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { getCaseload } from '$lib/server/people/queries';
import { caseloadMoney } from '$lib/server/money/caseload';
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
	return { people, money: caseloadMoney(db, caseload.map((p) => p.id), today) };
};
