import { describe, expect, it } from 'vitest';
import { subjectAccessClock, subjectAccessDueOn } from './due';

describe('finding 12.2: the subject access clock (one calendar month)', () => {
	it('is the same date next month, or the last day of a shorter month', () => {
		expect(subjectAccessDueOn('2026-12-02')).toBe('2027-01-02');
		expect(subjectAccessDueOn('2026-01-31')).toBe('2026-02-28');
		expect(subjectAccessDueOn('2028-01-30')).toBe('2028-02-29');
		expect(subjectAccessDueOn('2026-03-31')).toBe('2026-04-30');
		expect(subjectAccessDueOn('2026-12-31')).toBe('2027-01-31');
	});
	it('says how many days are left, and when it is overdue', () => {
		expect(subjectAccessClock('2027-01-02', '2026-12-02')).toEqual({ dueOn: '2027-01-02', daysLeft: 31, state: 'on_track' });
		expect(subjectAccessClock('2027-01-02', '2026-12-28')).toMatchObject({ daysLeft: 5, state: 'due_soon' });
		expect(subjectAccessClock('2027-01-02', '2027-01-02')).toMatchObject({ daysLeft: 0, state: 'due_soon' });
		expect(subjectAccessClock('2027-01-02', '2027-01-03')).toMatchObject({ daysLeft: -1, state: 'overdue' });
	});
});
