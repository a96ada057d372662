import { and, desc, eq, like, or } from 'drizzle-orm';
import { checkDate, type IsoDate } from '../../domain/dates';
import { whoLookedAt } from '../audit-search';
import type { Db } from '../db/client';
import { auditEvent, passkey, pushSubscription, session, user, type YoungPerson } from '../db/schema';
import { flagStoryForYoungPerson, flagsFor, getFlag } from '../housing/flags';
import { myMentors, openRequestFor, trustedAdults } from '../mentoring/people';
import { latestLocalOffers, localOutcome, offersInForce } from '../money/local-offer';
import { datesThatMatter, moneyPicture } from '../money/views';
import { recentCheckIns } from '../monitoring/check-ins';
import { datesNeedingFixing, entitlementsFor } from '../money/entitlements';
import { getCurrentAdvisers, whoToAsk } from '../people/queries';

/**
 * What a young person's own pages show them, page by page: ONE definition (issue 12, finding 2).
 * Each `/me` page's load returns one of these readers (plus only form state such as an operation
 * id), and "Download my data" is these same readers, so the self-service export can hold neither
 * more nor less than the pages. Anything the pages hide (restricted PA notes, mentors' concerns,
 * the PA's responses, staff notes on a housing worry, other people's records) is only ever given
 * out through a reviewed export that a manager prepares and redacts.
 */
export interface OwnContext {
	db: Db;
	person: YoungPerson;
	userId: string;
	today: IsoDate;
}

const IF_THINGS_CHANGE = new Set(['apprenticeship_if_you_start', 'he_if_you_go', 'he_when_former_relevant', 'announced_not_in_force']);

export const OWN_VIEW = {
	/** /me */
	home: ({ db, person, today }: OwnContext) => ({
		preferredName: person.preferredName,
		advisers: getCurrentAdvisers(db, person.id, today).map(({ name, email, kind, endsOn }) => ({ name, email, kind, endsOn }))
	}),
	/** /me/people */
	people: ({ db, person, today }: OwnContext) => ({
		advisers: getCurrentAdvisers(db, person.id, today).map(({ name, email, kind }) => ({ name, email, kind })),
		mentors: myMentors(db, person.id),
		adults: trustedAdults(db, person.id).map(({ id, name, relationship, contact }) => ({ id, name, relationship, contact })),
		requested: Boolean(openRequestFor(db, person.id))
	}),
	/** /me/people/ask: the young person's own open request for a mentor, if any. */
	mentorRequest: ({ db, person }: OwnContext) => {
		const open = openRequestFor(db, person.id);
		return {
			request: open
				? { kind: open.kind, interests: open.interests.join(', '), languages: open.languages.join(', '), genderPreference: open.genderPreference, area: open.area, frequency: open.frequency }
				: null
		};
	},
	/** /me/money */
	money: ({ db, person, today }: OwnContext) => {
		const picture = moneyPicture(db, person, today);
		return {
			money: picture.money.filter((s) => s.state === 'eligible_now' || s.entries.length > 0),
			requests: picture.requests.map((r) => ({ id: r.id, entitlement: r.entitlement, pence: r.pence, item: r.item, state: r.state, askedAt: r.askedAt, declineReason: r.declineReason })),
			instalments: picture.instalments.filter((i) => i.date >= today),
			notYet: picture.money.filter((s) => s.askable && s.state !== 'eligible_now').map((s) => ({ key: s.key, catalogueId: s.catalogueId, title: s.title, state: s.state })),
			adviser: whoToAsk(getCurrentAdvisers(db, person.id, today))
		};
	},
	/** /me/housing */
	housing: ({ db, person }: OwnContext) => ({
		flags: flagsFor(db, person.id).map((f) => ({ id: f.id, kind: f.kind, status: f.status, raisedAt: f.raisedAt }))
	}),
	/** /me/housing/[flagId]: the worry, and what happened in plain words. Staff notes stay with staff. */
	housingFlag: ({ db, person }: OwnContext, flagId: string) => {
		const flag = getFlag(db, flagId, person.id);
		if (!flag) return null;
		return {
			flag: { id: flag.id, kind: flag.kind, urgency: flag.urgency, status: flag.status, note: flag.note, noticeOn: flag.noticeOn, raisedAt: flag.raisedAt, outcome: flag.outcome },
			// The note shared when it was raised (its writer was told) and their own updates; never a staff-only note.
			steps: flagStoryForYoungPerson(db, flag.id)
		};
	},
	/** /me/check-in */
	checkIns: ({ db, person }: OwnContext) => ({
		checkIns: recentCheckIns(db, person.id).map((c) => ({ id: c.id, at: c.at.toISOString(), scores: c.scores }))
	}),
	/** /me/activity: who has looked at my record. */
	activity: ({ db, person, userId }: OwnContext) => ({
		views: whoLookedAt(db, person.id, userId).map((v) => ({ id: v.id, at: v.at.toISOString(), name: v.name, role: v.role, action: v.action }))
	}),
	/** /me/entitlements */
	entitlements: ({ db, person, today }: OwnContext) => {
		const outcomes = entitlementsFor(person, today);
		const local = (checkDate(person.dateOfBirth) ? offersInForce(latestLocalOffers(db), today) : [])
			.map((o) => localOutcome(o, person.dateOfBirth, today))
			.filter((l) => l.state !== 'lapsed')
			.map((l) => ({ offerId: l.offer.offerId, state: l.state, from: l.from ?? null, until: l.until, title: l.offer.title, description: l.offer.description, howToGet: l.offer.howToGet, amountPence: l.offer.amountPence }));
		return {
			// A date on their record is not a real day: nothing is worked out until their PA fixes it.
			needsChecking: datesNeedingFixing(person).length > 0,
			adviser: whoToAsk(getCurrentAdvisers(db, person.id, today)),
			local,
			now: outcomes.filter((o) => o.state === 'eligible_now'),
			later: outcomes.filter((o) => o.state === 'eligible_from'),
			mayApply: outcomes.filter((o) => o.state === 'may_apply'),
			ended: outcomes.filter((o) => o.state === 'lapsed'),
			ifThingsChange: outcomes.filter((o) => o.state === 'not_eligible' && IF_THINGS_CHANGE.has(o.reason))
		};
	},
	/** /me/dates */
	dates: ({ db, person, today }: OwnContext) => {
		const local = (checkDate(person.dateOfBirth) ? offersInForce(latestLocalOffers(db), today) : []).map((o) => localOutcome(o, person.dateOfBirth, today));
		return { needsChecking: datesNeedingFixing(person).length > 0, dates: datesThatMatter(entitlementsFor(person, today), local, person.dateOfBirth, today) };
	}
} as const;

