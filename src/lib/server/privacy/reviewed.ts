import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { londonDay } from '../../domain/dates';
import { subjectAccessDueOn } from '../../domain/privacy/due';
import type { Db, Sqlite } from '../db/client';
import { subjectAccessRedaction, subjectAccessRequest, user, youngPerson, type RedactionReason } from '../db/schema';
import { inJsonList, prepared } from '../db/prepared';
import { newId } from '../ids';
import { exportSubject, REVIEW_COLUMNS, rowKey, type SubjectExport } from './export';

/**
 * The reviewed export (issue 12, finding 2): everything held about a young person, including what
 * their own pages hide, given out only after a manager has read it. Requested by the young person
 * (or recorded by staff for them); prepared by a manager (a full copy, frozen); each value withheld
 * is recorded with what, why and by whom; released by the statutory deadline; then downloadable
 * by the young person. Every step is audited by the route that calls it.
 */

const sqliteOf = (db: Db) => (db as unknown as { $client: Sqlite }).$client;

export function requestReviewedExport(db: Db, input: { youngPersonId: string; requestedBy: string; operationId: string }, now = new Date()): { id: string; created: boolean } {
	return db.transaction(
		(tx) => {
			const same = tx.select({ id: subjectAccessRequest.id }).from(subjectAccessRequest).where(and(eq(subjectAccessRequest.requestedBy, input.requestedBy), eq(subjectAccessRequest.operationId, input.operationId))).get();
			if (same) return { id: same.id, created: false };
			// One open request at a time: asking again while one is being prepared is the same request.
			const open = tx.select({ id: subjectAccessRequest.id }).from(subjectAccessRequest).where(and(eq(subjectAccessRequest.youngPersonId, input.youngPersonId), inArray(subjectAccessRequest.status, ['requested', 'prepared']))).get();
			if (open) return { id: open.id, created: false };
			const id = newId();
			const receivedOn = londonDay(now);
			tx.insert(subjectAccessRequest).values({ id, youngPersonId: input.youngPersonId, requestedBy: input.requestedBy, operationId: input.operationId, receivedOn, dueOn: subjectAccessDueOn(receivedOn), status: 'requested', requestedAt: now }).run();
			return { id, created: true };
		},
		{ behavior: 'immediate' }
	);
}

export function getReviewedExport(db: Db, id: string) {
	return db.select().from(subjectAccessRequest).where(eq(subjectAccessRequest.id, id)).get();
}

/** Requests not yet released, soonest due first, for the manager's list and the clock. */
export function openReviewedExports(db: Db) {
	return db
		.select({ id: subjectAccessRequest.id, youngPersonId: subjectAccessRequest.youngPersonId, name: youngPerson.preferredName, receivedOn: subjectAccessRequest.receivedOn, dueOn: subjectAccessRequest.dueOn, status: subjectAccessRequest.status })
		.from(subjectAccessRequest)
		.innerJoin(youngPerson, eq(youngPerson.id, subjectAccessRequest.youngPersonId))
		.where(inArray(subjectAccessRequest.status, ['requested', 'prepared']))
		.orderBy(asc(subjectAccessRequest.dueOn), asc(subjectAccessRequest.requestedAt))
		.all();
}

/** Open requests across a caseload (a JSON list of young person ids), for the PA's Today. */
export function openSubjectAccessFor(db: Db, list: { ids: string }) {
	return prepared(db, 'today.subject_access', () =>
		db
			.select({ youngPersonId: subjectAccessRequest.youngPersonId, dueOn: subjectAccessRequest.dueOn })
			.from(subjectAccessRequest)
			.where(and(inJsonList(subjectAccessRequest.youngPersonId, 'ids'), inArray(subjectAccessRequest.status, ['requested', 'prepared'])))
			.prepare()
	).all(list);
}

/** The young person's own requests (theirs only), newest first. */
export function reviewedExportsFor(db: Db, youngPersonId: string) {
	return db
		.select({ id: subjectAccessRequest.id, receivedOn: subjectAccessRequest.receivedOn, dueOn: subjectAccessRequest.dueOn, status: subjectAccessRequest.status, releasedAt: subjectAccessRequest.releasedAt })
		.from(subjectAccessRequest)
		.where(eq(subjectAccessRequest.youngPersonId, youngPersonId))
		.orderBy(desc(subjectAccessRequest.requestedAt))
		.all();
}

/** Freezes a full copy of everything held now; the reviewer works on this copy. */
export function prepareReviewedExport(db: Db, input: { id: string; by: string }, now = new Date()): 'prepared' | 'already' | 'not_found' {
	const request = getReviewedExport(db, input.id);
	if (!request) return 'not_found';
	if (request.status !== 'requested') return 'already';
	const person = db.select({ userId: youngPerson.userId }).from(youngPerson).where(eq(youngPerson.id, request.youngPersonId)).get();
	const copy = exportSubject(sqliteOf(db), { userId: person?.userId ?? null, youngPersonId: request.youngPersonId }, now);
	const changed = db
		.update(subjectAccessRequest)
		.set({ status: 'prepared', prepared: JSON.stringify(copy), preparedBy: input.by, preparedAt: now })
		.where(and(eq(subjectAccessRequest.id, input.id), eq(subjectAccessRequest.status, 'requested')))
		.run().changes;
	return changed === 1 ? 'prepared' : 'already';
}

export interface ReviewItem {
	table: string;
	row: string;
	column: string;
	value: string;
	/** Hidden from the young person's own pages (a restricted note, a concern, a staff note). */
	hiddenFromThem: boolean;
	redaction: { reason: RedactionReason; why: string; by: string; at: Date } | null;
}

