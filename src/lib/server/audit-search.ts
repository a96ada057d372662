import { aliasedTable, and, desc, eq, gte, lt, ne, type SQL } from 'drizzle-orm';
import type { Db } from './db/client';
import { auditEvent, user } from './db/schema';

export interface AuditQuery {
	actorEmail?: string;
	subjectId?: string;
	action?: string;
	outcome?: 'allowed' | 'denied' | 'invalid' | 'failed';
	/** London calendar days, inclusive. */
	from?: string;
	to?: string;
}

/** Managers' search of the audit trail: newest first, at most `limit` rows. */
export function searchAudit(db: Db, q: AuditQuery, limit = 100) {
	const actor = aliasedTable(user, 'actor');
	const where: (SQL | undefined)[] = [
		q.actorEmail ? eq(actor.email, q.actorEmail.trim().toLowerCase()) : undefined,
		q.subjectId ? eq(auditEvent.subjectId, q.subjectId.trim()) : undefined,
		q.action ? eq(auditEvent.action, q.action.trim()) : undefined,
		q.outcome ? eq(auditEvent.outcome, q.outcome) : undefined,
		q.from ? gte(auditEvent.at, new Date(`${q.from}T00:00:00Z`)) : undefined,
		q.to ? lt(auditEvent.at, new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000)) : undefined
	];
	return db
		.select({ id: auditEvent.id, at: auditEvent.at, actorName: actor.displayName, actorRole: auditEvent.actorRole, action: auditEvent.action, subjectType: auditEvent.subjectType, subjectId: auditEvent.subjectId, outcome: auditEvent.outcome })
		.from(auditEvent)
		.leftJoin(actor, eq(actor.id, auditEvent.actorId))
		.where(and(...where))
		.orderBy(desc(auditEvent.id))
		.limit(limit)
		.all();
}

/** Who has looked at a young person's record: everyone but the young person themself. */
export function whoLookedAt(db: Db, youngPersonId: string, ownUserId: string, limit = 50) {
	return db
		.select({ id: auditEvent.id, at: auditEvent.at, name: user.displayName, role: auditEvent.actorRole, action: auditEvent.action })
		.from(auditEvent)
		.innerJoin(user, eq(user.id, auditEvent.actorId))
		.where(and(eq(auditEvent.subjectType, 'young_person'), eq(auditEvent.subjectId, youngPersonId), eq(auditEvent.outcome, 'allowed'), ne(auditEvent.actorId, ownUserId)))
		.orderBy(desc(auditEvent.id))
		.limit(limit)
		.all();
}