/** Which page each reader is for (the test loads each page and compares). */
export const OWN_PAGES: Record<keyof typeof OWN_VIEW, string> = {
	home: '/me',
	people: '/me/people',
	mentorRequest: '/me/people/ask',
	money: '/me/money',
	housing: '/me/housing',
	housingFlag: '/me/housing/[flagId]',
	checkIns: '/me/check-in',
	activity: '/me/activity',
	entitlements: '/me/entitlements',
	dates: '/me/dates'
};

/**
 * Everyone's own account, whatever their role: profile, how they sign in, where they are signed
 * in, their sign-ins and settings. Never case data: nothing here is read by a young person's id.
 */
export function ownAccount(db: Db, userId: string) {
	const me = db.select({ displayName: user.displayName, email: user.email, role: user.role, locale: user.locale, status: user.status, createdAt: user.createdAt, passwordHash: user.passwordHash }).from(user).where(eq(user.id, userId)).get();
	if (!me) return null;
	const { passwordHash, ...profile } = me;
	return {
		profile,
		signInMethods: {
			password: Boolean(passwordHash),
			passkeys: db.select({ name: passkey.name, createdAt: passkey.createdAt, lastUsedAt: passkey.lastUsedAt }).from(passkey).where(eq(passkey.userId, userId)).all()
		},
		sessions: db.select({ device: session.device, createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, ownDevice: session.ownDevice }).from(session).where(eq(session.userId, userId)).orderBy(desc(session.lastSeenAt)).all(),
		signIns: db
			.select({ at: auditEvent.at, action: auditEvent.action, outcome: auditEvent.outcome })
			.from(auditEvent)
			.where(and(eq(auditEvent.actorId, userId), or(like(auditEvent.action, 'sign_in%'), eq(auditEvent.action, 'sign_out'), like(auditEvent.action, 'account.%'))))
			.orderBy(desc(auditEvent.id))
			.limit(500)
			.all(),
		settings: {
			language: me.locale,
			alerts: db.select({ createdAt: pushSubscription.createdAt, lastSentAt: pushSubscription.lastSentAt, goneAt: pushSubscription.goneAt }).from(pushSubscription).where(eq(pushSubscription.userId, userId)).all()
		}
	};
}
