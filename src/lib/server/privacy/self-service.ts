import { desc, eq } from 'drizzle-orm';
import { londonDay } from '../../domain/dates';
import type { Role } from '../../domain/roles';
import type { Db } from '../db/client';
import { subjectAccessRequest } from '../db/schema';
import { getYoungPersonForUser } from '../people/queries';
import { OWN_VIEW, ownAccount, type OwnContext } from './own-view';

/**
 * "Download my data" (issue 12, finding 2). Everyone gets their own account (profile, sign-ins,
 * settings). A young person also gets exactly what their own pages show them, read by the same
 * OWN_VIEW readers the pages use. Staff and volunteers get their account only, never case data:
 * what they wrote about young people is those young people's record, not theirs.
 */
export interface SelfServiceExport {
	generatedAt: string;
	kind: 'young_person' | 'account';
	subject: { userId: string };
	account: ReturnType<typeof ownAccount>;
	pages?: {
		home: ReturnType<typeof OWN_VIEW.home>;
		people: ReturnType<typeof OWN_VIEW.people>;
		mentorRequest: ReturnType<typeof OWN_VIEW.mentorRequest>;
		money: ReturnType<typeof OWN_VIEW.money>;
		housing: ReturnType<typeof OWN_VIEW.housing>;
		housingFlags: NonNullable<ReturnType<typeof OWN_VIEW.housingFlag>>[];
		checkIns: ReturnType<typeof OWN_VIEW.checkIns>;
		activity: ReturnType<typeof OWN_VIEW.activity>;
		entitlements: ReturnType<typeof OWN_VIEW.entitlements>;
		dates: ReturnType<typeof OWN_VIEW.dates>;
	};
	/** Their requests for a reviewed copy (everything held, checked by a manager), and where each stands. */
	reviewedCopies?: { id: string; receivedOn: string; dueOn: string; status: string; releasedAt: Date | null }[];
}

export function youngPersonPages(ctx: OwnContext): NonNullable<SelfServiceExport['pages']> {
	const housing = OWN_VIEW.housing(ctx);
	return {
		home: OWN_VIEW.home(ctx),
		people: OWN_VIEW.people(ctx),
		mentorRequest: OWN_VIEW.mentorRequest(ctx),
		money: OWN_VIEW.money(ctx),
		housing,
		housingFlags: housing.flags.map((f) => OWN_VIEW.housingFlag(ctx, f.id)).filter((f) => f !== null),
		checkIns: OWN_VIEW.checkIns(ctx),
		activity: OWN_VIEW.activity(ctx),
		entitlements: OWN_VIEW.entitlements(ctx),
		dates: OWN_VIEW.dates(ctx)
	};
}

export function selfServiceExport(db: Db, actor: { id: string; role: Role }, now = new Date()): SelfServiceExport {
	const account = ownAccount(db, actor.id);
	const base = { generatedAt: now.toISOString(), subject: { userId: actor.id }, account };
	if (actor.role !== 'young_person') return { ...base, kind: 'account' };
	const person = getYoungPersonForUser(db, actor.id);
	if (!person) return { ...base, kind: 'account' };
	const ctx: OwnContext = { db, person, userId: actor.id, today: londonDay(now) };
	return {
		...base,
		kind: 'young_person',
		pages: youngPersonPages(ctx),
		reviewedCopies: db
			.select({ id: subjectAccessRequest.id, receivedOn: subjectAccessRequest.receivedOn, dueOn: subjectAccessRequest.dueOn, status: subjectAccessRequest.status, releasedAt: subjectAccessRequest.releasedAt })
			.from(subjectAccessRequest)
			.where(eq(subjectAccessRequest.youngPersonId, person.id))
			.orderBy(desc(subjectAccessRequest.requestedAt))
			.all()
	};
}
