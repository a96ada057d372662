import { describe, expect, it } from 'vitest';
import { ageOn } from '../../src/lib/domain/dates';
import { createSeededDb } from '../fixtures/db';

const dump = (sqlite: ReturnType<typeof createSeededDb>['sqlite']) =>
	['user', 'young_person', 'assignment', 'pa_contact'].map((t) => sqlite.prepare(`select * from ${t} order by 1`).all());

describe('the synthetic council', () => {
	it('is the same, row for row, for the same seed and different for another', () => {
		const a = createSeededDb({ seed: 5, youngPeople: 200, contacts: 1000 });
		const b = createSeededDb({ seed: 5, youngPeople: 200, contacts: 1000 });
		const c = createSeededDb({ seed: 6, youngPeople: 200, contacts: 1000 });
		expect(dump(a.sqlite)).toEqual(dump(b.sqlite));
		expect(dump(a.sqlite)).not.toEqual(dump(c.sqlite));
	});

	it('covers every legal status, ages 16 to 25, UASC, parents, HE and apprenticeships', () => {
		const { sqlite } = createSeededDb({ seed: 9, youngPeople: 1000, contacts: 0, demo: false });
		const people = sqlite.prepare('select * from young_person').all() as {
			date_of_birth: string;
			legal_status: string;
			weeks_looked_after_since_14: number;
			left_care_on: string | null;
			uasc: number;
			parent: number;
			activity: string;
		}[];
		expect(new Set(people.map((p) => p.legal_status))).toEqual(new Set(['eligible', 'relevant', 'former_relevant', 'qualifying']));
		const ages = people.map((p) => ageOn(p.date_of_birth, '2026-11-24'));
		expect(Math.min(...ages)).toBe(16);
		expect(Math.max(...ages)).toBe(25);
		for (const p of people) {
			const age = ageOn(p.date_of_birth, '2026-11-24');
			if (p.legal_status === 'eligible') expect(p.left_care_on, 'eligible children are still looked after').toBeNull();
			if (p.legal_status === 'eligible' || p.legal_status === 'relevant') expect(age).toBeLessThan(18);
			if (p.legal_status === 'former_relevant') expect(age).toBeGreaterThanOrEqual(18);
			if (p.legal_status === 'qualifying') expect(p.weeks_looked_after_since_14).toBeLessThan(13);
			else expect(p.weeks_looked_after_since_14).toBeGreaterThanOrEqual(13);
		}
		expect(people.filter((p) => p.uasc).length).toBeGreaterThan(50);
		expect(people.filter((p) => p.parent).length).toBeGreaterThan(10);
		expect(people.filter((p) => p.activity === 'higher_education').length).toBeGreaterThan(10);
		expect(people.filter((p) => p.activity === 'apprenticeship').length).toBeGreaterThan(10);
	});

	it('gives everyone exactly one current main PA, with some history and some cover', () => {
		const { sqlite } = createSeededDb({ seed: 3, youngPeople: 500, contacts: 0, demo: false });
		const current = sqlite
			.prepare(
				`select young_person_id, count(*) n from assignment where kind = 'primary' and ends_on is null group by young_person_id`
			)
			.all() as { n: number }[];
		expect(current).toHaveLength(500);
		expect(current.every((r) => r.n === 1)).toBe(true);
		expect(sqlite.prepare(`select count(*) from assignment where ends_on is not null and kind = 'primary'`).pluck().get()).toBeGreaterThan(50);
		expect(sqlite.prepare(`select count(*) from assignment where kind = 'cover'`).pluck().get()).toBeGreaterThan(0);
	});

	it('creates the demo accounts, with Amira and Dan on Sam’s caseload', () => {
		const { sqlite } = createSeededDb();
		const rows = sqlite
			.prepare(
				`select yp.preferred_name name from young_person yp join assignment a on a.young_person_id = yp.id join user u on u.id = a.adviser_id
				 where u.email = 'sam@demo.harbour.test' and a.ends_on is null and yp.user_id is not null order by 1`
			)
			.pluck()
			.all();
		expect(rows).toEqual(['Amira', 'Dan']);
	});
});
