import type { Role } from './db/schema';

/**
 * The one place Harbour decides who may do what (design.md §1). Access is by relationship, not
 * by role alone: `relation` says how the actor stands to the young person concerned, worked out
 * from the database by `relationTo` (access.ts) and passed in, so this stays pure and testable.
 */
export type Actor = { id: string; role: Role };

export type Relation =
	| 'self' // the young person themself
	| 'assigned' // their PA by a current assignment
	| 'cover' // a PA covering, within a recorded cover period
	| 'matched' // a mentor with an active match
	| 'match_ended' // a mentor whose match has ended
	| 'service' // a manager of the service
	| 'none';

/**
 * Every action Harbour decides, each with its own name so that reading this file tells you who
 * may do what. The authorization matrix (tests/e2e/authz-matrix.e2e.ts) names one of these on
 * each route operation and fails if any is left unexercised.
 */
export const ACTIONS = [
	'home.view', // the young person's own home
	'caseload.view', // a PA's own caseload list
	'mentees.view', // a mentor's own list of matches
	'service.view', // the manager's overview of the service
	'indicators.export', // download the DfE indicators return (managers)
	'young_person.view', // one young person's record, in whatever view fits the actor
	'case_record.view', // the staff page about a young person (a PA's or a manager's view, with case notes)
	'young_person.invite', // send a young person their invitation to join
	'young_person.recover', // make a recovery link for a young person who has an account (their own PA or a manager; never a cover PA: finding 12.4)
	'young_person.assign', // change a young person's PA or set cover
	'young_person.record_dates', // record life-event dates that move entitlements and clocks (moved into first home, needs assessment done): their staff
	'pathway.record', // record a pathway plan review held, or one the young person asked for: their staff
	'birthday_return.record', // record the DfE birthday return (in touch, activity, accommodation): their staff
	'concern.acknowledge', // acknowledge a mentor's concern and say what was done: their staff
	'pa_contact.record', // keep the written record of a contact (Care Leavers (England) Regs 2010 reg 8): their PA, assigned or covering; a manager reads
	'people.manage', // invite staff and mentors, change roles, disable accounts
	'audit.search', // search the audit trail
	'own_record.activity', // a young person's "who looked at my record"
	'check_in.record', // a young person's own check-in
	'trusted_adult.manage', // a young person adds or removes their trusted adults and chooses what each mentor sees
	'mentoring.ask', // a young person asks for a mentor or befriender
	'money.ask', // a young person asks to use their own allowance
	'money.decide', // approve or decline a young person's ask: their staff
	'money.pay', // record a payment from an allowance: their staff
	'money.correct', // record a correction to the ledger: their staff
	'money.claim', // move a claim on (applied, awarded, ...): their staff
	'money.approve_over_limit', // confirm or refuse money waiting for a second person (above the approval limit, or an override below zero)
	'money.settings', // set the approval limit and the finance cost codes
	'money.export', // download the payments export for the council's finance system
	'local_offer.manage', // write the council's local offer
	'housing.raise', // a young person raises a worry about their own home
	'housing.raise_for', // staff raise a worry about a young person's home on their behalf
	'housing.view_own', // a young person's own housing flags and their status
	'mentee.raise_housing', // a mentor raises a housing worry for a mentee (active match), through the mentor pages
	'housing.manage', // triage flags, record actions, duty to refer, accommodation history (staff only)
	'mentoring.coordinate', // see the volunteer roster, requests and matches (managers / coordinators)
	'mentoring.vet', // record a volunteer's vetting, languages and availability
	'mentoring.propose', // propose a match for a young person's request
	'mentoring.move_match', // move a match on (start, pause, end)
	'mentee.view', // a mentor's page about a mentee: only what the young person shares (active match)
	'mentee.log_contact', // a mentor logs a contact (active match)
	'mentee.raise_concern', // a mentor raises a concern about a mentee (active match)
	'own.notifications', // read one's own notifications and mark them read (everyone signed in; only their own)
	'own.push_subscription', // turn alerts on or off for the device one is signed in on (everyone; only their own)
	'own.download_data', // "Download my data": one's own account, and a young person's own pages (everyone; only their own)
	'own.account', // one's own sign-in settings: passkeys, password, other sessions (everyone; only their own)
	'own.offline_copy', // keep a copy of one's own record on this phone (young people only; only their own)
	'subject_access.request', // ask for a reviewed copy of everything held about a young person (them, or their staff for them)
	'subject_access.download_released', // a young person downloads a reviewed copy released to them
	'subject_access.review' // prepare, redact and release reviewed copies (managers)
] as const;

export type Action = (typeof ACTIONS)[number];

export type Subject = { kind: 'none' } | { kind: 'young_person'; relation: Relation };

const NONE: Subject = { kind: 'none' };

