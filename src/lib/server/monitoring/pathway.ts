import { and, eq, max } from 'drizzle-orm';
import type { IsoDate } from '../../domain/dates';
import { pathwayReviewDue } from '../../domain/monitoring/rank';
import type { Db } from '../db/client';
import { pathwayReview } from '../db/schema';

export function pathwayFor(db: Db, youngPersonId: string, today: IsoDate) {
	const last = (kind: 'review' | 'request') => db.select({ on: max(pathwayReview.on) }).from(pathwayReview).where(and(eq(pathwayReview.youngPersonId, youngPersonId), eq(pathwayReview.kind, kind))).get()?.on ?? null;
	return pathwayReviewDue(last('review'), last('request'), today);
}

/** Records a pathway plan review held (or one the young person asked for) on a day already checked. */
export function recordPathwayReview(db: Db, input: { youngPersonId: string; kind: 'review' | 'request'; on: IsoDate; recordedBy: string }, now = new Date()): void {
	db.insert(pathwayReview).values({ ...input, recordedAt: now }).run();
}
