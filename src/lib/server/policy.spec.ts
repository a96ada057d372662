import { describe, expect, it } from 'vitest';
import { ACTIONS, can, decide, type Actor, type Relation } from './policy';
import { ROLES } from './db/schema/users';

const actor = (role: Actor['role']): Actor => ({ id: 'u', role });
const relations: Relation[] = ['self', 'assigned', 'cover', 'matched', 'match_ended', 'service', 'none'];

describe('can', () => {
	it('refuses everything to someone not signed in', () => {
		for (const action of ['home.view', 'caseload.view', 'mentees.view', 'service.view'] as const) {
			expect(can(null, action)).toBe(false);
		}
	});

	it("lets everyone signed in reach their own notifications and alerts, never through someone else's record", () => {
		for (const role of ROLES) {
			for (const action of ['own.notifications', 'own.push_subscription'] as const) {
				expect(can(actor(role), action), `${role} → ${action}`).toBe(true);
				expect(can(null, action)).toBe(false);
				for (const relation of relations) expect(can(actor(role), action, { kind: 'young_person', relation })).toBe(false);
			}
		}
	});

	it('gives each role its own home and no other', () => {
		const homes = { young_person: 'home.view', adviser: 'caseload.view', mentor: 'mentees.view', manager: 'service.view' } as const;
		for (const role of ROLES) {
			for (const [other, action] of Object.entries(homes)) {
				expect(can(actor(role), action), `${role} → ${action}`).toBe(role === other);
			}
		}
	});

	it('opens a young person record only by relationship', () => {
		const allowed: Record<Actor['role'], Relation[]> = {
			young_person: ['self'],
			adviser: ['assigned', 'cover'],
			mentor: [],
			manager: ['service']
		};
		for (const role of ROLES) {
			for (const relation of relations) {
				expect(can(actor(role), 'young_person.view', { kind: 'young_person', relation }), `${role}/${relation}`).toBe(
					allowed[role].includes(relation)
				);
			}
		}
	});

	it('lets PAs (assigned or covering) and managers invite a young person, and only managers reassign', () => {
		for (const role of ROLES) {
			for (const relation of relations) {
				const subject = { kind: 'young_person' as const, relation };
				const invite = (role === 'adviser' && (relation === 'assigned' || relation === 'cover')) || (role === 'manager' && relation === 'service');
				expect(can(actor(role), 'young_person.invite', subject), `${role}/${relation} invite`).toBe(invite);
				expect(can(actor(role), 'case_record.view', subject), `${role}/${relation} case record`).toBe(invite);
				expect(can(actor(role), 'young_person.assign', subject), `${role}/${relation} assign`).toBe(role === 'manager' && relation === 'service');
			}
		}
	});

	it('keeps people management and the audit trail to managers, and record activity to the young person', () => {
		for (const role of ROLES) {
			expect(can(actor(role), 'people.manage')).toBe(role === 'manager');
			expect(can(actor(role), 'audit.search')).toBe(role === 'manager');
			expect(can(actor(role), 'own_record.activity')).toBe(role === 'young_person');
		}
	});

	it('lets only the young person ask to use their own money, and only their staff decide and pay', () => {
		for (const role of ROLES) {
			for (const relation of relations) {
				const subject = { kind: 'young_person' as const, relation };
				expect(can(actor(role), 'money.ask', subject), `${role}/${relation} ask`).toBe(role === 'young_person' && relation === 'self');
				const staff = (role === 'adviser' && (relation === 'assigned' || relation === 'cover')) || (role === 'manager' && relation === 'service');
				for (const action of ['money.decide', 'money.pay', 'money.correct', 'money.claim'] as const) {
					expect(can(actor(role), action, subject), `${role}/${relation} ${action}`).toBe(staff);
				}
			}
			expect(can(actor(role), 'money.ask'), `${role} ask with no record`).toBe(false);
			expect(can(actor(role), 'local_offer.manage')).toBe(role === 'manager');
		}
	});

	it('keeps confirming over-limit money, the approval limit and the payments export to managers', () => {
		for (const role of ROLES) {
			expect(can(actor(role), 'money.approve_over_limit'), `${role} confirm`).toBe(role === 'manager');
			expect(can(actor(role), 'money.settings'), `${role} settings`).toBe(role === 'manager');
			expect(can(actor(role), 'money.export'), `${role} export`).toBe(role === 'manager');
		}
	});

	it('lets the young person, their active mentor and their staff raise a housing worry; only the mentor through the mentor pages', () => {
		for (const role of ROLES) {
			for (const relation of relations) {
				const subject = { kind: 'young_person' as const, relation };
				const staff = (role === 'adviser' && (relation === 'assigned' || relation === 'cover')) || (role === 'manager' && relation === 'service');
				expect(can(actor(role), 'housing.raise', subject), `${role}/${relation} raise`).toBe(role === 'young_person' && relation === 'self');
				expect(can(actor(role), 'housing.raise_for', subject), `${role}/${relation} raise for`).toBe(staff);
				expect(can(actor(role), 'mentee.raise_housing', subject), `${role}/${relation} mentee raise`).toBe(role === 'mentor' && relation === 'matched');
				expect(can(actor(role), 'housing.manage', subject), `${role}/${relation} manage`).toBe(staff);
				expect(can(actor(role), 'housing.view_own', subject), `${role}/${relation} view own`).toBe(role === 'young_person' && relation === 'self');
			}
		}
	});

	it('refuses a record action with no record', () => {
		expect(can(actor('adviser'), 'young_person.view')).toBe(false);
	});

	it('lets their staff record what happens on a young person\'s record, and only a PA keep contact records', () => {
		for (const role of ROLES) {
			for (const relation of relations) {
				const subject = { kind: 'young_person' as const, relation };
				const staff = (role === 'adviser' && (relation === 'assigned' || relation === 'cover')) || (role === 'manager' && relation === 'service');
				for (const action of ['pathway.record', 'birthday_return.record', 'concern.acknowledge', 'housing.raise_for', 'young_person.record_dates'] as const) {
					expect(can(actor(role), action, subject), `${role}/${relation} ${action}`).toBe(staff);
				}
				expect(can(actor(role), 'pa_contact.record', subject), `${role}/${relation} contact`).toBe(role === 'adviser' && (relation === 'assigned' || relation === 'cover'));
			}
		}
	});

	it('lets only the young person check in, keep their trusted adults and ask for a mentor', () => {
		for (const role of ROLES) {
			for (const relation of relations) {
				const subject = { kind: 'young_person' as const, relation };
				for (const action of ['check_in.record', 'trusted_adult.manage', 'mentoring.ask', 'housing.raise'] as const) {
					expect(can(actor(role), action, subject), `${role}/${relation} ${action}`).toBe(role === 'young_person' && relation === 'self');
				}
			}
		}
	});

	it('tells a mentor whose match has ended exactly that, and nobody else', () => {
		for (const action of ['mentee.view', 'mentee.log_contact', 'mentee.raise_concern', 'mentee.raise_housing'] as const) {
			expect(decide(actor('mentor'), action, { kind: 'young_person', relation: 'match_ended' })).toBe('match_ended');
			expect(decide(actor('mentor'), action, { kind: 'young_person', relation: 'matched' })).toBe('allowed');
			expect(decide(actor('mentor'), action, { kind: 'young_person', relation: 'none' })).toBe('denied');
			expect(decide(actor('adviser'), action, { kind: 'young_person', relation: 'match_ended' })).toBe('denied');
		}
		expect(decide(actor('mentor'), 'case_record.view', { kind: 'young_person', relation: 'match_ended' })).toBe('denied');
	});

	it('keeps the offline copy to young people, and every action to someone signed in', () => {
		for (const role of ROLES) expect(can(actor(role), 'own.offline_copy'), role).toBe(role === 'young_person');
		for (const action of ACTIONS) expect(decide(null, action), action).toBe('denied');
	});
});
