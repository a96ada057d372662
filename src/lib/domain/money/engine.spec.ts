import { describe, expect, it } from 'vitest';
import { birthday } from '../dates';
import { amountOn, CATALOGUE } from './catalogue';
import { evaluateEntitlements, type Circumstances, type Outcome } from './engine';
import { deriveLegalStatus } from './status';

// Cases from domain.md §1–2. A care leaver who left care at 18, unless a case says otherwise.
const leaver = (dateOfBirth: string, more: Partial<Circumstances> = {}): Circumstances => ({
	dateOfBirth,
	weeksLookedAfterSince14: 150,
	lookedAfterOn16thBirthday: true,
	leftCareOn: birthday(dateOfBirth, 18),
	...more
});
const pick = (outcomes: Outcome[], id: Outcome['id']) => outcomes.find((o) => o.id === id) as Outcome;
const get = (c: Circumstances, asOf: string, id: Outcome['id']) => pick(evaluateEntitlements(c, asOf), id);

describe('legal status from the facts (domain.md §1.1)', () => {
	it.each([
		['still looked after at 17 with 13+ weeks', { dateOfBirth: '2009-05-01', weeksLookedAfterSince14: 13, lookedAfterOn16thBirthday: true, leftCareOn: null }, '2026-11-24', 'eligible'],
		['left care at 17 having been eligible', { dateOfBirth: '2009-05-01', weeksLookedAfterSince14: 40, lookedAfterOn16thBirthday: true, leftCareOn: '2026-06-01' }, '2026-11-24', 'relevant'],
		['18 and over, was eligible or relevant', { dateOfBirth: '2006-05-01', weeksLookedAfterSince14: 40, lookedAfterOn16thBirthday: true, leftCareOn: '2024-05-01' }, '2026-11-24', 'former_relevant'],
		['only 12 weeks since 14', { dateOfBirth: '2007-05-01', weeksLookedAfterSince14: 12, lookedAfterOn16thBirthday: true, leftCareOn: '2024-01-01' }, '2026-11-24', 'qualifying'],
		['returned home for 6 months before 18', { dateOfBirth: '2009-05-01', weeksLookedAfterSince14: 40, lookedAfterOn16thBirthday: true, leftCareOn: '2025-09-01', returnedHomeSixMonths: true }, '2026-11-24', 'qualifying'],
		['not in care after 16', { dateOfBirth: '2007-05-01', weeksLookedAfterSince14: 40, lookedAfterOn16thBirthday: false, leftCareOn: '2022-01-01' }, '2026-11-24', null],
		['facts missing: the recorded status stands', { dateOfBirth: '2007-05-01', recordedStatus: 'former_relevant' as const }, '2026-11-24', 'former_relevant']
	])('%s', (_, history, asOf, expected) => {
		expect(deriveLegalStatus(history, asOf)).toBe(expected);
	});

	it('turns eligible into former relevant on the 18th birthday, not the day before', () => {
		const h = { dateOfBirth: '2008-11-24', weeksLookedAfterSince14: 100, lookedAfterOn16thBirthday: true, leftCareOn: '2026-11-24' };
		expect(deriveLegalStatus(h, '2026-11-23')).toBe('eligible');
		expect(deriveLegalStatus(h, '2026-11-24')).toBe('former_relevant');
	});
});