/**
 * Why a refusal happened, where the person refused is owed a specific answer: a mentor whose
 * match has ended is told so (403 "this match has ended"), not shown a missing page.
 */
export type Decision = 'allowed' | 'denied' | 'match_ended';

export function can(actor: Actor | null, action: Action, subject: Subject = NONE): boolean {
	return decide(actor, action, subject) === 'allowed';
}

export function decide(actor: Actor | null, action: Action, subject: Subject = NONE): Decision {
	if (!actor) return 'denied';
	if (allowed(actor, action, subject)) return 'allowed';
	const mentorAction = action === 'mentee.view' || action === 'mentee.log_contact' || action === 'mentee.raise_concern' || action === 'mentee.raise_housing';
	if (mentorAction && actor.role === 'mentor' && subject.kind === 'young_person' && subject.relation === 'match_ended') return 'match_ended';
	return 'denied';
}

function allowed(actor: Actor, action: Action, subject: Subject): boolean {
	switch (action) {
		case 'home.view':
			return actor.role === 'young_person';
		case 'caseload.view':
			return actor.role === 'adviser';
		case 'mentees.view':
			return actor.role === 'mentor';
		case 'service.view':
		case 'indicators.export':
		case 'local_offer.manage':
		case 'money.approve_over_limit':
		case 'money.settings':
		case 'money.export':
		case 'mentoring.coordinate':
		case 'mentoring.vet':
		case 'mentoring.propose':
		case 'mentoring.move_match':
		case 'people.manage':
		case 'audit.search':
		case 'subject_access.review':
			return actor.role === 'manager';
		case 'own_record.activity':
			return actor.role === 'young_person';
		case 'own.notifications':
		case 'own.push_subscription':
		case 'own.download_data':
		case 'own.account':
			// Nothing of anyone else's is reachable through these: every query is by the actor's own id.
			return subject.kind === 'none';
		case 'own.offline_copy':
			return subject.kind === 'none' && actor.role === 'young_person';
		case 'subject_access.request':
			if (subject.kind !== 'young_person') return false;
			if (actor.role === 'young_person') return subject.relation === 'self';
			return isTheirStaff(actor, subject);
		case 'subject_access.download_released':
		case 'money.ask':
		case 'housing.raise':
		case 'housing.view_own':
		case 'check_in.record':
		case 'trusted_adult.manage':
		case 'mentoring.ask':
			return isThemself(actor, subject);
		case 'mentee.view':
		case 'mentee.log_contact':
		case 'mentee.raise_concern':
		case 'mentee.raise_housing':
			return subject.kind === 'young_person' && actor.role === 'mentor' && subject.relation === 'matched';
		case 'housing.raise_for':
		case 'housing.manage':
		case 'money.decide':
		case 'money.pay':
		case 'money.correct':
		case 'money.claim':
		case 'case_record.view':
		case 'young_person.record_dates':
		case 'young_person.invite':
		case 'pathway.record':
		case 'birthday_return.record':
		case 'concern.acknowledge':
			return isTheirStaff(actor, subject);
		case 'pa_contact.record':
			// Only PAs keep contact records; a manager reads them.
			return subject.kind === 'young_person' && actor.role === 'adviser' && (subject.relation === 'assigned' || subject.relation === 'cover');
		case 'young_person.recover':
			if (subject.kind !== 'young_person') return false;
			return (actor.role === 'adviser' && subject.relation === 'assigned') || (actor.role === 'manager' && subject.relation === 'service');
		case 'young_person.assign':
			return subject.kind === 'young_person' && actor.role === 'manager' && subject.relation === 'service';
		case 'young_person.view':
			if (subject.kind !== 'young_person') return false;
			switch (actor.role) {
				case 'young_person':
					return subject.relation === 'self';
				case 'adviser':
					return subject.relation === 'assigned' || subject.relation === 'cover';
				case 'manager':
					return subject.relation === 'service';
				case 'mentor':
					// A mentor sees a mentee through the mentee pages (only what is shared), never the full record.
					return false;
			}
	}
}

/** The young person themself, acting on their own record. */
function isThemself(actor: Actor, subject: Subject): boolean {
	return subject.kind === 'young_person' && actor.role === 'young_person' && subject.relation === 'self';
}

/** The staff who hold a young person's case: their PA (assigned or covering) or a manager of the service. */
function isTheirStaff(actor: Actor, subject: Subject): boolean {
	if (subject.kind !== 'young_person') return false;
	if (actor.role === 'adviser') return subject.relation === 'assigned' || subject.relation === 'cover';
	return actor.role === 'manager' && subject.relation === 'service';
}

/** Where each role lands after signing in. */
export const HOME: Record<Role, string> = {
	young_person: '/me',
	adviser: '/caseload',
	mentor: '/mentees',
	manager: '/manage'
};
