import { describe, expect, it } from 'vitest';
import { checkinDrop, contactOverdue, needsAssessmentClock, pathwayReviewDue, rankToday, type TodayItem } from './rank';

const T = '2026-11-24';

describe('the PA’s ranked day', () => {
	const items: TodayItem[] = [
		{ kind: 'not_seen', youngPersonId: 'a', name: 'Ali', days: 200 },
		{ kind: 'entitlement_lapsing', youngPersonId: 'b', name: 'Bea', entitlement: 'setting_up_home', until: '2026-12-20' },
		{ kind: 'contact_overdue', youngPersonId: 'c', name: 'Cal', days: 10, lastOn: '2026-09-19' },
		{ kind: 'contact_overdue', youngPersonId: 'd', name: 'Dee', days: 40, lastOn: null },
		{ kind: 'flag', youngPersonId: 'e', name: 'Eve', flagId: 'f1', raisedAt: '2026-11-23T09:00:00Z' },
		{ kind: 'urgent_concern', youngPersonId: 'f', name: 'Fin', concernId: 'c1', raisedAt: '2026-11-24T09:00:00Z' },
		{ kind: 'urgent_flag', youngPersonId: 'g', name: 'Gus', flagId: 'f2', raisedAt: '2026-11-23T09:00:00Z' },
		{ kind: 'dfe_birthday', youngPersonId: 'h', name: 'Hal', age: 19, closesOn: '2026-12-01' },
		{ kind: 'instalment_due', youngPersonId: 'i', name: 'Ivy', dueOn: '2026-11-30' },
		{ kind: 'checkin_drop', youngPersonId: 'j', name: 'Jo', area: 'housing', from: 5, to: 1 }
	];

	it('puts safety first, then clocks, then money, then the rest', () => {
		expect(rankToday(items, T).map((i) => i.name)).toEqual(['Gus', 'Fin', 'Eve', 'Jo', 'Dee', 'Cal', 'Hal', 'Ivy', 'Bea', 'Ali']);
	});

	it('orders the oldest worry first, and breaks ties by name then id', () => {
		const flags: TodayItem[] = [
			{ kind: 'urgent_flag', youngPersonId: 'z', name: 'Amy', flagId: '1', raisedAt: '2026-11-24T10:00:00Z' },
			{ kind: 'urgent_flag', youngPersonId: 'y', name: 'Bob', flagId: '2', raisedAt: '2026-11-24T08:00:00Z' },
			{ kind: 'not_seen', youngPersonId: 'q', name: 'Cy', days: 100 },
			{ kind: 'not_seen', youngPersonId: 'p', name: 'Cy', days: 100 }
		];
		expect(rankToday(flags, T).map((i) => i.youngPersonId)).toEqual(['y', 'z', 'p', 'q']);
	});

	it('does not change the list it is given', () => {
		const copy = [...items];
		rankToday(items, T);
		expect(items).toEqual(copy);
	});
});

describe('contact overdue against the rhythm', () => {
	it.each([
		['2026-09-29', 56, null],
		['2026-09-28', 56, 1],
		['2026-10-26', 28, 1],
		['2026-10-27', 28, null],
		[null, 56, 9]
	] as const)('last contact %s with a %i-day rhythm → overdue by %s', (last, rhythm, overdue) => {
		expect(contactOverdue(last, '2026-09-20', T, rhythm)).toBe(overdue);
	});
});

describe('a sharp drop in check-ins', () => {
	it('is any area down by 2 or more, the biggest fall first', () => {
		const prev = { housing: 4, health: 4, relationships: 3, activities: 3, money: 5, work_learning: 3, independence: 3, identity: 4 };
		expect(checkinDrop(prev, { ...prev, housing: 3 })).toBeNull();
		expect(checkinDrop(prev, { ...prev, housing: 2 })).toEqual({ area: 'housing', from: 4, to: 2 });
		expect(checkinDrop(prev, { ...prev, housing: 2, money: 1 })).toEqual({ area: 'money', from: 5, to: 1 });
		expect(checkinDrop({}, prev)).toBeNull();
	});
});

describe('pathway plan reviews', () => {
	it('are due 6 months after the last, at the month end when the day does not exist', () => {
		expect(pathwayReviewDue('2026-05-24', null, T)).toEqual({ dueOn: '2026-11-24', overdueDays: 0, requested: false });
		expect(pathwayReviewDue('2026-05-01', null, T)).toEqual({ dueOn: '2026-11-01', overdueDays: 23, requested: false });
		expect(pathwayReviewDue('2026-08-31', null, T).dueOn).toBe('2027-02-28');
		expect(pathwayReviewDue('2027-08-31', null, T).dueOn).toBe('2028-02-29');
	});
	it('are due at once when asked for since the last, or when none is recorded', () => {
		expect(pathwayReviewDue('2026-10-01', '2026-11-20', T)).toEqual({ dueOn: '2026-11-20', overdueDays: 4, requested: true });
		expect(pathwayReviewDue('2026-11-21', '2026-11-20', T).requested).toBe(false);
		expect(pathwayReviewDue(null, null, T)).toEqual({ dueOn: T, overdueDays: 0, requested: false });
	});
});

