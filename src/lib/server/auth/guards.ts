import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { londonDay, type IsoDate } from '../../domain/dates';
import { relationTo } from '../access';
import { recordAudit } from '../audit';
import type { AuditEvent } from '../db/schema';
import { getDb } from '../db';
import type { Db } from '../db/client';
import { getYoungPerson, getYoungPersonForUser } from '../people/queries';
import { decide, type Action, type Actor, type Subject } from '../policy';

/**
 * The guards every route uses. Each asks `can()` (policy.ts, the only place access is decided)
 * and gives back what the route needs next: who is acting, the database, London's today and an
 * `audit` that records the outcome against the right action and subject. There are four:
 *
 * - `guardOwn`: the actor's own things (their notifications, account, caseload list, mentees list);
 * - `guardService`: managers' service-wide pages (people, money settings, indicators, the audit trail);
 * - `guardOwnRecord`: a young person's own record (`/me`);
 * - `guardYoungPerson`: anyone about one young person, by relationship (their staff, their mentor).
 *
 * A refusal is recorded and answered 404 for a read (so nobody learns a record exists) or 403 for
 * a write; a mentor whose match has ended is told so (403 `match_ended`).
 */

type Event = Pick<RequestEvent, 'locals' | 'url' | 'request'>;
type Outcome = AuditEvent['outcome'];

export type Guarded = {
	actor: Actor;
	action: Action;
	db: Db;
	today: IsoDate;
	/**
	 * Records this request's outcome for `action` (and the young person, when there is one). A page
	 * read may be recorded under the name people search for instead (a staff view of a record is
	 * `young_person.view`, what a young person's "who looked at my record" lists).
	 */
	audit: (outcome: Outcome, as?: Action) => void;
};

export type YoungPersonRecord = NonNullable<ReturnType<typeof getYoungPerson>>;

export type GuardedYoungPerson = Guarded & { person: YoungPersonRecord; subject: Subject & { id: string } };

/** The signed-in person, or a redirect to the front door that comes back here afterwards. */
export function requireActor(event: Pick<RequestEvent, 'locals' | 'url'>): Actor {
	const account = event.locals.user;
	if (!account) {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/?returnTo=${encodeURIComponent(back)}`);
	}
	return { id: account.id, role: account.role };
}

/** The actor's own things: nothing of anyone else's is reachable through these. */
export function guardOwn(event: Event, action: Action): Guarded {
	return guard(event, action);
}

/** A manager's service-wide page or action. */
export function guardService(event: Event, action: Action): Guarded {
	return guard(event, action);
}

/** The signed-in young person's own record. Anyone else is refused (and it is audited). */
export function guardOwnRecord(event: Event, action: Action): GuardedYoungPerson {
	const db = getDb();
	const actor = requireActor(event);
	// Only a young person has a record of their own; for anyone else there is nothing to find.
	const person = getYoungPersonForUser(db, actor.id);
	const subject = person ? { kind: 'young_person' as const, relation: 'self' as const, id: person.id } : undefined;
	const guarded = guard(event, action, subject);
	if (!person || !subject) error(404, 'not_found');
	return { ...guarded, person, subject };
}

/**
 * Anyone about one young person (`event.params.youngPersonId` unless given): how the actor stands
 * to them today is worked out (access.ts) and the policy asked. An id that matches nobody is a
 * denial too (recorded, then 404), so probing is audited.
 */
export function guardYoungPerson(event: Event & { params: Partial<Record<string, string>> }, action: Action, youngPersonId = event.params.youngPersonId ?? ''): GuardedYoungPerson {
	const db = getDb();
	const actor = requireActor(event);
	const relation = relationTo(db, actor, youngPersonId, londonDay(new Date()));
	const person = relation === 'missing' ? undefined : getYoungPerson(db, youngPersonId);
	if (relation === 'missing' || !person) {
		deny(event, actor, action, youngPersonId, 404, 'not_found');
	}
	const subject = { kind: 'young_person' as const, relation, id: youngPersonId };
	const guarded = guard(event, action, subject);
	return { ...guarded, person, subject };
}

function guard(event: Event, action: Action, subject?: Subject & { id?: string }): Guarded {
	const actor = requireActor(event);
	const decision = decide(actor, action, subject);
	const subjectId = subject?.kind === 'young_person' ? (subject.id ?? null) : null;
	if (decision === 'match_ended') deny(event, actor, action, subjectId, 403, 'match_ended');
	if (decision === 'denied') {
		const write = event.request.method !== 'GET' && event.request.method !== 'HEAD';
		deny(event, actor, action, subjectId, write ? 403 : 404, write ? 'forbidden' : 'not_found');
	}
	const db = getDb();
	return {
		actor,
		action,
		db,
		today: londonDay(new Date()),
		audit: (outcome, as = action) => auditOutcome(db, event, actor, as, outcome, subjectId)
	};
}

function deny(event: Event, actor: Actor, action: Action, subjectId: string | null, status: 403 | 404, message: string): never {
	auditOutcome(getDb(), event, actor, action, 'denied', subjectId);
	error(status, message);
}

function auditOutcome(db: Db, event: Event, actor: Actor, action: Action, outcome: Outcome, subjectId: string | null): void {
	recordAudit(db, {
		action,
		outcome,
		actorId: actor.id,
		actorRole: actor.role,
		subjectType: subjectId ? 'young_person' : null,
		subjectId,
		requestId: event.locals.requestId
	});
}

/** @deprecated issue 14: being replaced by the guards above; removed once no route uses it. */
export function authorize(event: Event, action: Action, subject?: Subject & { id?: string }): Actor {
	return guard(event, action, subject).actor;
}

/** @deprecated issue 14: use `guardYoungPerson`; removed once no route uses it. */
export function authorizeYoungPerson(event: Event, action: Action, youngPersonId: string): { actor: Actor; subject: Subject & { id: string } } {
	const { actor, subject } = guardYoungPerson({ locals: event.locals, url: event.url, request: event.request, params: { youngPersonId } }, action);
	return { actor, subject };
}
