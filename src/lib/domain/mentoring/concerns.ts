import { addWorkingHours, type IsHoliday } from './working-hours';

export type Grade = 'note' | 'worry' | 'urgent';

/**
 * domain.md §5.2: a volunteer reports concerns the same day to the coordinator/DSL. A worry or an
 * urgent concern goes to the PA at once; a note is kept on the record.
 */
export const notifiesPa = (grade: Grade): boolean => grade === 'worry' || grade === 'urgent';

/** An urgent concern not acknowledged within this many working hours goes to a manager. */
export const URGENT_ACK_WORKING_HOURS = 4;

export type OpenConcern = {
	id: string;
	grade: Grade;
	raisedAt: Date;
	acknowledgedAt: Date | null;
	/** Set once it has been escalated; the key below also stops a second escalation. */
	escalatedAt?: Date | null;
};

/**
 * The escalation key for a concern. It is stored with each escalation (its unique key is what
 * makes the job escalate once), so it must never change: "concern-ack", like housing's "flag-ack".
 */
export const concernEscalationKey = (concernId: string): string => `concern-ack:${concernId}`;

/** When an urgent concern raised at `raisedAt` must be acknowledged by: 4 working hours later. */
export function concernEscalationDue(raisedAt: Date, isHoliday: IsHoliday): Date {
	return addWorkingHours(raisedAt, URGENT_ACK_WORKING_HOURS, isHoliday);
}

/** Urgent concerns not acknowledged by their due time and not yet escalated, soonest due first. */
export function concernsToEscalate(concerns: OpenConcern[], now: Date, isHoliday: IsHoliday): { key: string; concernId: string; dueAt: Date }[] {
	return concerns
		.filter((c) => c.grade === 'urgent' && !c.acknowledgedAt && !c.escalatedAt)
		.map((c) => ({ key: concernEscalationKey(c.id), concernId: c.id, dueAt: concernEscalationDue(c.raisedAt, isHoliday) }))
		.filter((c) => c.dueAt.getTime() <= now.getTime())
		.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.concernId < b.concernId ? -1 : a.concernId > b.concernId ? 1 : 0));
}