describe('R1 needs assessment within 3 months of the 16th birthday (CPPCR 2010 reg 42; issue 13 item 9)', () => {
	it('R1 due 3 calendar months after the 16th birthday; overdue from the day after', () => {
		// 16 on 24 November 2026 → due 24 February 2027.
		expect(needsAssessmentClock('2010-11-24', 'eligible', null, '2026-11-24')).toEqual({ state: 'due', dueOn: '2027-02-24', overdueDays: 0, completedOn: null });
		expect(needsAssessmentClock('2010-11-24', 'eligible', null, '2027-02-24')?.state).toBe('due');
		expect(needsAssessmentClock('2010-11-24', 'eligible', null, '2027-02-25')).toMatchObject({ state: 'overdue', overdueDays: 1 });
	});

	it('R1 a month without the day: 16 on 30 November 2026 → due 28 February 2027 (no 30 February)', () => {
		expect(needsAssessmentClock('2010-11-30', 'eligible', null, '2026-12-01')?.dueOn).toBe('2027-02-28');
	});

	it('R1 born 29 February 2008: 16 on 29 February 2024 → due 29 May 2024', () => {
		expect(needsAssessmentClock('2008-02-29', 'eligible', null, '2024-03-01')?.dueOn).toBe('2024-05-29');
	});

	it('R1 "or 3 months after becoming eligible if later": eligible on 15 January 2027 → due 15 April 2027', () => {
		expect(needsAssessmentClock('2010-11-24', 'eligible', null, '2027-02-01', '2027-01-15')?.dueOn).toBe('2027-04-15');
	});

	it('R1 done once completed; not for a qualifying care leaver, a former relevant child or someone under 16', () => {
		expect(needsAssessmentClock('2010-11-24', 'eligible', '2027-01-05', '2027-03-01')).toMatchObject({ state: 'done', completedOn: '2027-01-05' });
		expect(needsAssessmentClock('2010-11-24', 'qualifying', null, '2027-03-01')).toBeNull();
		expect(needsAssessmentClock('2006-11-24', 'former_relevant', null, '2026-11-24')).toBeNull();
		expect(needsAssessmentClock('2010-11-24', null, null, '2026-11-23')).toBeNull();
	});

	it('R1 a relevant child (left care at 16–17) with none recorded still has it on the list, overdue', () => {
		expect(needsAssessmentClock('2009-06-01', 'relevant', null, '2026-11-24')).toMatchObject({ state: 'overdue', dueOn: '2025-09-01' });
	});

	it('Today ranks the needs assessment with the other statutory clocks, most overdue first, and a date needing fixing with them', () => {
		const items: TodayItem[] = [
			{ kind: 'not_seen', youngPersonId: 'a', name: 'A', days: 120 },
			{ kind: 'needs_assessment', youngPersonId: 'b', name: 'B', dueOn: '2026-12-10', overdueDays: 0 },
			{ kind: 'needs_assessment', youngPersonId: 'c', name: 'C', dueOn: '2026-10-01', overdueDays: 54 },
			{ kind: 'date_needs_fixing', youngPersonId: 'd', name: 'D', fields: ['dateOfBirth'] },
			{ kind: 'concern', youngPersonId: 'e', name: 'E', concernId: 'x', raisedAt: '2026-11-20T10:00:00.000Z' }
		];
		expect(rankToday(items, '2026-11-24').map((i) => i.youngPersonId)).toEqual(['e', 'c', 'b', 'd', 'a']);
	});
});

describe('finding 12.2: a request for a full copy of the record on Today', () => {
	it('ranks with the statutory clocks, soonest due first, after safety', () => {
		const ranked = rankToday(
			[
				{ kind: 'not_seen', youngPersonId: 'a', name: 'Ali', days: 200 },
				{ kind: 'subject_access', youngPersonId: 'b', name: 'Bea', dueOn: '2026-12-20' },
				{ kind: 'subject_access', youngPersonId: 'c', name: 'Cal', dueOn: '2026-12-05' },
				{ kind: 'flag', youngPersonId: 'e', name: 'Eve', flagId: 'f1', raisedAt: '2026-11-23T09:00:00Z' }
			],
			'2026-12-02'
		);
		expect(ranked.map((i) => i.name)).toEqual(['Eve', 'Cal', 'Bea', 'Ali']);
	});
});
