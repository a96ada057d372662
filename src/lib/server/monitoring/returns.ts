import { and, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { ageOrNull, birthday, type IsoDate } from '../../domain/dates';
import { validateReturn, type ReturnError } from '../../domain/monitoring/validation';
import { birthdayPrompts, reportingYear } from '../../domain/monitoring/window';
import type { ReturnRecord } from '../../domain/monitoring/compute';
import type { InTouch } from '../../domain/monitoring/codes';
import type { Db } from '../db/client';
import { accommodationStay, birthdayReturn, concern, housingFlag, paContact, youngPerson, type YoungPerson } from '../db/schema';

const ACTIV_FROM: Record<string, string> = { higher_education: 'F1', school_or_college: 'F2', apprenticeship: 'F4', employment: 'F5', training: 'F5', not_in_work_or_learning: 'G5' };

/** The prompt for this young person now (if their birthday window is open), pre-filled from their records. */
export function returnPrompt(db: Db, person: YoungPerson, today: IsoDate) {
	const prompt = birthdayPrompts([{ id: person.id, dateOfBirth: person.dateOfBirth }], today)[0];
	if (!prompt) return null;
	const existing = db.select().from(birthdayReturn).where(and(eq(birthdayReturn.youngPersonId, person.id), eq(birthdayReturn.age, prompt.age))).get();
	const contact = db.select({ inTouch: paContact.inTouch }).from(paContact).where(eq(paContact.youngPersonId, person.id)).orderBy(desc(paContact.occurredOn)).limit(1).get();
	const stay = db.select({ code: accommodationStay.accomCode }).from(accommodationStay).where(eq(accommodationStay.youngPersonId, person.id)).orderBy(desc(accommodationStay.fromOn), desc(accommodationStay.id)).limit(1).get();
	return {
		...prompt,
		recorded: Boolean(existing),
		values: existing
			? { inTouch: existing.inTouch, activity: existing.activity, accommodation: existing.accommodation }
			: { inTouch: contact ? (contact.inTouch ? 'YES' : 'NO') : '', activity: person.activity ? (ACTIV_FROM[person.activity] ?? '') : '', accommodation: stay?.code ?? '' }
	};
}

export function recordReturn(db: Db, input: { person: YoungPerson; age: number; inTouch: string; activity: string; accommodation: string; actorId: string; today: IsoDate }, now = new Date()): ReturnError[] {
	const errors = validateReturn(input);
	if (errors.length > 0) return errors;
	const row = { inTouch: input.inTouch, activity: input.activity, accommodation: input.accommodation, reportingYear: reportingYear(birthday(input.person.dateOfBirth, input.age)), recordedBy: input.actorId, recordedAt: now };
	db.insert(birthdayReturn).values({ youngPersonId: input.person.id, age: input.age, ...row }).onConflictDoUpdate({ target: [birthdayReturn.youngPersonId, birthdayReturn.age], set: row }).run();
	return [];
}

/** Every return for a reporting year, as records the indicators read (two queries). */
export function returnsFor(db: Db, year: number): ReturnRecord[] {
	const rows = db.select().from(birthdayReturn).where(eq(birthdayReturn.reportingYear, year)).all();
	const people = new Map(
		db.select({ id: youngPerson.id, dateOfBirth: youngPerson.dateOfBirth }).from(youngPerson).where(inArray(youngPerson.id, rows.map((r) => r.youngPersonId).concat(['-']))).all().map((p) => [p.id, p.dateOfBirth])
	);
	return rows.map((r) => ({ childId: r.youngPersonId, dateOfBirth: people.get(r.youngPersonId) ?? '', age: r.age, inTouch: r.inTouch as InTouch, activity: r.activity, accommodation: r.accommodation }));
}


/** Open housing worries and unacknowledged concerns, by age group (two queries). */
export function openWorkByAge(db: Db, today: IsoDate) {
	const groups = { '16-17': { flags: 0, concerns: 0 }, '18-21': { flags: 0, concerns: 0 }, '22-25': { flags: 0, concerns: 0 } } as Record<'16-17' | '18-21' | '22-25', { flags: number; concerns: number }>;
	const group = (dob: string) => {
		const age = ageOrNull(dob, today) ?? 0; // a birth date that needs fixing counts with the youngest
		return age <= 17 ? '16-17' : age <= 21 ? '18-21' : '22-25';
	};
	for (const f of db.select({ dob: youngPerson.dateOfBirth }).from(housingFlag).innerJoin(youngPerson, eq(youngPerson.id, housingFlag.youngPersonId)).where(ne(housingFlag.status, 'resolved')).all()) groups[group(f.dob)].flags++;
	for (const c of db.select({ dob: youngPerson.dateOfBirth }).from(concern).innerJoin(youngPerson, eq(youngPerson.id, concern.youngPersonId)).where(and(isNull(concern.acknowledgedAt), ne(concern.grade, 'note'))).all()) groups[group(c.dob)].concerns++;
	return groups;
}
