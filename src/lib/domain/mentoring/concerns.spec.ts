import { describe, expect, it } from 'vitest';
import { concernEscalationDue, concernEscalationKey, concernsToEscalate, notifiesPa, type OpenConcern } from './concerns';

const HOLIDAYS = new Set(['2026-12-25', '2026-12-26', '2026-12-28', '2027-01-01', '2027-03-26', '2027-03-29']);
const isHoliday = (day: string) => HOLIDAYS.has(day);
const urgent = (id: string, raisedAt: string, over: Partial<OpenConcern> = {}): OpenConcern => ({
	id,
	grade: 'urgent',
	raisedAt: new Date(raisedAt),
	acknowledgedAt: null,
	...over
});

describe('who hears about a concern', () => {
	it.each([
		['note', false],
		['worry', true],
		['urgent', true]
	] as const)('a %s notifies the PA: %s', (grade, notifies) => {
		expect(notifiesPa(grade)).toBe(notifies);
	});
});

describe('escalating urgent concerns', () => {
	it('is due 4 working hours after it was raised, over a weekend and a clock change', () => {
		// Friday 27 March 2026 16:00 in London (GMT) → Monday 30 March 12:00 in London (BST), 11:00 UTC.
		expect(concernEscalationDue(new Date('2026-03-27T16:00:00Z'), isHoliday).toISOString()).toBe('2026-03-30T11:00:00.000Z');
	});

	it('escalates an urgent concern not acknowledged in 4 working hours, keyed by its id', () => {
		const concerns = [urgent('u1', '2026-11-24T10:00:00Z')];
		expect(concernsToEscalate(concerns, new Date('2026-11-24T13:59:59Z'), isHoliday)).toEqual([]);
		expect(concernsToEscalate(concerns, new Date('2026-11-24T14:00:00Z'), isHoliday)).toEqual([
			{ key: 'concern-ack:u1', concernId: 'u1', dueAt: new Date('2026-11-24T14:00:00Z') }
		]);
	});

	it('does not escalate an acknowledged one (even if late), one already escalated, a worry or a note', () => {
		const now = new Date('2026-11-30T12:00:00Z');
		const concerns: OpenConcern[] = [
			urgent('acked', '2026-11-24T10:00:00Z', { acknowledgedAt: new Date('2026-11-26T10:00:00Z') }),
			urgent('done', '2026-11-24T10:00:00Z', { escalatedAt: new Date('2026-11-24T14:05:00Z') }),
			urgent('worry', '2026-11-24T10:00:00Z', { grade: 'worry' }),
			urgent('note', '2026-11-24T10:00:00Z', { grade: 'note' }),
			urgent('open', '2026-11-24T10:00:00Z', { escalatedAt: null })
		];
		expect(concernsToEscalate(concerns, now, isHoliday).map((c) => c.concernId)).toEqual(['open']);
	});

	it('starts the clock on Monday morning for a concern raised at the weekend', () => {
		const concerns = [urgent('sat', '2026-11-28T22:00:00Z')];
		expect(concernsToEscalate(concerns, new Date('2026-11-30T12:59:00Z'), isHoliday)).toEqual([]);
		expect(concernsToEscalate(concerns, new Date('2026-11-30T13:00:00Z'), isHoliday).map((c) => c.key)).toEqual(['concern-ack:sat']);
	});

	it('waits out Christmas and the substitute bank holiday', () => {
		const concerns = [urgent('xmas', '2026-12-24T15:00:00Z')];
		expect(concernsToEscalate(concerns, new Date('2026-12-28T16:00:00Z'), isHoliday)).toEqual([]);
		expect(concernsToEscalate(concerns, new Date('2026-12-29T11:00:00Z'), isHoliday)).toHaveLength(1);
	});

	it('lists the longest overdue first, then by id, and gives the same key every run', () => {
		const concerns = [urgent('b', '2026-11-24T10:00:00Z'), urgent('c', '2026-11-23T10:00:00Z'), urgent('a', '2026-11-24T10:00:00Z')];
		const now = new Date('2026-11-25T10:00:00Z');
		const first = concernsToEscalate(concerns, now, isHoliday);
		expect(first.map((c) => c.key)).toEqual(['concern-ack:c', 'concern-ack:a', 'concern-ack:b']);
		expect(concernsToEscalate([...concerns].reverse(), new Date('2026-11-26T10:00:00Z'), isHoliday)).toEqual(first);
		expect(concernEscalationKey('a')).toBe('concern-ack:a');
	});
});
