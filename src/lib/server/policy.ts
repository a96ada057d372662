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

export type Action =
	| 'home.view' // the young person's own home
	| 'caseload.view' // a PA's own caseload list
	| 'mentees.view' // a mentor's own list of matches
	| 'service.view' // the manager's overview of the service
	| 'young_person.view' // one young person's record, in whatever view fits the actor
	| 'case_record.view' // the staff page about a young person (a PA's or a manager's view, with case notes)
	| 'young_person.invite' // send a young person their invitation to join
	| 'young_person.recover' // make a recovery link for a young person who has an account (their own PA or a manager; never a cover PA: finding 12.4)
	| 'young_person.assign' // change a young person's PA or set cover
	| 'young_person.record_dates' // record life-event dates that move entitlements and clocks (moved into first home, needs assessment done): their staff
	| 'people.manage' // invite staff and mentors, change roles, disable accounts
	| 'audit.search' // search the audit trail
	| 'own_record.activity' // a young person's "who looked at my record"
	| 'money.ask' // a young person asks to use their own allowance
	| 'money.manage' // approve, decline and pay asks, record payments and corrections, move claims on
	| 'money.approve_over_limit' // confirm or refuse money waiting for a second person (above the approval limit, or an override below zero)
	| 'money.settings' // set the approval limit and the finance cost codes
	| 'money.export' // download the payments export for the council's finance system
	| 'local_offer.manage' // write the council's local offer
	| 'housing.raise' // raise a worry about a young person's home (them, their mentor, their staff)
	| 'housing.view_own' // a young person's own housing flags and their status
	| 'mentee.raise_housing' // a mentor raises a housing worry for a mentee (active match), through the mentor pages
	| 'mentoring.coordinate' // the volunteer roster, vetting, matching and match lifecycle (managers / coordinators)
	| 'mentee.view' // a mentor's page about a mentee: only what the young person shares (active match)
	| 'mentee.log' // a mentor logs a contact or raises a concern (active match)
	| 'housing.manage' // triage flags, record actions, duty to refer, accommodation history (staff only)
	| 'own.notifications' // read one's own notifications and mark them read (everyone signed in; only their own)
	| 'own.push_subscription' // turn alerts on or off for the device one is signed in on (everyone; only their own)
	| 'own.download_data' // "Download my data": one's own account, and a young person's own pages (everyone; only their own)
	| 'subject_access.request' // ask for a reviewed copy of everything held about a young person (them, or their staff for them)
	| 'subject_access.download_released' // a young person downloads a reviewed copy released to them
	| 'subject_access.review'; // prepare, redact and release reviewed copies (managers)

export type Subject = { kind: 'none' } | { kind: 'young_person'; relation: Relation };

const NONE: Subject = { kind: 'none' };

export function can(actor: Actor | null, action: Action, subject: Subject = NONE): boolean {
	if (!actor) return false;
	switch (action) {
		case 'home.view':
			return actor.role === 'young_person';
		case 'caseload.view':
			return actor.role === 'adviser';
		case 'mentees.view':
			return actor.role === 'mentor';
		case 'service.view':
		case 'local_offer.manage':
		case 'money.approve_over_limit':
		case 'money.settings':
		case 'money.export':
		case 'mentoring.coordinate':
		case 'people.manage':
		case 'audit.search':
			return actor.role === 'manager';
		case 'own_record.activity':
			return actor.role === 'young_person';
		case 'subject_access.review':
			return actor.role === 'manager';
		case 'subject_access.download_released':
			return subject.kind === 'young_person' && actor.role === 'young_person' && subject.relation === 'self';
		case 'subject_access.request':
			if (subject.kind !== 'young_person') return false;
			if (actor.role === 'young_person') return subject.relation === 'self';
			return isTheirStaff(actor, subject);
		case 'own.notifications':
		case 'own.push_subscription':
		case 'own.download_data':
			// Nothing of anyone else's is reachable through these: every query is by the actor's own id.
			return subject.kind === 'none';
		case 'money.ask':
			return subject.kind === 'young_person' && actor.role === 'young_person' && subject.relation === 'self';
		case 'housing.raise':
			if (subject.kind !== 'young_person') return false;
			if (actor.role === 'young_person') return subject.relation === 'self';
			if (actor.role === 'mentor') return subject.relation === 'matched';
			return isTheirStaff(actor, subject);
		case 'mentee.view':
		case 'mentee.log':
		case 'mentee.raise_housing':
			return subject.kind === 'young_person' && actor.role === 'mentor' && subject.relation === 'matched';
		case 'housing.view_own':
			return subject.kind === 'young_person' && actor.role === 'young_person' && subject.relation === 'self';
		case 'housing.manage':
		case 'money.manage':
		case 'case_record.view':
		case 'young_person.record_dates':
		case 'young_person.invite':
			return isTheirStaff(actor, subject);
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
