import { alertYoungPerson } from '$lib/server/notify/alerts';
import { londonDay, parseDateParts } from '$lib/domain/dates';
import { auditYoungPerson } from '$lib/server/audit';
import { authorizeYoungPerson } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { FLAG_ACTIONS, FLAG_OUTCOMES } from '$lib/server/db/schema/housing';
import { flagClocks } from '$lib/server/housing/clocks';
import { acknowledgeFlag, addFlagStep, dutyToReferFor, flagStory, getFlag, recordDutyToRefer, resolveFlag, staysFor } from '$lib/server/housing/flags';
import { getYoungPerson } from '$lib/server/people/queries';
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ youngPersonId: string; flagId: string }>;

function staff(event: Event, action: 'case_record.view' | 'housing.manage') {
	const { actor } = authorizeYoungPerson(event, action, event.params.youngPersonId);
	const db = getDb();
	const person = getYoungPerson(db, event.params.youngPersonId);
	const flag = person ? getFlag(db, event.params.flagId, person.id) : undefined;
	if (!person || !flag) error(404, 'not_found');
	return { actor, db, person, flag, today: londonDay(new Date()) };
}

export const load: PageServerLoad = (event) => {
	const { actor, db, person, flag } = staff(event, 'case_record.view');
	if (event.request.method === 'GET') auditYoungPerson(db, event, actor, 'housing.view_flag', 'allowed', person.id);
	const referrals = dutyToReferFor(db, flag.id);
	const story = flagStory(db, flag.id);
	const visits = story.filter((s) => s.action === 'visit').map((s) => londonDay(s.at));
	return {
		person: { id: person.id, fullName: person.fullName, preferredName: person.preferredName },
		flag,
		story,
		referrals,
		clocks: flagClocks(flag, referrals, staysFor(db, person.id), visits, new Date())
	};
};

const text = (form: FormData, key: string, max = 1000) => String(form.get(key) ?? '').slice(0, max);
const parts = (form: FormData, id: string) => ({ day: text(form, `${id}-day`, 10), month: text(form, `${id}-month`, 10), year: text(form, `${id}-year`, 10) });
const isEmpty = (p: { day: string; month: string; year: string }) => !p.day && !p.month && !p.year;

