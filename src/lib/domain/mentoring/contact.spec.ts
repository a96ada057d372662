import { describe, expect, it } from 'vitest';
import { checkContact, validateContact, type ContactInput } from './contact';

const ctx: Parameters<typeof validateContact>[1] = { matchStartedOn: '2026-09-01', now: new Date('2026-11-24T12:00:00Z') };
const contact = (over: Partial<ContactInput> = {}): ContactInput => ({
	occurredAt: new Date('2026-11-24T10:00:00Z'),
	mode: 'in_person',
	minutes: 60,
	note: 'Coffee and a walk',
	mood: 'good',
	nextPlannedOn: '2026-12-01',
	...over
});
const errorsOf = (over: Partial<ContactInput>, context = ctx) => {
	const r = validateContact(contact(over), context);
	return r.ok ? {} : r.errors;
};

describe('validateContact', () => {
	it('accepts a good entry, with or without the optional parts', () => {
		expect(validateContact(contact(), ctx)).toEqual({ ok: true });
		expect(validateContact(contact({ mood: undefined, nextPlannedOn: undefined, concern: null }), ctx)).toEqual({ ok: true });
		expect(validateContact(contact({ mood: null, nextPlannedOn: null }), ctx)).toEqual({ ok: true });
	});

	it.each([
		['2026-11-24T12:04:59Z', {}],
		['2026-11-24T12:05:00Z', {}],
		['2026-11-24T12:05:01Z', { occurredAt: 'in_future' }],
		['2026-11-25T10:00:00Z', { occurredAt: 'in_future', nextPlannedOn: undefined }]
	])('allows a clock up to 5 minutes fast: %s → %j', (at, errors) => {
		expect(errorsOf({ occurredAt: new Date(at), nextPlannedOn: null })).toEqual(JSON.parse(JSON.stringify(errors)));
	});

	it('uses the London day for the start of the match: 23:30 UTC on 31 August is 1 September in London', () => {
		expect(errorsOf({ occurredAt: new Date('2026-08-31T23:30:00Z') })).toEqual({});
		expect(errorsOf({ occurredAt: new Date('2026-08-31T22:59:00Z') })).toEqual({ occurredAt: 'before_match_started' });
		expect(errorsOf({ occurredAt: new Date('2026-08-31T22:59:00Z') }, { ...ctx, matchStartedOn: null })).toEqual({});
	});

	it('says when the time is not a date at all', () => {
		expect(errorsOf({ occurredAt: new Date('nonsense'), nextPlannedOn: null })).toEqual({ occurredAt: 'not_a_date' });
	});

	it.each([
		[1, {}],
		[1440, {}],
		[1441, { minutes: 'too_long' }],
		[0, { minutes: 'not_positive' }],
		[-30, { minutes: 'not_positive' }],
		[12.5, { minutes: 'not_positive' }],
		[Number.NaN, { minutes: 'not_positive' }]
	])('%d minutes → %j', (minutes, errors) => {
		expect(errorsOf({ minutes })).toEqual(errors);
	});

	it('allows a note of 2,000 characters, counting an emoji as one, and not 2,001', () => {
		expect(errorsOf({ note: 'a'.repeat(2000) })).toEqual({});
		expect(errorsOf({ note: '🙂'.repeat(2000) })).toEqual({});
		expect(errorsOf({ note: `  ${'a'.repeat(2000)}  ` })).toEqual({});
		expect(errorsOf({ note: 'a'.repeat(2001) })).toEqual({ note: 'note_too_long' });
	});

	it.each([
		['2026-11-23', { nextPlannedOn: 'next_before_contact' }],
		['2026-11-24', {}],
		['2027-11-25', {}],
		['2027-11-26', { nextPlannedOn: 'next_too_far' }],
		['2026-02-30', { nextPlannedOn: 'not_a_date' }]
	])('next planned contact %s → %j', (nextPlannedOn, errors) => {
		expect(errorsOf({ nextPlannedOn })).toEqual(errors);
	});

	it('only accepts the listed ways of being in contact and moods', () => {
		for (const mode of ['in_person', 'call', 'video', 'message']) expect(errorsOf({ mode })).toEqual({});
		expect(errorsOf({ mode: 'fax' })).toEqual({ mode: 'not_a_choice' });
		expect(errorsOf({ mood: 'ecstatic' })).toEqual({ mood: 'not_a_choice' });
	});

	it('needs the concern written down when a grade is given', () => {
		expect(errorsOf({ concern: { grade: 'urgent', text: '   ' } })).toEqual({ concernText: 'concern_text_required' });
		expect(errorsOf({ concern: { grade: 'note', text: 'Doing well at college' } })).toEqual({});
		expect(errorsOf({ concern: { grade: null, text: '' } })).toEqual({});
		expect(errorsOf({ concern: { grade: 'worry', text: 'x'.repeat(2001) } })).toEqual({ concernText: 'note_too_long' });
	});

	it('reports every field at once', () => {
		expect(errorsOf({ occurredAt: new Date('2026-12-01T10:00:00Z'), minutes: 0, note: 'a'.repeat(2001), nextPlannedOn: '2026-11-30', concern: { grade: 'urgent', text: '' } })).toEqual({
			occurredAt: 'in_future',
			minutes: 'not_positive',
			note: 'note_too_long',
			nextPlannedOn: 'next_before_contact',
			concernText: 'concern_text_required'
		});
	});
});

describe('checkContact (the day-only check the mentee page uses)', () => {
	const dayCtx = { matchStartedOn: '2026-09-01', today: '2026-11-24' };
	it.each([
		[{ on: '2026-11-25', minutes: 60, note: '', nextOn: null }, [{ field: 'on', code: 'contact_in_future' }]],
		[{ on: '2026-08-31', minutes: 60, note: '', nextOn: null }, [{ field: 'on', code: 'contact_before_match' }]],
		[{ on: '2026-11-24', minutes: 1441, note: '', nextOn: null }, [{ field: 'minutes', code: 'minutes_too_long' }]],
		[{ on: '2026-11-24', minutes: 0, note: '', nextOn: null }, [{ field: 'minutes', code: 'minutes_not_positive' }]],
		[{ on: '2026-11-24', minutes: 1440, note: '', nextOn: '2026-11-20' }, [{ field: 'next', code: 'next_before_contact' }]],
		[{ on: '2026-11-24', minutes: 45, note: 'Coffee', nextOn: '2026-12-01' }, []]
	] as const)('%j → %j', (c, problems) => {
		expect(checkContact({ ...c }, dayCtx)).toEqual(problems);
	});
});