describe('setting up home allowance (§2.1)', () => {
	it('is £2,000 on 31 March 2023 and £3,000 from 1 April 2023', () => {
		expect(amountOn(CATALOGUE.setting_up_home, '2023-03-31')).toBe(200_000);
		expect(amountOn(CATALOGUE.setting_up_home, '2023-04-01')).toBe(300_000);
		expect(get(leaver('2003-06-01'), '2023-03-31', 'setting_up_home').amountPence).toBe(200_000);
		expect(get(leaver('2003-06-01'), '2023-04-01', 'setting_up_home').amountPence).toBe(300_000);
	});
	it('is there now for a 19-year-old who has left care', () => {
		expect(get(leaver('2007-01-10'), '2026-11-24', 'setting_up_home')).toMatchObject({ state: 'eligible_now', until: '2032-01-09' });
	});
	it('comes when a 17-year-old still in care moves on', () => {
		expect(get(leaver('2009-02-02', { leftCareOn: null }), '2026-11-24', 'setting_up_home')).toMatchObject({ state: 'eligible_from', from: '2027-02-02' });
	});
	it('lapses on the 25th birthday', () => {
		expect(get(leaver('2001-11-24'), '2026-11-24', 'setting_up_home')).toMatchObject({ state: 'lapsed', lapsedOn: '2026-11-24' });
		expect(get(leaver('2001-11-24'), '2026-11-23', 'setting_up_home').state).toBe('eligible_now');
	});
	it('lapses on 1 March when the 25th birthday would be 29 February', () => {
		const c = leaver('2004-02-29');
		expect(get(c, '2029-02-28', 'setting_up_home')).toMatchObject({ state: 'eligible_now', until: '2029-02-28' });
		expect(get(c, '2029-03-01', 'setting_up_home')).toMatchObject({ state: 'lapsed', lapsedOn: '2029-03-01' });
	});
	it('is not for a qualifying care leaver', () => {
		expect(get(leaver('2006-01-01', { weeksLookedAfterSince14: 8 }), '2026-11-24', 'setting_up_home').state).toBe('not_eligible');
	});
});

describe('apprenticeship bursary (§2.2)', () => {
	it('is £1,000 in one payment for a start on 31 July 2023', () => {
		const o = get(leaver('2004-01-01', { apprenticeshipStartedOn: '2023-07-31' }), '2026-11-24', 'apprenticeship_bursary');
		expect(o).toMatchObject({ state: 'eligible_now', amountPence: 100_000 });
		expect(o.keyDates).toEqual([{ label: 'instalment_1', date: '2023-09-29' }]);
	});
	it('is £3,000 in three instalments at 60, 120 and 300 days for a start on 1 August 2023', () => {
		const o = get(leaver('2004-01-01', { apprenticeshipStartedOn: '2023-08-01' }), '2026-11-24', 'apprenticeship_bursary');
		expect(o.amountPence).toBe(300_000);
		expect(o.keyDates.map((k) => k.date)).toEqual(['2023-09-30', '2023-11-29', '2024-05-27']);
	});
	it('counts instalment days across the clocks going back (no hour lost or gained)', () => {
		const o = get(leaver('2004-01-01', { apprenticeshipStartedOn: '2026-09-01' }), '2026-11-24', 'apprenticeship_bursary');
		expect(o.keyDates.map((k) => k.date)).toEqual(['2026-10-31', '2026-12-30', '2027-06-28']);
	});
	it('is there for a 24-year-old starting an apprenticeship', () => {
		const c = leaver('2002-03-10', { apprenticeshipStartedOn: '2026-11-02' });
		expect(get(c, '2026-11-24', 'apprenticeship_bursary')).toMatchObject({ state: 'eligible_now', amountPence: 300_000 });
	});
	it('is not there for a start on or after the 25th birthday', () => {
		const c = leaver('2001-11-02', { apprenticeshipStartedOn: '2026-11-02' });
		expect(get(c, '2026-11-24', 'apprenticeship_bursary')).toMatchObject({ state: 'not_eligible', reason: 'apprenticeship_started_at_25' });
	});
	it('tells a care leaver without an apprenticeship what they could get, until 25', () => {
		expect(get(leaver('2005-05-05'), '2026-11-24', 'apprenticeship_bursary')).toMatchObject({ state: 'not_eligible', reason: 'apprenticeship_if_you_start', until: '2030-05-04' });
	});
});

