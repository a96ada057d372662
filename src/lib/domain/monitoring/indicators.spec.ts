import { describe, expect, it } from 'vitest';
import { ACCOM, ACTIV, IN_TOUCH } from './codes';
import { csvCell, csvRow, indicators, indicatorsByAge, percent, type ReturnRecord } from './compute';
import { validateReturn } from './validation';
import { birthdayPrompts, reportingYear } from './window';

// A hand-built fixture of 54 records covering every code (domain.md §3.4). Expected figures below
// were counted by hand from this table, not computed by the code under test.
const YES_ACTIV = ['F1', 'F1', 'F1', 'P1', 'P1', 'F2', 'F2', 'F2', 'P2', 'P2', 'F4', 'F4', 'F4', 'P4', 'P4', 'F5', 'F5', 'F5', 'P5', 'P5', 'G4', 'G4', 'G4', 'G5', 'G5', 'G5', 'G5', 'G6', 'G6', 'G6'];
const YES_ACCOM = ['B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'E1', 'E2', 'G1', 'G2', 'H1', 'H2', 'K1', 'K2', 'R1', 'R2', 'S2', 'T1', 'T2', 'U1', 'U2', 'V1', 'V2', 'W1', 'W2', 'X2', 'Y1', 'Y2', 'Z1', 'Z2'];
const OLDER_YES = new Map([[0, 22], [15, 23], [19, 24], [20, 25]]); // F1/B1, F5/R2, P5/U1, G4/U2
type Row = [number, ReturnRecord['inTouch'], string, string, boolean?];
const rows: Row[] = [
	...YES_ACTIV.map((a, i): Row => [OLDER_YES.get(i) ?? (i % 2 ? 17 : 19), 'YES', a, YES_ACCOM[i] as string]),
	[18, 'NO', '0', '0'], [19, 'NO', '0', '0'], [20, 'NO', '0', '0'], [21, 'NO', '0', '0'], [17, 'NO', '0', '0'],
	[19, 'NO', 'F5', 'U1', true], [20, 'NO', 'G5', 'S2', true], [21, 'NO', 'P2', 'D1', true],
	[18, 'REFU', '0', '0'], [19, 'REFU', '0', '0'], [20, 'REFU', '0', '0'], [21, 'REFU', 'F2', 'U2', true],
	[22, 'NREQ', 'F4', 'U1'], [23, 'NREQ', 'P5', 'U1'], [24, 'NREQ', 'G6', 'K2'], [25, 'NREQ', '0', '0'],
	[22, 'DIED', '0', '0'], [22, 'DIED', '0', '0'], [19, 'DIED', '0', '0'], [18, 'DIED', '0', '0'],
	[23, 'RHOM', '0', '0'], [23, 'RHOM', '0', '0'], [20, 'RHOM', '0', '0'], [17, 'RHOM', '0', '0']
];
const FIXTURE: ReturnRecord[] = rows.map(([age, inTouch, activity, accommodation, thirdParty], i) => ({ childId: `C${String(i + 1).padStart(3, '0')}`, dateOfBirth: '2005-06-15', age, inTouch, activity, accommodation, thirdParty }));

describe('DfE care leaver indicators against a hand-computed fixture', () => {
	it('covers every IN_TOUCH, ACTIV and ACCOM code, in 54 records', () => {
		expect(FIXTURE).toHaveLength(54);
		for (const c of IN_TOUCH) expect(FIXTURE.some((r) => r.inTouch === c), c).toBe(true);
		for (const c of ACTIV) expect(FIXTURE.some((r) => r.activity === c), c).toBe(true);
		for (const c of ACCOM) expect(FIXTURE.some((r) => r.accommodation === c), c).toBe(true);
		expect(FIXTURE.every((r) => validateReturn(r).length === 0)).toBe(true);
	});

	it('all ages: in touch 30 of 46 (DIED and RHOM left out), EET 25, NEET 12, suitable 18, unsuitable 19', () => {
		const all = indicators(FIXTURE);
		expect(all.total).toBe(54);
		expect(all.excludedDiedOrHome).toBe(8);
		expect(all.inTouch).toEqual({ count: 30, of: 46, perMille: 652 });
		expect(all.notInTouch).toEqual({ count: 8, of: 46, perMille: 174 });
		expect(all.refused).toEqual({ count: 4, of: 46, perMille: 87 });
		expect(all.noLongerRequires).toEqual({ count: 4, of: 46, perMille: 87 });
		expect(all.eet).toEqual({ count: 25, of: 46, perMille: 543 });
		expect(all.neet).toEqual({ count: 12, of: 46, perMille: 261 });
		expect(all.activityUnknown).toEqual({ count: 9, of: 46, perMille: 196 });
		expect(all.suitable).toEqual({ count: 18, of: 46, perMille: 391 });
		expect(all.unsuitable).toEqual({ count: 19, of: 46, perMille: 413 });
		expect(all.accommodationUnknown).toEqual({ count: 9, of: 46, perMille: 196 });
		expect(all.thirdPartyKnown).toBe(4);
		expect(percent(all.inTouch)).toBe('65.2%');
	});

	it('aged 22 to 25: 8 counted (2 died, 2 returned home left out); in touch 4, EET 5, NEET 2, suitable 4, unsuitable 3', () => {
		const older = indicatorsByAge(FIXTURE).groups['22-25'];
		expect(older.total).toBe(12);
		expect(older.excludedDiedOrHome).toBe(4);
		expect(older.inTouch).toEqual({ count: 4, of: 8, perMille: 500 });
		expect(older.noLongerRequires).toEqual({ count: 4, of: 8, perMille: 500 });
		expect(older.eet).toEqual({ count: 5, of: 8, perMille: 625 });
		expect(older.neet).toEqual({ count: 2, of: 8, perMille: 250 });
		expect(older.suitable).toEqual({ count: 4, of: 8, perMille: 500 });
		expect(older.unsuitable).toEqual({ count: 3, of: 8, perMille: 375 });
		expect(older.thirdPartyKnown).toBe(0);
	});

	it('the age groups add up to the whole', () => {
		const { all, groups } = indicatorsByAge(FIXTURE);
		const sum = (k: 'total' | 'excludedDiedOrHome' | 'thirdPartyKnown') => groups['17-18'][k] + groups['19-21'][k] + groups['22-25'][k];
		expect([sum('total'), sum('excludedDiedOrHome'), sum('thirdPartyKnown')]).toEqual([all.total, all.excludedDiedOrHome, all.thirdPartyKnown]);
		expect(groups['17-18'].inTouch.count + groups['19-21'].inTouch.count + groups['22-25'].inTouch.count).toBe(30);
	});

	it('rounds percentages half up to one decimal place, and copes with nobody', () => {
		expect(percent(indicators([{ childId: 'a', dateOfBirth: '2005-01-01', age: 19, inTouch: 'YES', activity: 'F1', accommodation: 'U1' }, ...Array.from({ length: 7 }, (_, i) => ({ childId: `b${i}`, dateOfBirth: '2005-01-01', age: 19, inTouch: 'NO' as const, activity: '0', accommodation: '0' }))]).inTouch)).toBe('12.5%');
		expect(indicators([]).inTouch).toEqual({ count: 0, of: 0, perMille: 0 });
	});
});

describe('DfE validation, code by code', () => {
	it.each(IN_TOUCH.map((c) => [c]))('IN_TOUCH %s is a valid code', (c) => {
		const ok = c === 'DIED' || c === 'RHOM' ? { activity: '0', accommodation: '0' } : { activity: 'F1', accommodation: 'U1' };
		expect(validateReturn({ inTouch: c, ...ok })).toEqual([]);
	});
	it.each(ACTIV.filter((c) => c !== '0').map((c) => [c]))('ACTIV %s is valid when in touch', (c) => {
		expect(validateReturn({ inTouch: 'YES', activity: c, accommodation: 'U1' })).toEqual([]);
	});
	it.each(ACCOM.filter((c) => c !== '0').map((c) => [c]))('ACCOM %s is valid when in touch (rule 133)', (c) => {
		expect(validateReturn({ inTouch: 'YES', activity: 'F1', accommodation: c })).toEqual([]);
	});
	it.each([['S1'], ['X1'], ['A1'], ['U3'], ['U'], [''], ['u1']])('ACCOM %j is refused (rule 133)', (c) => {
		expect(validateReturn({ inTouch: 'YES', activity: 'F1', accommodation: c })).toEqual([{ field: 'accommodation', code: 'accommodation_invalid' }]);
	});
	it.each([['F3'], ['P3'], ['G1'], ['X'], ['']])('ACTIV %j is refused for a new return', (c) => {
		expect(validateReturn({ inTouch: 'YES', activity: c, accommodation: 'U1' })).toEqual([{ field: 'activity', code: 'activity_invalid' }]);
	});
	it.each([['MAYBE'], ['yes'], ['']])('IN_TOUCH %j is refused', (c) => {
		expect(validateReturn({ inTouch: c, activity: '0', accommodation: '0' })).toEqual([{ field: 'inTouch', code: 'in_touch_invalid' }]);
	});
	it.each([['DIED'], ['RHOM']])('rule 344: %s with an activity or accommodation is refused, field by field', (c) => {
		expect(validateReturn({ inTouch: c, activity: 'F1', accommodation: '0' })).toEqual([{ field: 'activity', code: 'rule_344_activity' }]);
		expect(validateReturn({ inTouch: c, activity: '0', accommodation: 'U1' })).toEqual([{ field: 'accommodation', code: 'rule_344_accommodation' }]);
		expect(validateReturn({ inTouch: c, activity: 'G5', accommodation: 'S2' })).toHaveLength(2);
	});
	it('rule 345: in touch means activity and accommodation are known', () => {
		expect(validateReturn({ inTouch: 'YES', activity: '0', accommodation: 'U1' })).toEqual([{ field: 'activity', code: 'rule_345_activity' }]);
		expect(validateReturn({ inTouch: 'YES', activity: 'F1', accommodation: '0' })).toEqual([{ field: 'accommodation', code: 'rule_345_accommodation' }]);
	});
	it.each([['NO'], ['REFU'], ['NREQ']])('%s may be unknown (0) or carry third-party information', (c) => {
		expect(validateReturn({ inTouch: c, activity: '0', accommodation: '0' })).toEqual([]);
		expect(validateReturn({ inTouch: c, activity: 'F5', accommodation: 'U1' })).toEqual([]);
	});
});

describe('the reporting year and the birthday window', () => {
	it('runs April to March', () => {
		expect(reportingYear('2026-03-31')).toBe(2025);
		expect(reportingYear('2026-04-01')).toBe(2026);
	});
	it('prompts from 3 months before to 1 month after a 17th–25th birthday in the year', () => {
		const people = [
			{ id: 'soon', dateOfBirth: '2007-01-10' }, // 20 on 10 Jan 2027: window 11 Oct 2026 – 10 Feb 2027
			{ id: 'later', dateOfBirth: '2007-03-30' }, // 20 on 30 Mar 2027: window opens 29 Dec 2026
			{ id: 'past', dateOfBirth: '2005-10-01' }, // 21 on 1 Oct 2026: window closed 1 Nov 2026
			{ id: 'young', dateOfBirth: '2010-12-01' } // 16 on 1 Dec 2026: not in the return
		];
		expect(birthdayPrompts(people, '2026-11-24')).toEqual([{ youngPersonId: 'soon', age: 20, birthday: '2027-01-10', opensOn: '2026-10-11', closesOn: '2027-02-10' }]);
		expect(birthdayPrompts(people, '2026-12-29').map((p) => p.youngPersonId)).toEqual(['soon', 'later']);
	});
	it('uses 1 March for a 29 February birthday in a common year', () => {
		expect(birthdayPrompts([{ id: 'leap', dateOfBirth: '2008-02-29' }], '2027-01-15')).toEqual([{ youngPersonId: 'leap', age: 19, birthday: '2027-03-01', opensOn: '2026-11-30', closesOn: '2027-04-01' }]);
	});
});

describe('CSV export', () => {
	it('writes DfE-style columns and protects against formulas and quotes', () => {
		expect(csvRow({ childId: 'C001', dateOfBirth: '2005-06-15', age: 21, inTouch: 'YES', activity: 'F1', accommodation: 'U1' })).toBe('C001,15/06/2005,21,YES,F1,U1');
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('a,b')).toBe('"a,b"');
	});
});
