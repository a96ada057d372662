import { describe, expect, it } from 'vitest';
import { checkinDrop, contactOverdue, pathwayReviewDue, rankToday, type TodayItem } from './rank';

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
