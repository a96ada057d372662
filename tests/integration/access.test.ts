import { describe, expect, it } from 'vitest';
import { relationTo } from '../../src/lib/server/access';
import { getCaseload } from '../../src/lib/server/people/queries';
import { createSeededDb } from '../fixtures/db';

const TODAY = '2026-11-24';

function fixture(youngPeople = 60) {
	const seeded = createSeededDb({ youngPeople, contacts: youngPeople * 10 });
	const id = (email: string) => seeded.sqlite.prepare('select id from user where email = ?').pluck().get(email) as string;
	const amira = seeded.sqlite.prepare(`select id from young_person where preferred_name = 'Amira'`).pluck().get() as string;
	return { ...seeded, sam: id('sam@demo.harbour.test'), chris: id('chris@demo.harbour.test'), amiraUser: id('amira@demo.harbour.test'), danUser: id('dan@demo.harbour.test'), priya: id('priya@demo.harbour.test'), jo: id('jo@demo.harbour.test'), amira };
}

describe('relationTo', () => {
	it('knows each kind of relationship', () => {
		const f = fixture();
		expect(relationTo(f.db, { id: f.amiraUser, role: 'young_person' }, f.amira, TODAY)).toBe('self');
		expect(relationTo(f.db, { id: f.danUser, role: 'young_person' }, f.amira, TODAY)).toBe('none');
		expect(relationTo(f.db, { id: f.sam, role: 'adviser' }, f.amira, TODAY)).toBe('assigned');
		expect(relationTo(f.db, { id: f.chris, role: 'adviser' }, f.amira, TODAY)).toBe('none');
		expect(relationTo(f.db, { id: f.priya, role: 'manager' }, f.amira, TODAY)).toBe('service');
		expect(relationTo(f.db, { id: f.jo, role: 'mentor' }, f.amira, TODAY)).toBe('matched');
		const tom = f.sqlite.prepare(`select id from young_person where full_name = 'Tom Walsh'`).pluck().get() as string;
		expect(relationTo(f.db, { id: f.jo, role: 'mentor' }, tom, TODAY)).toBe('match_ended');
		const dan = f.sqlite.prepare(`select id from young_person where full_name = 'Daniel Okafor'`).pluck().get() as string;
		expect(relationTo(f.db, { id: f.jo, role: 'mentor' }, dan, TODAY)).toBe('none');
		expect(relationTo(f.db, { id: f.sam, role: 'adviser' }, 'aaaaaaaaaaaaaaaa', TODAY)).toBe('missing');
	});

	it('honours a cover period only while it lasts', () => {
		const f = fixture();
		f.sqlite
			.prepare(`insert into assignment (young_person_id, adviser_id, kind, starts_on, ends_on) values (?, ?, 'cover', '2026-11-20', '2026-11-30')`)
			.run(f.amira, f.chris);
		expect(relationTo(f.db, { id: f.chris, role: 'adviser' }, f.amira, '2026-11-19')).toBe('none');
		expect(relationTo(f.db, { id: f.chris, role: 'adviser' }, f.amira, '2026-11-20')).toBe('cover');
		expect(relationTo(f.db, { id: f.chris, role: 'adviser' }, f.amira, '2026-11-30')).toBe('cover');
		expect(relationTo(f.db, { id: f.chris, role: 'adviser' }, f.amira, '2026-12-01')).toBe('none');
	});

	it('stops at the end of an assignment (reassignment keeps history, ends access)', () => {
		const f = fixture();
		f.sqlite.prepare(`update assignment set ends_on = '2026-11-24' where young_person_id = ? and adviser_id = ?`).run(f.amira, f.sam);
		expect(relationTo(f.db, { id: f.sam, role: 'adviser' }, f.amira, '2026-11-24')).toBe('assigned');
		expect(relationTo(f.db, { id: f.sam, role: 'adviser' }, f.amira, '2026-11-25')).toBe('none');
	});
});

describe('the caseload query', () => {
	it('lists only current assignments, with the last contact date', () => {
		const f = fixture();
		const rows = getCaseload(f.db, f.sam, TODAY);
		expect(rows.map((r) => r.preferredName)).toEqual(expect.arrayContaining(['Amira', 'Dan']));
		const expected = f.sqlite
			.prepare(`select count(distinct young_person_id) from assignment where adviser_id = ? and starts_on <= ? and (ends_on is null or ends_on >= ?)`)
			.pluck()
			.get(f.sam, TODAY, TODAY);
		expect(rows).toHaveLength(expected as number);
		const amira = rows.find((r) => r.preferredName === 'Amira');
		const last = f.sqlite.prepare('select max(occurred_on) from pa_contact where young_person_id = ?').pluck().get(f.amira);
		expect(amira?.lastContactOn).toBe(last);
	});

	it('lists a young person once when their PA also holds an old cover record for them', () => {
		const f = fixture();
		f.sqlite.prepare(`insert into assignment (young_person_id, adviser_id, kind, starts_on, ends_on) values (?, ?, 'cover', '2026-11-01', '2026-12-31')`).run(f.amira, f.sam);
		const rows = getCaseload(f.db, f.sam, TODAY).filter((r) => r.preferredName === 'Amira');
		expect(rows).toHaveLength(1);
		expect(rows[0]?.kind).toBe('primary');
	});

	it('runs one query whatever the size of the caseload or the council', () => {
		for (const size of [60, 1200]) {
			const f = fixture(size);
			f.queries.length = 0;
			getCaseload(f.db, f.sam, TODAY);
			expect(f.queries, `council of ${size}`).toHaveLength(1);
		}
	});
});
