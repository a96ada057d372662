import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { checkIn, CHECK_IN_DOMAINS, type CheckInDomain } from '../db/schema';

export type Scores = Record<CheckInDomain, number>;

/** Reads the check-in form: each of the 8 areas must be a whole number from 1 to 5. */
export function parseCheckIn(form: FormData): { values: Record<string, string>; errors: Record<string, string>; scores: Scores | null; words: string; operation: string } {
	const values: Record<string, string> = {};
	const errors: Record<string, string> = {};
	for (const d of CHECK_IN_DOMAINS) {
		values[d] = String(form.get(d) ?? '').slice(0, 5);
		if (values[d] === '') errors[d] = 'score_missing';
		else if (!/^[1-5]$/.test(values[d])) errors[d] = 'score_range';
	}
	const words = String(form.get('words') ?? '').slice(0, 3000);
	values.words = words;
	if (words.trim().length > 1000) errors.words = 'note_too_long';
	const operation = String(form.get('operation') ?? '').slice(0, 64);
	values.operation = operation;
	if (!/^[A-Za-z0-9_-]{8,64}$/.test(operation)) errors.operation = 'invalid';
	if (Object.keys(errors).length > 0) return { values, errors, scores: null, words, operation };
	return { values, errors, scores: Object.fromEntries(CHECK_IN_DOMAINS.map((d) => [d, Number(values[d])])) as Scores, words: words.trim(), operation };
}

/** Saves once per operation id (a resend returns the first). */
export function saveCheckIn(db: Db, input: { youngPersonId: string; userId: string; scores: Scores; words: string; operationId: string }, now = new Date()): { created: boolean } {
	const changes = db.insert(checkIn).values({ ...input, at: now }).onConflictDoNothing().run().changes;
	return { created: changes === 1 };
}

export function recentCheckIns(db: Db, youngPersonId: string, limit = 12) {
	return db
		.select({ id: checkIn.id, scores: checkIn.scores, words: checkIn.words, at: checkIn.at })
		.from(checkIn)
		.where(eq(checkIn.youngPersonId, youngPersonId))
		.orderBy(desc(checkIn.at), desc(checkIn.id))
		.limit(limit)
		.all()
		.reverse();
}

export function lastCheckInBy(db: Db, userId: string, operationId: string) {
	return db.select().from(checkIn).where(and(eq(checkIn.userId, userId), eq(checkIn.operationId, operationId))).get();
}