export const actions: Actions = {
	acknowledge: async (event) => {
		const { actor, db, person, flag } = staff(event, 'housing.manage');
		const result = acknowledgeFlag(db, { flagId: flag.id, youngPersonId: person.id, actorId: actor.id, note: '' });
		auditYoungPerson(db, event, actor, 'housing.acknowledge', result === 'acknowledged' ? 'allowed' : 'invalid', person.id);
		if (result === 'already') return fail(409, { conflict: 'already_acknowledged' });
		if (result === 'acknowledged') await alertYoungPerson(db, person.id, 'housing.flag_acknowledged', { flagId: flag.id });
		return { done: 'acknowledged' };
	},

	action: async (event) => {
		const { actor, db, person, flag } = staff(event, 'housing.manage');
		const form = await event.request.formData();
		const values = { action: text(form, 'action', 40), note: text(form, 'note', 2000) };
		const errors: Record<string, string> = {};
		if (!(FLAG_ACTIONS as readonly string[]).includes(values.action)) errors.action = 'flag_action_missing';
		if (values.note.trim().length > 1000) errors.note = 'note_too_long';
		if (Object.keys(errors).length > 0) {
			auditYoungPerson(db, event, actor, 'housing.action', 'invalid', person.id);
			return fail(400, { form: 'action', values, errors });
		}
		const result = addFlagStep(db, { flagId: flag.id, youngPersonId: person.id, actorId: actor.id, kind: 'action', action: values.action as (typeof FLAG_ACTIONS)[number], note: values.note.trim() });
		auditYoungPerson(db, event, actor, 'housing.action', result === 'added' ? 'allowed' : 'invalid', person.id);
		if (result === 'resolved') return fail(409, { conflict: 'resolved' });
		if (result === 'added') await alertYoungPerson(db, person.id, 'housing.flag_updated', { flagId: flag.id });
		return { done: 'action' };
	},

	/** The duty to refer: with the young person's consent, to a housing authority, within the 56 days. */
	refer: async (event) => {
		const { actor, db, person, flag, today } = staff(event, 'housing.manage');
		const form = await event.request.formData();
		const values = { consent: text(form, 'consent', 5), consentOn: parts(form, 'consentOn'), authority: text(form, 'authority', 200), referredOn: parts(form, 'referredOn') };
		const errors: Record<string, string> = {};
		if (values.consent !== 'yes' && values.consent !== 'no') errors.consent = 'consent_missing';
		if (!values.authority.trim()) errors.authority = 'authority_missing';
		const consentOn = isEmpty(values.consentOn) ? null : parseDateParts(values.consentOn);
		const referredOn = isEmpty(values.referredOn) ? null : parseDateParts(values.referredOn);
		if (values.consent === 'yes' && !consentOn) errors.consentOn = 'consent_date_missing';
		if (consentOn && !consentOn.ok) errors.consentOn = 'date_invalid';
		else if (consentOn?.ok && consentOn.date > today) errors.consentOn = 'date_future';
		if (referredOn && !referredOn.ok) errors.referredOn = 'date_invalid';
		else if (referredOn?.ok && referredOn.date > today) errors.referredOn = 'date_future';
		else if (referredOn?.ok && values.consent !== 'yes') errors.referredOn = 'referral_needs_consent';
		else if (referredOn?.ok && consentOn?.ok && referredOn.date < consentOn.date) errors.referredOn = 'referral_before_consent';
		if (Object.keys(errors).length > 0) {
			auditYoungPerson(db, event, actor, 'housing.duty_to_refer', 'invalid', person.id);
			return fail(400, { form: 'refer', values, errors });
		}
		recordDutyToRefer(db, {
			flagId: flag.id,
			youngPersonId: person.id,
			actorId: actor.id,
			consentGiven: values.consent === 'yes',
			consentOn: consentOn?.ok ? consentOn.date : null,
			housingAuthority: values.authority.trim(),
			referredOn: referredOn?.ok ? referredOn.date : null
		});
		auditYoungPerson(db, event, actor, 'housing.duty_to_refer', 'allowed', person.id);
		await alertYoungPerson(db, person.id, 'housing.flag_updated', { flagId: flag.id });
		return { done: 'referred' };
	},

	resolve: async (event) => {
		const { actor, db, person, flag } = staff(event, 'housing.manage');
		const form = await event.request.formData();
		const values = { outcome: text(form, 'outcome', 40), resolution: text(form, 'resolution', 2000) };
		const errors: Record<string, string> = {};
		if (!(FLAG_OUTCOMES as readonly string[]).includes(values.outcome)) errors.outcome = 'outcome_missing';
		if (!values.resolution.trim()) errors.resolution = 'resolution_missing';
		else if (values.resolution.trim().length > 1000) errors.resolution = 'note_too_long';
		if (Object.keys(errors).length > 0) {
			auditYoungPerson(db, event, actor, 'housing.resolve', 'invalid', person.id);
			return fail(400, { form: 'resolve', values, errors });
		}
		const result = resolveFlag(db, { flagId: flag.id, youngPersonId: person.id, actorId: actor.id, outcome: values.outcome as (typeof FLAG_OUTCOMES)[number], resolution: values.resolution.trim() });
		auditYoungPerson(db, event, actor, 'housing.resolve', result === 'resolved' ? 'allowed' : 'invalid', person.id);
		if (result === 'already') return fail(409, { conflict: 'resolved' });
		if (result === 'resolved') await alertYoungPerson(db, person.id, 'housing.flag_resolved', { flagId: flag.id });
		return { done: 'resolved' };
	}
};
