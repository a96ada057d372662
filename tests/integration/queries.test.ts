import { describe, expect, it } from 'vitest';
import { todayFor } from '../../src/lib/server/monitoring/today';
import { caseloadPage } from '../../src/lib/server/people/caseload-page';
import { createSeededDb } from '../fixtures/db';

const TODAY = '2026-11-24';

/** Seeds a council, gives Sam every young person, and counts the SQL each page's data costs. */
function queriesFor(youngPeople: number) {
	const f = createSeededDb({ youngPeople, contacts: youngPeople * 3 });
	const sam = f.sqlite.prepare(`select id from user where email = 'sam@demo.harbour.test'`).pluck().get() as string;
	f.sqlite.prepare(`update assignment set adviser_id = ? where ends_on is null and kind = 'primary'`).run(sam);
	const count = (run: () => unknown) => {
		f.queries.length = 0;
		run();
		return f.queries.length;
	};
	const caseload = caseloadPage(f.db, sam, TODAY);
	return { size: caseload.people.length, caseload: count(() => caseloadPage(f.db, sam, TODAY)), today: count(() => todayFor(f.db, sam, TODAY)), items: todayFor(f.db, sam, TODAY).length };
}

describe('queries per page do not grow with the caseload (no N+1)', () => {
	it('is the same small number for a caseload of 30 and of 300', () => {
		const small = queriesFor(30);
		const large = queriesFor(300);
		expect(small.size).toBeGreaterThanOrEqual(25);
		expect(large.size).toBeGreaterThanOrEqual(250);
		console.log(`queries per page: caseload ${small.caseload} (30 people) / ${large.caseload} (300); today ${small.today} / ${large.today}`);
		expect(large.caseload).toBe(small.caseload);
		expect(large.today).toBe(small.today);
		expect(small.caseload).toBeLessThanOrEqual(6);
		expect(small.today).toBeLessThanOrEqual(12);
		expect(large.items).toBeGreaterThan(small.items);
	});
});