const HIDDEN: Record<string, (row: Record<string, unknown>, column: string) => boolean> = {
	pa_contact: (row) => Boolean(row.restricted),
	concern: () => true,
	contact_log: () => true,
	housing_flag: (_row, column) => column === 'resolution',
	housing_flag_event: (row) => row.kind !== 'update' && row.kind !== 'raised',
	claim_event: () => true,
	accommodation_stay: () => true,
	assignment: () => true,
	mentor_match: () => true,
	ledger_entry: () => true
};

/** Everything a reviewer must read: each free-text value in REVIEW_COLUMNS, with any redaction already recorded. */
export function reviewItems(db: Db, id: string): ReviewItem[] {
	const request = getReviewedExport(db, id);
	if (!request?.prepared) return [];
	const copy = JSON.parse(request.prepared) as SubjectExport;
	const redactions = db
		.select({ table: subjectAccessRedaction.tableName, row: subjectAccessRedaction.rowKey, column: subjectAccessRedaction.columnName, reason: subjectAccessRedaction.reason, why: subjectAccessRedaction.why, by: user.displayName, at: subjectAccessRedaction.at })
		.from(subjectAccessRedaction)
		.innerJoin(user, eq(user.id, subjectAccessRedaction.redactedBy))
		.where(eq(subjectAccessRedaction.requestId, id))
		.all();
	const found = new Map(redactions.map((r) => [`${r.table}\u0000${r.row}\u0000${r.column}`, r]));
	const items: ReviewItem[] = [];
	for (const [table, columns] of Object.entries(REVIEW_COLUMNS)) {
		(copy.tables[table] ?? []).forEach((row, index) => {
			for (const column of columns) {
				const value = row[column];
				if (typeof value !== 'string' || value.trim() === '') continue;
				const key = rowKey(row, index);
				const r = found.get(`${table}\u0000${key}\u0000${column}`);
				items.push({ table, row: key, column, value, hiddenFromThem: HIDDEN[table]?.(row, column) ?? false, redaction: r ? { reason: r.reason, why: r.why, by: r.by, at: r.at } : null });
			}
		});
	}
	return items;
}

/** Withholds one value, recording what, why and by whom. Only a listed item of a prepared, unreleased copy. */
export function redactItem(
	db: Db,
	input: { id: string; table: string; row: string; column: string; reason: RedactionReason; why: string; by: string },
	now = new Date()
): 'redacted' | 'already' | 'not_found' | 'released' {
	const request = getReviewedExport(db, input.id);
	if (!request) return 'not_found';
	if (request.status === 'released') return 'released';
	if (!reviewItems(db, input.id).some((i) => i.table === input.table && i.row === input.row && i.column === input.column)) return 'not_found';
	const result = db
		.insert(subjectAccessRedaction)
		.values({ requestId: input.id, tableName: input.table, rowKey: input.row, columnName: input.column, reason: input.reason, why: input.why, redactedBy: input.by, at: now })
		.onConflictDoNothing()
		.run();
	return result.changes === 1 ? 'redacted' : 'already';
}

export const WITHHELD = (reason: RedactionReason) => `[withheld: ${reason}]`;

/** Releases the copy with every recorded redaction applied; the young person can then download it. */
export function releaseReviewedExport(db: Db, input: { id: string; by: string }, now = new Date()): 'released' | 'already' | 'not_prepared' | 'not_found' {
	const request = getReviewedExport(db, input.id);
	if (!request) return 'not_found';
	if (request.status === 'released') return 'already';
	if (request.status !== 'prepared' || !request.prepared) return 'not_prepared';
	const copy = JSON.parse(request.prepared) as SubjectExport;
	const redactions = db.select().from(subjectAccessRedaction).where(eq(subjectAccessRedaction.requestId, input.id)).all();
	for (const r of redactions) {
		(copy.tables[r.tableName] ?? []).forEach((row, index) => {
			if (rowKey(row, index) === r.rowKey && r.columnName in row) row[r.columnName] = WITHHELD(r.reason);
		});
	}
	const released = { ...copy, releasedAt: now.toISOString(), withheld: redactions.map((r) => ({ table: r.tableName, row: r.rowKey, column: r.columnName, reason: r.reason })) };
	const changed = db
		.update(subjectAccessRequest)
		.set({ status: 'released', released: JSON.stringify(released), releasedBy: input.by, releasedAt: now })
		.where(and(eq(subjectAccessRequest.id, input.id), eq(subjectAccessRequest.status, 'prepared')))
		.run().changes;
	return changed === 1 ? 'released' : 'already';
}

/** The released copy, for the young person it is about (null if not theirs or not released). */
export type ReleasedCopy = SubjectExport & { releasedAt: string; withheld: { table: string; row: string; column: string; reason: RedactionReason }[] };

export function releasedCopyFor(db: Db, id: string, youngPersonId: string): ReleasedCopy | null {
	const request = getReviewedExport(db, id);
	if (!request || request.youngPersonId !== youngPersonId || request.status !== 'released' || !request.released) return null;
	return JSON.parse(request.released) as ReleasedCopy;
}

/** Who released a copy (the name the young person sees on it). */
export function reviewerName(db: Db, id: string): string {
	const request = getReviewedExport(db, id);
	if (!request?.releasedBy) return '';
	return db.select({ name: user.displayName }).from(user).where(eq(user.id, request.releasedBy)).get()?.name ?? '';
}

/** Everyone a manager can record a request for (the service's young people), by name. */
export function youngPeopleToChoose(db: Db) {
	return db.select({ id: youngPerson.id, name: youngPerson.fullName }).from(youngPerson).orderBy(asc(youngPerson.fullName), asc(youngPerson.id)).all();
}