describe('HE bursary (§2.3)', () => {
	it('is £2,000 for a former relevant child at university', () => {
		expect(get(leaver('2006-01-01', { higherEducationStartedOn: '2025-09-22' }), '2026-11-24', 'he_bursary')).toMatchObject({ state: 'eligible_now', amountPence: 200_000 });
	});
	it('is not for a qualifying care leaver, and says why', () => {
		expect(get(leaver('2006-01-01', { weeksLookedAfterSince14: 10, higherEducationStartedOn: '2025-09-22' }), '2026-11-24', 'he_bursary')).toMatchObject({ state: 'not_eligible', reason: 'he_former_relevant_only' });
	});
	it('comes later for a 17-year-old who is relevant now', () => {
		expect(get(leaver('2009-06-01', { leftCareOn: '2026-01-01' }), '2026-11-24', 'he_bursary').reason).toBe('he_when_former_relevant');
	});
});

describe('other entitlements', () => {
	it('Staying Put runs to the day before the 21st birthday', () => {
		const c = leaver('2006-03-15', { stayingPut: true });
		expect(get(c, '2027-03-14', 'staying_put')).toMatchObject({ state: 'eligible_now', until: '2027-03-14' });
		expect(get(c, '2027-03-15', 'staying_put')).toMatchObject({ state: 'lapsed', lapsedOn: '2027-03-15' });
	});
	it('Staying Put is something to talk about before 18, and not for someone who did not stay', () => {
		expect(get(leaver('2009-03-15', { leftCareOn: null }), '2026-11-24', 'staying_put')).toMatchObject({ state: 'eligible_from', from: '2027-03-15' });
		expect(get(leaver('2006-03-15'), '2026-11-24', 'staying_put').state).toBe('not_eligible');
	});
	it('a PA to 21, then on request to 25', () => {
		expect(get(leaver('2006-03-15'), '2026-11-24', 'pa_support')).toMatchObject({ state: 'eligible_now', reason: 'pa_to_21', until: '2027-03-14' });
		expect(get(leaver('2004-03-15'), '2026-11-24', 'pa_support')).toMatchObject({ state: 'eligible_now', reason: 'pa_on_request_to_25', until: '2029-03-14' });
		expect(get(leaver('2000-03-15'), '2026-11-24', 'pa_support')).toMatchObject({ state: 'lapsed', lapsedOn: '2025-03-15' });
		expect(get(leaver('2006-03-15', { weeksLookedAfterSince14: 5 }), '2026-11-24', 'pa_support').reason).toBe('pa_advice_and_assistance');
	});
	it('the Shared Accommodation Rate exemption from 18 until the 25th birthday', () => {
		expect(get(leaver('2009-01-01', { leftCareOn: '2026-01-01' }), '2026-11-24', 'shared_accommodation_exemption')).toMatchObject({ state: 'eligible_from', from: '2027-01-01' });
		expect(get(leaver('2002-01-01'), '2026-11-24', 'shared_accommodation_exemption')).toMatchObject({ state: 'eligible_now', until: '2026-12-31' });
		expect(get(leaver('2001-01-01'), '2026-11-24', 'shared_accommodation_exemption').state).toBe('lapsed');
	});
	it('priority need for housing at 18, 19 and 20; from 21 it may still apply (the housing authority decides)', () => {
		expect(get(leaver('2006-11-25'), '2026-11-24', 'priority_need').state).toBe('eligible_now');
		expect(get(leaver('2005-11-24'), '2026-11-24', 'priority_need')).toMatchObject({ state: 'may_apply', reason: 'priority_need_vulnerable_21', from: '2026-11-24' });
	});
	it('the Universal Credit pre-claim appointment opens 28 days before 18', () => {
		expect(get(leaver('2008-12-22', { leftCareOn: null }), '2026-11-23', 'uc_pre_claim').state).toBe('eligible_from');
		expect(get(leaver('2008-12-22', { leftCareOn: null }), '2026-11-24', 'uc_pre_claim')).toMatchObject({ state: 'eligible_now', until: '2026-12-21' });
		expect(get(leaver('2008-11-24', { leftCareOn: null }), '2026-11-24', 'uc_pre_claim').state).toBe('lapsed');
	});
	it('the 16–19 bursary follows the age on 31 August', () => {
		expect(get(leaver('2008-09-01', { leftCareOn: null }), '2026-11-24', 'bursary_16_19')).toMatchObject({ state: 'eligible_now', amountPence: 120_000, until: '2027-08-31' });
		expect(get(leaver('2007-08-31'), '2026-11-24', 'bursary_16_19').state).toBe('lapsed'); // 19 on 31 August 2026
		expect(get(leaver('2007-09-01'), '2026-11-24', 'bursary_16_19').state).toBe('eligible_now'); // 18 on 31 August 2026
	});
	it('a Junior ISA of £200 unless there is a Child Trust Fund', () => {
		expect(get(leaver('2012-01-01', { leftCareOn: null }), '2026-11-24', 'junior_isa')).toMatchObject({ state: 'eligible_from', amountPence: 20_000, from: '2030-01-01' });
		expect(get(leaver('2006-01-01'), '2026-11-24', 'junior_isa').reason).toBe('jisa_child_trust_fund');
		expect(get(leaver('2012-01-01', { leftCareOn: null, weeksLookedAfterSince14: 30 }), '2026-11-24', 'junior_isa').reason).toBe('jisa_one_year_in_care');
	});
	it('free prescriptions are announced, not yet in force', () => {
		expect(get(leaver('2004-01-01'), '2026-11-24', 'free_prescriptions')).toMatchObject({ state: 'not_eligible', reason: 'announced_not_in_force' });
		expect(CATALOGUE.free_prescriptions.status).toBe('announced');
	});
	it('council tax relief is up to each council', () => {
		expect(get(leaver('2004-01-01'), '2026-11-24', 'council_tax')).toMatchObject({ state: 'eligible_now', reason: 'council_tax_local' });
		expect(CATALOGUE.council_tax.status).toBe('local_discretion');
	});
	it('answers for every catalogue item, every time', () => {
		for (const dob of ['2010-06-01', '2008-02-29', '2004-02-29', '2000-12-31']) {
			const outcomes = evaluateEntitlements(leaver(dob), '2026-11-24');
			expect(outcomes.map((o) => o.id).sort()).toEqual(Object.keys(CATALOGUE).sort());
			for (const o of outcomes) expect(o.amountPence === null || Number.isInteger(o.amountPence)).toBe(true);
		}
	});
	it('someone never in care after 16 gets nothing, and is told so', () => {
		const none = evaluateEntitlements({ dateOfBirth: '2006-01-01', weeksLookedAfterSince14: 40, lookedAfterOn16thBirthday: false, leftCareOn: '2021-01-01' }, '2026-11-24');
		expect(none.every((o) => o.state === 'not_eligible' || o.state === 'lapsed')).toBe(true);
	});
});

