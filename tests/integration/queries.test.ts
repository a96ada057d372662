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

	it('sends the caseload page only what it shows (the engine results stay on the server)', () => {
		const f = createSeededDb({ youngPeople: 30, contacts: 30 });
		const sam = f.sqlite.prepare(`select id from user where email = 'sam@demo.harbour.test'`).pluck().get() as string;
		const page = caseloadPage(f.db, sam, TODAY);
		expect(Object.keys(page.money).sort()).toEqual(['lapsing', 'notYetClaimed', 'waiting']);
	});
});

describe('Today reads check-ins by time', () => {
	it('surfaces a sharp drop between the last two recent check-ins, and ignores ones older than 90 days', () => {
		const f = createSeededDb({ youngPeople: 30, contacts: 30 });
		const sam = f.sqlite.prepare(`select id from user where email = 'sam@demo.harbour.test'`).pluck().get() as string;
		const amira = f.sqlite.prepare(`select id, user_id from young_person where full_name = 'Amira Haddad'`).get() as { id: string; user_id: string };
		f.sqlite.prepare(`delete from check_in where young_person_id = ?`).run(amira.id);
		const good = JSON.stringify({ housing: 5, health: 4, relationships: 4, activities: 4, money: 4, work_learning: 4, independence: 4, identity: 4 });
		const bad = JSON.stringify({ housing: 1, health: 4, relationships: 4, activities: 4, money: 4, work_learning: 4, independence: 4, identity: 4 });
		const add = (scores: string, at: string, op: string) => f.sqlite.prepare(`insert into check_in (young_person_id, user_id, scores, words, operation_id, at) values (?, ?, ?, '', ?, ?)`).run(amira.id, amira.user_id, scores, op, Date.parse(at));
		const drops = () => todayFor(f.db, sam, TODAY).filter((i) => i.kind === 'checkin_drop' && i.youngPersonId === amira.id);
		add(good, '2026-08-01T10:00:00Z', 'op-old-good');
		add(bad, '2026-08-02T10:00:00Z', 'op-old-bad');
		expect(drops()).toEqual([]);
		add(good, '2026-11-10T10:00:00Z', 'op-new-good');
		add(bad, '2026-11-20T10:00:00Z', 'op-new-bad');
		expect(drops()).toHaveLength(1);
	});
});

describe("the manager's overview", () => {
	it('is counted at most every 30 seconds and says when it was counted', async () => {
		const { getServiceOverviewCached, OVERVIEW_FRESH_MS } = await import('../../src/lib/server/people/queries');
		const f = createSeededDb({ youngPeople: 30, contacts: 30 });
		const t0 = Date.parse('2026-11-24T09:00:00Z');
		const first = getServiceOverviewCached(f.db, TODAY, t0);
		f.queries.length = 0;
		const again = getServiceOverviewCached(f.db, TODAY, t0 + OVERVIEW_FRESH_MS - 1);
		expect(f.queries.length).toBe(0);
		expect(again.countedAt).toEqual(first.countedAt);
		const later = getServiceOverviewCached(f.db, TODAY, t0 + OVERVIEW_FRESH_MS);
		expect(f.queries.length).toBeGreaterThan(0);
		expect(later.countedAt).toEqual(new Date(t0 + OVERVIEW_FRESH_MS));
		// A new day is counted afresh at once.
		f.queries.length = 0;
		getServiceOverviewCached(f.db, '2026-11-25', t0 + OVERVIEW_FRESH_MS + 1);
		expect(f.queries.length).toBeGreaterThan(0);
	});
});
