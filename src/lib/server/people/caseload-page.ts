import { ageOrNull, type IsoDate } from '../../domain/dates';
import type { Db } from '../db/client';
import { openFlagsFor } from '../housing/flags';
import { caseloadMoney } from '../money/caseload';
import { getCaseload } from './queries';

/** Everything on a PA's caseload page, in a fixed number of queries whatever the caseload size. */
export function caseloadPage(db: Db, adviserId: string, today: IsoDate) {
	const caseload = getCaseload(db, adviserId, today);
	const people = caseload.map((p) => ({
		id: p.id,
		name: p.preferredName === p.fullName ? p.fullName : `${p.fullName} (${p.preferredName})`,
		age: ageOrNull(p.dateOfBirth, today),
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
	// The engine's results are for the server's own use (Today reads them): not sent to the page.
	const { outcomes: _outcomes, people: _people, ...money } = caseloadMoney(db, ids, today);
	return { people, flags, money };
}
