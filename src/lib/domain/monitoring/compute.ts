import { isEet, isNeet, isSuitable, isUnsuitable, type InTouch } from './codes';

export type ReturnRecord = { childId: string; dateOfBirth: string; age: number; inTouch: InTouch; activity: string; accommodation: string; thirdParty?: boolean };

export type AgeGroup = '17-18' | '19-21' | '22-25';
export const ageGroup = (age: number): AgeGroup => (age <= 18 ? '17-18' : age <= 21 ? '19-21' : '22-25');

export interface Rate {
	count: number;
	of: number;
	/** Tenths of a per cent, rounded half up with integer maths (so 2/3 is 667, shown 66.7%). */
	perMille: number;
}
const rate = (count: number, of: number): Rate => ({ count, of, perMille: of === 0 ? 0 : Math.floor((count * 2000 + of) / (2 * of)) });

export interface Indicators {
	total: number;
	/** In touch = YES / all records except DIED and RHOM (domain.md §3.4). */
	inTouch: Rate;
	notInTouch: Rate;
	refused: Rate;
	noLongerRequires: Rate;
	/** EET / NEET / not known, over all records except DIED and RHOM. Third-party information counts. */
	eet: Rate;
	neet: Rate;
	activityUnknown: Rate;
	suitable: Rate;
	unsuitable: Rate;
	accommodationUnknown: Rate;
	/** Not in touch (NO or REFU) but with activity known from a third party: excluded from DfE's "not in touch" figures. */
	thirdPartyKnown: number;
	excludedDiedOrHome: number;
}

/** The indicators for a set of records (all ages, or one age group). */
export function indicators(records: ReturnRecord[]): Indicators {
	const counted = records.filter((r) => r.inTouch !== 'DIED' && r.inTouch !== 'RHOM');
	const n = counted.length;
	const count = (pred: (r: ReturnRecord) => boolean) => counted.filter(pred).length;
	return {
		total: records.length,
		inTouch: rate(count((r) => r.inTouch === 'YES'), n),
		notInTouch: rate(count((r) => r.inTouch === 'NO'), n),
		refused: rate(count((r) => r.inTouch === 'REFU'), n),
		noLongerRequires: rate(count((r) => r.inTouch === 'NREQ'), n),
		eet: rate(count((r) => isEet(r.activity)), n),
		neet: rate(count((r) => isNeet(r.activity)), n),
		activityUnknown: rate(count((r) => !isEet(r.activity) && !isNeet(r.activity)), n),
		suitable: rate(count((r) => isSuitable(r.accommodation)), n),
		unsuitable: rate(count((r) => isUnsuitable(r.accommodation)), n),
		accommodationUnknown: rate(count((r) => r.accommodation === '0'), n),
		thirdPartyKnown: count((r) => (r.inTouch === 'NO' || r.inTouch === 'REFU') && r.activity !== '0'),
		excludedDiedOrHome: records.length - n
	};
}

export function indicatorsByAge(records: ReturnRecord[]): { all: Indicators; groups: Record<AgeGroup, Indicators> } {
	const groups = { '17-18': [], '19-21': [], '22-25': [] } as Record<AgeGroup, ReturnRecord[]>;
	for (const r of records) groups[ageGroup(r.age)].push(r);
	return { all: indicators(records), groups: { '17-18': indicators(groups['17-18']), '19-21': indicators(groups['19-21']), '22-25': indicators(groups['22-25']) } };
}

export const percent = (r: Rate): string => `${Math.floor(r.perMille / 10)}.${r.perMille % 10}%`;

/** One CSV cell: quoted when needed, and never read by a spreadsheet as a formula. */
export function csvCell(value: string | number): string {
	let s = String(value);
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** DfE-compatible columns for table OC3 (CHILD, DOB, IN_TOUCH, ACTIV, ACCOM), plus the birthday age. */
export const CSV_HEADER = ['CHILD', 'DOB', 'AGE', 'IN_TOUCH', 'ACTIV', 'ACCOM'];
export function csvRow(r: ReturnRecord): string {
	const [y, m, d] = r.dateOfBirth.split('-');
	return [r.childId, `${d}/${m}/${y}`, r.age, r.inTouch, r.activity, r.accommodation].map(csvCell).join(',');
}