describe('every reason and key date has words', () => {
	it('is listed in the English messages', async () => {
		const { readFileSync } = await import('node:fs');
		const en = JSON.parse(readFileSync('src/lib/i18n/messages/en.json', 'utf8')) as Record<string, string>;
		const ar = JSON.parse(readFileSync('src/lib/i18n/messages/ar.json', 'utf8')) as Record<string, string>;
		const seen = new Set<string>();
		for (const dob of ['2012-01-01', '2009-06-01', '2008-12-22', '2006-03-15', '2004-02-29', '2002-03-10', '2000-01-01']) {
			for (const more of [{}, { leftCareOn: null }, { weeksLookedAfterSince14: 5 }, { apprenticeshipStartedOn: '2023-08-01' }, { higherEducationStartedOn: '2025-09-22' }, { stayingPut: true }, { movedIntoFirstHomeOn: '2023-03-31' }, { leftCareRoute: 'special_guardianship_order' as const }]) {
				for (const o of evaluateEntitlements(leaver(dob, more), '2026-11-24')) {
					seen.add(`ent_reason_${o.reason}`);
					seen.add(`ent_name_${o.id}`);
					for (const k of o.keyDates) seen.add(`ent_key_${k.label}`);
				}
			}
		}
		const missing = [...seen].filter((k) => !(k in en) || !(k in ar));
		expect(missing).toEqual([]);
	});
});
