import { addCalendarDays, birthday, checkDate, type IsoDate } from '../dates';

/** The reporting year runs 1 April to 31 March; `reportingYear('2026-11-24')` is 2026 (April 2026 – March 2027). */
export function reportingYear(on: IsoDate): number {
	const [y, m] = on.split('-').map(Number) as [number, number];
	return m >= 4 ? y : y - 1;
}

/** domain.md §3.4: measured "on or around" the birthday, from 3 months before to 1 month after. */
export const WINDOW_DAYS_BEFORE = 91;
export const WINDOW_DAYS_AFTER = 31;
export const RETURN_AGES = [17, 18, 19, 20, 21, 22, 23, 24, 25] as const;

export type Prompt = { youngPersonId: string; age: number; birthday: IsoDate; opensOn: IsoDate; closesOn: IsoDate };

/** Who needs their birthday data recording now: a 17th–25th birthday in the reporting year whose window is open. */
export function birthdayPrompts(people: { id: string; dateOfBirth: IsoDate }[], today: IsoDate): Prompt[] {
	const year = reportingYear(today);
	const from = `${year}-04-01`;
	const to = `${year + 1}-03-31`;
	const out: Prompt[] = [];
	for (const p of people) {
		// A date of birth that is not a real day gives no prompt (the record says it needs fixing).
		if (!checkDate(p.dateOfBirth)) continue;
		for (const age of RETURN_AGES) {
			const b = birthday(p.dateOfBirth, age);
			if (b < from || b > to) continue;
			const opensOn = addCalendarDays(b, -WINDOW_DAYS_BEFORE);
			const closesOn = addCalendarDays(b, WINDOW_DAYS_AFTER);
			if (today >= opensOn && today <= closesOn) out.push({ youngPersonId: p.id, age, birthday: b, opensOn, closesOn });
		}
	}
	return out.sort((a, b) => a.closesOn.localeCompare(b.closesOn) || a.youngPersonId.localeCompare(b.youngPersonId));
}
