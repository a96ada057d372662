import { describe, expect, it } from 'vitest';
import { amountOn, CATALOGUE, type EntitlementId } from './catalogue';
import { checkDate } from '../dates';
import { badDates, DateNeedsFixing, evaluateEntitlements, type Circumstances, type Outcome } from './engine';
import { assessLegalStatus, deriveLegalStatus, type CareHistory } from './status';

/*
 * More cases from /work/shared/domain.md, each naming the rule it checks (§ and rule id).
 * Every date below is written out by hand (not computed with the code under test), so a
 * wrong birthday or day count in dates.ts shows up here too.
 */
const inCare = (dateOfBirth: string, leftCareOn: string | null, more: Partial<Circumstances> = {}): Circumstances => ({
	dateOfBirth,
	weeksLookedAfterSince14: 100,
	lookedAfterOn16thBirthday: true,
	leftCareOn,
	...more
});
/** Looked after after 16 but for less than 13 weeks since 14: a qualifying care leaver (§1.1). */
const qualifying = (dateOfBirth: string, leftCareOn: string, more: Partial<Circumstances> = {}): Circumstances =>
	inCare(dateOfBirth, leftCareOn, { weeksLookedAfterSince14: 8, ...more });
const get = (c: Circumstances, asOf: string, id: EntitlementId): Outcome => {
	const found = evaluateEntitlements(c, asOf).find((o) => o.id === id);
	if (!found) throw new Error(`no outcome for ${id}`);
	return found;
};
/** The fields a PA reads; keyDates left out unless a case is about them. */
const core = (o: Outcome) => ({ state: o.state, reason: o.reason, from: o.from, until: o.until, lapsedOn: o.lapsedOn, amountPence: o.amountPence });

describe('§1.1 legal status from care-history facts', () => {
	const history = (more: Partial<CareHistory>): CareHistory => ({ dateOfBirth: '2007-05-01', weeksLookedAfterSince14: 100, lookedAfterOn16thBirthday: true, leftCareOn: '2025-05-01', ...more });

	it.each([
		// "Looked after for ≥13 weeks in total": 90 days is 12 weeks 6 days, 91 days is 13 weeks.
		['§1.1 eligible: 90 days (12 weeks 6 days) since 14 is short of 13 weeks → qualifying', 90 / 7, 'qualifying'],
		['§1.1 eligible: 91 days (exactly 13 weeks) since 14 is enough → former relevant at 19', 13, 'former_relevant']
	])('%s', (_, weeks, expected) => {
		expect(deriveLegalStatus(history({ weeksLookedAfterSince14: weeks }), '2026-11-24')).toBe(expected);
	});

	it('§1.1 eligible: still looked after on the 16th birthday itself, with 13 weeks since 14', () => {
		const h = history({ dateOfBirth: '2010-11-24', weeksLookedAfterSince14: 30, leftCareOn: null });
		expect(deriveLegalStatus(h, '2026-11-24')).toBe('eligible');
	});

	it('§1.1 edge rule: the period must end after the 16th birthday; not looked after on or after 16 → no status', () => {
		// Left care the day before the 16th birthday, after 100 weeks in care since 14.
		const h = history({ dateOfBirth: '2009-06-10', leftCareOn: '2025-06-09', lookedAfterOn16thBirthday: false });
		expect(deriveLegalStatus(h, '2026-11-24')).toBeNull();
		expect(deriveLegalStatus({ ...h, leftCareOn: '2025-06-10', lookedAfterOn16thBirthday: true }, '2026-11-24')).toBe('relevant');
	});

	it('§1.1 relevant (16–17, left care) becomes former relevant (18+) on the 18th birthday', () => {
		const h = history({ dateOfBirth: '2009-01-15', leftCareOn: '2026-03-01' });
		expect(deriveLegalStatus(h, '2027-01-14')).toBe('relevant');
		expect(deriveLegalStatus(h, '2027-01-15')).toBe('former_relevant');
	});

	it('§1.1 former relevant: "status is lost if they lived at home for ≥6 months before 18"', () => {
		const h = history({ dateOfBirth: '2006-04-01', leftCareOn: '2023-09-01' });
		expect(deriveLegalStatus(h, '2026-11-24')).toBe('former_relevant');
		expect(deriveLegalStatus({ ...h, returnedHomeSixMonths: true }, '2026-11-24')).toBe('qualifying');
	});

	it('§1.1 facts incomplete: the recorded status stands, and nothing recorded means no status', () => {
		const partial = { dateOfBirth: '2007-05-01', lookedAfterOn16thBirthday: true, leftCareOn: '2025-05-01' };
		expect(deriveLegalStatus({ ...partial, recordedStatus: 'qualifying' }, '2026-11-24')).toBe('qualifying');
		expect(deriveLegalStatus(partial, '2026-11-24')).toBeNull();
	});

	it('§1.1 born on 29 February: eligible on 28 February 2026, former relevant on 1 March 2026 (the 18th)', () => {
		const h = history({ dateOfBirth: '2008-02-29', leftCareOn: '2026-03-01' });
		expect(deriveLegalStatus(h, '2026-02-28')).toBe('eligible');
		expect(deriveLegalStatus(h, '2026-03-01')).toBe('former_relevant');
	});
});

describe('§1.1 a qualifying care leaver: advice and assistance, not the full package', () => {
	const profile = (c: Circumstances, asOf: string) =>
		Object.fromEntries(evaluateEntitlements(c, asOf).map((o) => [o.id, `${o.state}:${o.reason}`]));
	const expected = {
		setting_up_home: 'not_eligible:not_a_care_leaver',
		apprenticeship_bursary: 'not_eligible:not_a_care_leaver',
		he_bursary: 'not_eligible:he_former_relevant_only',
		bursary_16_19: 'lapsed:bursary_16_19_age',
		staying_put: 'not_eligible:staying_put_not_fostered',
		pa_support: 'not_eligible:pa_advice_and_assistance',
		council_tax: 'not_eligible:not_a_care_leaver',
		shared_accommodation_exemption: 'eligible_now:sar_exemption',
		priority_need: 'eligible_now:priority_need_18_20', // "Priority need 18–20 still applies"
		junior_isa: 'not_eligible:jisa_one_year_in_care',
		uc_pre_claim: 'lapsed:uc_pre_claim',
		free_prescriptions: 'not_eligible:announced_not_in_force',
		care_leaver_covenant: 'eligible_now:covenant'
	};

	it('§1.1 under 13 weeks since 14 (aged 19): no SUHA, bursaries, Staying Put or PA duty; priority need and SAR still apply', () => {
		expect(profile(qualifying('2007-06-01', '2024-03-01'), '2026-11-24')).toEqual(expected);
	});

	it('§1.1/§2.16 SGO after being looked after (recorded as qualifying, aged 19): the same answers', () => {
		expect(profile({ dateOfBirth: '2007-06-01', recordedStatus: 'qualifying' }, '2026-11-24')).toEqual(expected);
	});
});

describe('§2.1 setting up home allowance', () => {
	it('§2.1 a relevant child who left care at 17 can use it now, from the day they left, to the day before 25', () => {
		expect(core(get(inCare('2009-04-20', '2026-08-03'), '2026-11-24', 'setting_up_home'))).toEqual({
			state: 'eligible_now', reason: 'setting_up_home_move_unknown', from: '2026-08-03', until: '2034-04-19', lapsedOn: undefined, amountPence: 300_000
		});
	});

	it('§2.1 still in care with a planned leaving date: it comes from that date', () => {
		expect(get(inCare('2009-04-20', '2027-01-11'), '2026-11-24', 'setting_up_home')).toMatchObject({ state: 'eligible_from', from: '2027-01-11' });
	});

	it('§2.1 is a minimum recommended in guidance, not a statutory sum, and the two amounts meet without a gap', () => {
		expect(CATALOGUE.setting_up_home.status).toBe('guidance_minimum');
		expect(CATALOGUE.setting_up_home.amounts).toEqual([{ from: '2000-01-01', to: '2023-03-31', pence: 200_000 }, { from: '2023-04-01', pence: 300_000 }]);
	});
});

describe('§2.2 apprenticeship care leavers’ bursary (R10)', () => {
	const start = (dateOfBirth: string, leftCareOn: string | null, startedOn: string | null, asOf: string) =>
		get(inCare(dateOfBirth, leftCareOn, { apprenticeshipStartedOn: startedOn }), asOf, 'apprenticeship_bursary');

	it('§2.2 starts from 1 August 2018 only: £1,000 paid once at 60 days; a 31 July 2018 start gets nothing', () => {
		const first = start('1999-01-01', '2017-01-01', '2018-08-01', '2019-06-01');
		expect(core(first)).toEqual({ state: 'eligible_now', reason: 'apprenticeship_on_programme', from: '2018-08-01', until: undefined, lapsedOn: undefined, amountPence: 100_000 });
		expect(first.keyDates).toEqual([{ label: 'instalment_1', date: '2018-09-30' }]);
		expect(start('1999-01-01', '2017-01-01', '2018-07-31', '2019-06-01')).toMatchObject({ state: 'not_eligible', reason: 'apprenticeship_before_scheme', amountPence: null });
	});

	it('§2.2 £3,000 start on 31 December 2023: instalments at 60/120/300 days land on 29 Feb, 29 Apr and 26 Oct 2024', () => {
		expect(start('2004-01-01', '2022-01-01', '2023-12-31', '2026-11-24').keyDates).toEqual([
			{ label: 'instalment_1', date: '2024-02-29' },
			{ label: 'instalment_2', date: '2024-04-29' },
			{ label: 'instalment_3', date: '2024-10-26' }
		]);
	});

	it('§2.2 £3,000 start on 1 March 2024 (leap year): instalments on 30 Apr, 29 Jun and 26 Dec 2024', () => {
		expect(start('2004-01-01', '2022-01-01', '2024-03-01', '2026-11-24').keyDates.map((k) => k.date)).toEqual(['2024-04-30', '2024-06-29', '2024-12-26']);
	});

	it('§2.2 instalment days count across both 2025 clock changes (30 March and 26 October)', () => {
		expect(start('2004-01-01', '2022-01-01', '2025-01-30', '2026-11-24').keyDates.map((k) => k.date)).toEqual(['2025-03-31', '2025-05-30', '2025-11-26']);
	});

	it('§2.2 under 25 at the start: born 29 Feb 2000, a start on 28 Feb 2025 counts, 1 Mar 2025 (the 25th) does not', () => {
		expect(start('2000-02-29', '2018-03-01', '2025-02-28', '2026-11-24')).toMatchObject({ state: 'eligible_now', amountPence: 300_000 });
		expect(start('2000-02-29', '2018-03-01', '2025-03-01', '2026-11-24')).toMatchObject({ state: 'not_eligible', reason: 'apprenticeship_started_at_25', amountPence: null });
	});

	it('§2.2 "in care or a care leaver": a 17-year-old still looked after who starts gets it', () => {
		expect(start('2009-05-01', null, '2026-09-07', '2026-11-24')).toMatchObject({ state: 'eligible_now', reason: 'apprenticeship_on_programme', amountPence: 300_000 });
	});

	it('§2.2 eligible/relevant/former relevant only: a qualifying care leaver who starts does not get it', () => {
		const c = qualifying('2005-05-01', '2022-01-01', { apprenticeshipStartedOn: '2026-09-07' });
		expect(core(get(c, '2026-11-24', 'apprenticeship_bursary'))).toEqual({ state: 'not_eligible', reason: 'not_a_care_leaver', from: undefined, until: undefined, lapsedOn: undefined, amountPence: 300_000 });
	});

	it('§2.2 with no start by the 25th birthday it has lapsed, with no amount', () => {
		expect(core(start('2001-06-01', '2019-06-01', null, '2026-11-24'))).toEqual({ state: 'lapsed', reason: 'apprenticeship_start_before_25', from: undefined, until: undefined, lapsedOn: '2026-06-01', amountPence: null });
	});
});

describe('§2.3 HE bursary (R12)', () => {
	it('§2.3 course started on/after 1 Sep 2008: 1 Sep 2008 gets £2,000, 31 Aug 2008 does not', () => {
		const frc = (he: string) => inCare('1990-05-01', '2008-05-01', { higherEducationStartedOn: he });
		expect(get(frc('2008-09-01'), '2009-01-15', 'he_bursary')).toMatchObject({ state: 'eligible_now', reason: 'he_on_course', from: '2008-09-01', amountPence: 200_000 });
		expect(get(frc('2008-08-31'), '2009-01-15', 'he_bursary')).toMatchObject({ state: 'not_eligible', reason: 'he_course_too_early', amountPence: null });
	});

	it('§2.3 a former relevant child not (yet) in HE is told what they could get', () => {
		expect(get(inCare('2007-03-03', '2025-03-03'), '2026-11-24', 'he_bursary')).toMatchObject({ state: 'not_eligible', reason: 'he_if_you_go', amountPence: 200_000 });
	});

	it('§2.3 former relevant only: someone who lost FRC status by returning home is not paid, though at university', () => {
		const c = inCare('2006-04-01', '2023-09-01', { returnedHomeSixMonths: true, higherEducationStartedOn: '2025-09-22' });
		expect(get(c, '2026-11-24', 'he_bursary')).toMatchObject({ state: 'not_eligible', reason: 'he_former_relevant_only' });
	});

	it('§2.3 an eligible child still in care at 17 gets it only once former relevant', () => {
		expect(get(inCare('2009-06-01', null, { higherEducationStartedOn: '2026-09-21' }), '2026-11-24', 'he_bursary')).toMatchObject({ state: 'not_eligible', reason: 'he_when_former_relevant' });
	});
});

describe('§2.4 16–19 Bursary Fund (R13)', () => {
	it('§2.4 a 16-year-old in care who was 15 on 31 August 2025 gets it from 1 September 2026', () => {
		expect(core(get(inCare('2010-06-01', null), '2026-07-01', 'bursary_16_19'))).toEqual({ state: 'eligible_from', reason: 'bursary_16_19_age', from: '2026-09-01', until: undefined, lapsedOn: undefined, amountPence: 120_000 });
	});

	it('§2.4 18 on 31 Aug 2025: eligible on 31 Aug 2026 (last day of that academic year), lapsed on 1 Sep 2026', () => {
		const c = inCare('2007-08-31', '2025-08-31');
		expect(get(c, '2026-08-31', 'bursary_16_19')).toMatchObject({ state: 'eligible_now', until: '2026-08-31', amountPence: 120_000 });
		expect(get(c, '2026-09-01', 'bursary_16_19')).toMatchObject({ state: 'lapsed', lapsedOn: '2026-09-01' });
	});

	it('§2.4 "in care; care leavers": a qualifying care leaver aged 17 on 31 August can get it', () => {
		expect(get(qualifying('2008-10-01', '2025-02-01'), '2026-01-10', 'bursary_16_19')).toMatchObject({ state: 'eligible_now', reason: 'bursary_16_19_in_education', until: '2026-08-31', amountPence: 120_000 });
	});
});

describe('§2.5 Staying Put (R8: ends at 21)', () => {
	it('§2.5 starts on the 18th birthday for an eligible child living on with their foster carer', () => {
		const c = inCare('2008-12-01', '2026-12-01', { stayingPut: true });
		expect(get(c, '2026-11-30', 'staying_put')).toMatchObject({ state: 'eligible_from', reason: 'staying_put_talk', from: '2026-12-01', until: '2029-11-30' });
		expect(get(c, '2026-12-01', 'staying_put')).toMatchObject({ state: 'eligible_now', reason: 'staying_put_living', from: '2026-12-01', until: '2029-11-30' });
	});

	it('§2.5/R8 born 29 Feb 2004: runs to 28 Feb 2025 and lapses on 1 Mar 2025 (the 21st)', () => {
		const c = inCare('2004-02-29', '2022-03-01', { stayingPut: true });
		expect(get(c, '2025-02-28', 'staying_put')).toMatchObject({ state: 'eligible_now', until: '2025-02-28' });
		expect(get(c, '2025-03-01', 'staying_put')).toMatchObject({ state: 'lapsed', lapsedOn: '2025-03-01' });
	});

	// DISAGREEMENT: engine.ts `couldStayPut` accepts any former relevant child with stayingPut, but
	// domain.md §2.5 "Applies to: an FRC under s23C(1)(b) (eligible child immediately before 18)" and §1.1
	// "Staying Put if (b)". Someone who left care at 17 was relevant, not eligible, immediately before 18.
	it('§2.5 s23C(1)(b) only: a former relevant child who left care at 17 is not in Staying Put', () => {
		const c = inCare('2007-09-01', '2025-01-15', { stayingPut: true });
		expect(get(c, '2026-11-24', 'staying_put').state).toBe('not_eligible');
	});
});

describe('§1.3 personal adviser (R5: 21st birthday, to 25 on request)', () => {
	it('R5 switches on the 21st birthday from "to 21" to "on request to 25"', () => {
		const c = inCare('2005-11-24', '2023-11-24');
		expect(get(c, '2026-11-23', 'pa_support')).toMatchObject({ state: 'eligible_now', reason: 'pa_to_21', until: '2026-11-23' });
		expect(core(get(c, '2026-11-24', 'pa_support'))).toEqual({ state: 'eligible_now', reason: 'pa_on_request_to_25', from: '2026-11-24', until: '2030-11-23', lapsedOn: undefined, amountPence: null });
	});

	it('R5 born 29 Feb 2008: the 21st and 25th birthday key dates are 1 March (2029, 2033)', () => {
		expect(get(inCare('2008-02-29', '2026-03-01'), '2026-11-24', 'pa_support').keyDates).toEqual([
			{ label: 'birthday_21', date: '2029-03-01' },
			{ label: 'birthday_25', date: '2033-03-01' }
		]);
	});

	it('§1.3 on request up to 25: there the day before the 25th birthday, lapsed on it', () => {
		const c = inCare('2001-12-05', '2019-12-05');
		expect(get(c, '2026-12-04', 'pa_support')).toMatchObject({ state: 'eligible_now', until: '2026-12-04' });
		expect(get(c, '2026-12-05', 'pa_support')).toMatchObject({ state: 'lapsed', lapsedOn: '2026-12-05' });
	});

	it('§1.1 an eligible 16-year-old still in care has a PA now (CPPCR regs 40–44)', () => {
		expect(get(inCare('2010-03-01', null), '2026-11-24', 'pa_support')).toMatchObject({ state: 'eligible_now', reason: 'pa_to_21', until: '2031-02-28' });
	});
});

describe('§2.7 council tax, §2.9 Shared Accommodation Rate, §4.2 priority need', () => {
	it('§2.7 council tax relief (local discretion, 18–24): from the 18th, lapsed on the 25th, not for qualifying', () => {
		expect(get(inCare('2008-12-10', null), '2026-11-24', 'council_tax')).toMatchObject({ state: 'eligible_from', from: '2026-12-10' });
		expect(get(inCare('2001-11-24', '2019-11-24'), '2026-11-24', 'council_tax')).toMatchObject({ state: 'lapsed', lapsedOn: '2026-11-24' });
		expect(get(qualifying('2005-01-01', '2022-01-01'), '2026-11-24', 'council_tax')).toMatchObject({ state: 'not_eligible', reason: 'not_a_care_leaver' });
	});

	it('§2.9 SAR exemption "under 25", born 29 Feb 2000: exempt on 28 Feb 2025, not on 1 Mar 2025', () => {
		const c = inCare('2000-02-29', '2018-03-01');
		expect(get(c, '2025-02-28', 'shared_accommodation_exemption')).toMatchObject({ state: 'eligible_now', until: '2025-02-28' });
		expect(get(c, '2025-03-01', 'shared_accommodation_exemption')).toMatchObject({ state: 'lapsed', lapsedOn: '2025-03-01' });
	});

	// DISAGREEMENT: domain.md §2.9 "This applies from 31 May 2021 (previously under 22)"; the catalogue's
	// own legalBasis says "(from 31 May 2021)", but engine.ts applies 18–24 on any as-of date.
	it('§2.9 before 31 May 2021 the exemption stopped at 22: a 23-year-old on 30 May 2021 is not exempt', () => {
		expect(get(inCare('1998-01-10', '2016-01-10'), '2021-05-30', 'shared_accommodation_exemption').state).not.toBe('eligible_now');
	});

	it('§4.2 priority need for a qualifying care leaver under 21: from the 18th, to the day before the 21st', () => {
		const c = qualifying('2006-07-15', '2023-01-01');
		expect(core(get(c, '2026-11-24', 'priority_need'))).toEqual({ state: 'eligible_now', reason: 'priority_need_18_20', from: '2024-07-15', until: '2027-07-14', lapsedOn: undefined, amountPence: null });
		expect(get(c, '2027-07-15', 'priority_need')).toMatchObject({ state: 'may_apply', reason: 'priority_need_vulnerable_21' });
	});
});

describe('§2.10 Universal Credit pre-claim appointment (R14: up to 28 days before 18)', () => {
	it('R14 born 29 Feb 2008 (18 on 1 Mar 2026): opens 1 Feb 2026 and runs to 28 Feb 2026', () => {
		const c = inCare('2008-02-29', null);
		expect(get(c, '2026-01-31', 'uc_pre_claim')).toMatchObject({ state: 'eligible_from', from: '2026-02-01', until: '2026-02-28' });
		expect(get(c, '2026-02-01', 'uc_pre_claim')).toMatchObject({ state: 'eligible_now', from: '2026-02-01', until: '2026-02-28' });
	});

	it('R14 the 28 days count 29 February in a leap year: 18 on 1 Mar 2028 → opens 2 Feb 2028', () => {
		expect(get(inCare('2010-03-01', null), '2027-12-01', 'uc_pre_claim')).toMatchObject({ state: 'eligible_from', from: '2028-02-02', until: '2028-02-29' });
	});
});

describe('§2.8 Junior ISA (£200, looked after ≥12 months, no Child Trust Fund)', () => {
	it('§2.8 CTF births run 1 Sep 2002 – 2 Jan 2011: born 31 Aug 2002 gets the JISA, 1 Sep 2002 has a CTF', () => {
		expect(core(get(inCare('2002-08-31', '2020-08-31'), '2026-11-24', 'junior_isa'))).toEqual({ state: 'eligible_now', reason: 'jisa_yours_at_18', from: '2020-08-31', until: undefined, lapsedOn: undefined, amountPence: 20_000 });
		expect(get(inCare('2002-09-01', '2020-09-01'), '2026-11-24', 'junior_isa')).toMatchObject({ state: 'not_eligible', reason: 'jisa_child_trust_fund', amountPence: null });
	});

	it('§2.8 the other end: born 2 Jan 2011 has a CTF, born 3 Jan 2011 gets the JISA at 18', () => {
		expect(get(inCare('2011-01-02', null), '2027-06-01', 'junior_isa').reason).toBe('jisa_child_trust_fund');
		expect(get(inCare('2011-01-03', null), '2027-06-01', 'junior_isa')).toMatchObject({ state: 'eligible_from', from: '2029-01-03', amountPence: 20_000 });
	});

	it('§2.8 a known answer beats the birth-date presumption either way', () => {
		expect(get(inCare('2006-05-05', '2024-05-05', { hasChildTrustFund: false }), '2026-11-24', 'junior_isa')).toMatchObject({ state: 'eligible_now', reason: 'jisa_yours_at_18' });
		expect(get(inCare('2011-05-05', null, { hasChildTrustFund: true }), '2027-06-01', 'junior_isa')).toMatchObject({ state: 'not_eligible', reason: 'jisa_child_trust_fund' });
	});

	it('§2.8 "at least one year" in care: 51 weeks is not enough, 53 weeks is', () => {
		const c = (weeks: number) => inCare('2011-06-01', null, { weeksLookedAfterSince14: weeks });
		expect(get(c(51), '2027-06-01', 'junior_isa').reason).toBe('jisa_one_year_in_care');
		expect(get(c(53), '2027-06-01', 'junior_isa')).toMatchObject({ state: 'eligible_from', reason: 'jisa_yours_at_18' });
	});
});

describe('§2.11 free prescriptions, §2.12 Care Leaver Covenant', () => {
	it('§2.11 announced, not in force: never eligible_now at any age, and shown up to the day before 25', () => {
		const c = inCare('2002-04-10', '2020-04-10');
		for (const asOf of ['2018-04-10', '2020-04-10', '2023-04-10', '2027-04-09', '2027-04-10']) {
			expect(get(c, asOf, 'free_prescriptions').state).toBe('not_eligible');
		}
		expect(core(get(c, '2027-04-09', 'free_prescriptions'))).toEqual({ state: 'not_eligible', reason: 'announced_not_in_force', from: undefined, until: '2027-04-09', lapsedOn: undefined, amountPence: null });
	});

	it('§2.12 Covenant "aged 16–25": from the 16th birthday, still there the day before 26, lapsed on the 26th', () => {
		expect(get(inCare('2010-11-24', null), '2026-11-24', 'care_leaver_covenant')).toMatchObject({ state: 'eligible_now', from: '2026-11-24', until: '2036-11-23' });
		const older = inCare('2000-12-01', '2018-12-01');
		expect(get(older, '2026-11-30', 'care_leaver_covenant').state).toBe('eligible_now');
		expect(get(older, '2026-12-01', 'care_leaver_covenant')).toMatchObject({ state: 'lapsed', lapsedOn: '2026-12-01' });
	});
});

describe('§2 catalogue shape: dated amounts in integer pence, a source for each item', () => {
	it('§2 every dated amount is whole pence, ranges do not overlap, and each item has a legal basis and an https source', () => {
		for (const item of Object.values(CATALOGUE)) {
			expect(item.legalBasis.length).toBeGreaterThan(0);
			expect(item.sourceUrl).toMatch(/^https:\/\//);
			for (const a of item.amounts) expect(Number.isInteger(a.pence) && a.pence > 0).toBe(true);
			for (let i = 1; i < item.amounts.length; i++) {
				const prev = item.amounts[i - 1];
				expect(prev?.to !== undefined && prev.to < (item.amounts[i]?.from ?? '')).toBe(true);
			}
		}
	});

	it('§2.2 the bursary amount turns on the start date: nothing on 31 Jul 2018, £1,000 to 31 Jul 2023, £3,000 from 1 Aug 2023', () => {
		const on = (d: string) => amountOn(CATALOGUE.apprenticeship_bursary, d);
		expect(['2018-07-31', '2018-08-01', '2023-07-31', '2023-08-01'].map(on)).toEqual([null, 100_000, 100_000, 300_000]);
	});
});

/*
 * Issue 13 items 4–9. Each case names the rule it tests; every date is written out by hand.
 */
describe('issue 13 item 4: HE bursary needs pathway-plan support, which a course must start under 25 to have', () => {
	// Born 1 October 2001: 24 until 30 September 2026, 25 on 1 October 2026, 26 on 1 October 2027.
	const frc = (more: Partial<Circumstances> = {}) => inCare('2001-10-01', '2019-10-01', more);

	it('§2.3/s23C(5A)+s23CA(1)(b) a course started at 24 is paid at 24, and still at 25 and 26 while they pursue it (s23C(7))', () => {
		const c = frc({ higherEducationStartedOn: '2025-09-22' });
		for (const asOf of ['2026-06-01', '2026-10-01', '2027-11-24']) expect(get(c, asOf, 'he_bursary')).toMatchObject({ state: 'eligible_now', reason: 'he_on_course', from: '2025-09-22', amountPence: 200_000 });
	});

	it('§2.3/s23CA(1)(b) a course started on the 25th birthday or at 26 has no pathway plan behind it: not owed', () => {
		expect(core(get(frc({ higherEducationStartedOn: '2026-10-01' }), '2026-11-24', 'he_bursary'))).toMatchObject({ state: 'not_eligible', reason: 'he_started_at_25', amountPence: null });
		expect(get(frc({ higherEducationStartedOn: '2027-10-04' }), '2027-11-24', 'he_bursary')).toMatchObject({ state: 'not_eligible', reason: 'he_started_at_25' });
	});

	it('§2.3 with no course: "if you go" at 24 (to the day before 25), lapsed on the 25th birthday and at 26', () => {
		expect(core(get(frc(), '2026-09-30', 'he_bursary'))).toMatchObject({ state: 'not_eligible', reason: 'he_if_you_go', until: '2026-09-30' });
		expect(get(frc(), '2026-10-01', 'he_bursary')).toMatchObject({ state: 'lapsed', reason: 'he_start_before_25', lapsedOn: '2026-10-01', amountPence: null });
		expect(get(frc(), '2027-11-24', 'he_bursary').state).toBe('lapsed');
	});

	it('§2.3 born 29 February 2000 (25 on 1 March 2025): a start on 28 February 2025 counts, on 1 March 2025 does not', () => {
		const c = (start: string) => inCare('2000-02-29', '2018-03-01', { higherEducationStartedOn: start });
		expect(get(c('2025-02-28'), '2025-06-01', 'he_bursary').state).toBe('eligible_now');
		expect(get(c('2025-03-01'), '2025-06-01', 'he_bursary').reason).toBe('he_started_at_25');
	});

	it('§2.3 a course starting in September (before the 25th birthday) is "from" its start, not "now"', () => {
		expect(get(frc({ higherEducationStartedOn: '2026-09-21' }), '2026-06-01', 'he_bursary')).toMatchObject({ state: 'eligible_from', from: '2026-09-21' });
	});
});

describe('issue 13 item 5: setting up home allowance follows the day they moved into their first home (§2.1, R11)', () => {
	const leaver = (more: Partial<Circumstances> = {}) => inCare('2003-06-01', '2021-06-01', more);

	it('§2.1 guidance minimum in force on the move-in day: 31 March 2023 → £2,000, 1 April 2023 → £3,000 (looked at in 2026)', () => {
		expect(get(leaver({ movedIntoFirstHomeOn: '2023-03-31' }), '2026-11-24', 'setting_up_home')).toMatchObject({ state: 'eligible_now', reason: 'setting_up_home_moved_in', amountPence: 200_000, keyDates: [{ label: 'moved_in', date: '2023-03-31' }] });
		expect(get(leaver({ movedIntoFirstHomeOn: '2023-04-01' }), '2026-11-24', 'setting_up_home')).toMatchObject({ reason: 'setting_up_home_moved_in', amountPence: 300_000 });
	});

	it('§2.1 a move on 29 February 2020 (a leap day) is under the £2,000 minimum', () => {
		expect(get(leaver({ movedIntoFirstHomeOn: '2020-02-29' }), '2022-01-10', 'setting_up_home').amountPence).toBe(200_000);
	});

	it('§2.1 until the move-in day is known the page says so: the amount is what a move from today brings', () => {
		const o = get(leaver(), '2026-11-24', 'setting_up_home');
		expect(o).toMatchObject({ reason: 'setting_up_home_move_unknown', amountPence: 300_000, keyDates: [] });
		expect(get(leaver({ movedIntoFirstHomeOn: null }), '2026-11-24', 'setting_up_home').reason).toBe('setting_up_home_move_unknown');
	});

	it('§2.1 Appendix E: the council\'s own level applies when it pays more than the minimum, never less', () => {
		expect(get(leaver({ movedIntoFirstHomeOn: '2022-08-01', councilSettingUpHomePence: 349_950 }), '2026-11-24', 'setting_up_home').amountPence).toBe(349_950);
		expect(get(leaver({ movedIntoFirstHomeOn: '2022-08-01', councilSettingUpHomePence: 150_000 }), '2026-11-24', 'setting_up_home').amountPence).toBe(200_000);
		expect(get(leaver({ councilSettingUpHomePence: 350_000 }), '2026-11-24', 'setting_up_home').amountPence).toBe(350_000);
	});
});

describe('issue 13 item 6: routes out of care, and a recorded status that disagrees with the facts (§1.1, §2.16)', () => {
	/** Special guardianship order at 9, straight from care; never looked after at or after 16. */
	const sgo = (more: Partial<CareHistory> = {}): CareHistory => ({ dateOfBirth: '2008-03-10', weeksLookedAfterSince14: 0, lookedAfterOn16thBirthday: false, leftCareOn: '2017-05-02', leftCareRoute: 'special_guardianship_order', ...more });

	it('s24(1A) SGO made while looked after: qualifying from 16 to the day before 21, even with no care after 14', () => {
		expect(deriveLegalStatus(sgo(), '2024-03-09')).toBeNull(); // 15
		expect(deriveLegalStatus(sgo(), '2024-03-10')).toBe('qualifying'); // 16th birthday
		expect(deriveLegalStatus(sgo(), '2029-03-09')).toBe('qualifying'); // the day before 21
		expect(deriveLegalStatus(sgo(), '2029-03-10')).toBeNull(); // 21
		// Only the order is known (no other facts): still qualifying.
		expect(deriveLegalStatus({ dateOfBirth: '2008-03-10', leftCareRoute: 'special_guardianship_order' }, '2026-11-24')).toBe('qualifying');
	});

	it('s24(1A) an SGO young person keeps advice and assistance and priority need (before: nothing at all)', () => {
		const outcomes = Object.fromEntries(evaluateEntitlements(sgo(), '2026-11-24').map((o) => [o.id, `${o.state}:${o.reason}`]));
		expect(outcomes.pa_support).toBe('not_eligible:pa_advice_and_assistance');
		expect(outcomes.priority_need).toBe('eligible_now:priority_need_18_20');
		expect(outcomes.care_leaver_covenant).toBe('eligible_now:covenant');
		expect(outcomes.setting_up_home).toBe('not_eligible:not_a_care_leaver');
	});

	it('reg 3(3) child arrangements order at 16½ after 13 weeks: relevant for 6 months, then qualifying; a broken placement revives relevant', () => {
		const cao: CareHistory = { dateOfBirth: '2009-01-20', weeksLookedAfterSince14: 40, lookedAfterOn16thBirthday: true, leftCareOn: '2025-07-20', leftCareRoute: 'child_arrangements_order' };
		expect(deriveLegalStatus(cao, '2026-01-19')).toBe('relevant');
		expect(deriveLegalStatus(cao, '2026-01-20')).toBe('qualifying'); // 6 calendar months on
		expect(deriveLegalStatus({ ...cao, returnedHomeSixMonths: false }, '2026-06-01')).toBe('relevant');
		expect(deriveLegalStatus(cao, '2027-01-20')).toBe('qualifying'); // at 18: not former relevant
	});

	it('§1.1 returned home to a parent at 17 and 10 months: fewer than 6 months before 18, so former relevant at 18', () => {
		const home: CareHistory = { dateOfBirth: '2007-09-01', weeksLookedAfterSince14: 60, lookedAfterOn16thBirthday: true, leftCareOn: '2025-07-01', leftCareRoute: 'returned_home' };
		expect(deriveLegalStatus(home, '2026-11-24')).toBe('former_relevant');
	});

	it('§1.1 adoption before 16: not a care leaver; adoption at 16 after 13 weeks: relevant until 6 months with the adopters', () => {
		expect(deriveLegalStatus({ dateOfBirth: '2009-05-05', weeksLookedAfterSince14: 30, lookedAfterOn16thBirthday: false, leftCareOn: '2024-06-01', leftCareRoute: 'adoption' }, '2026-11-24')).toBeNull();
		const adopted: CareHistory = { dateOfBirth: '2009-05-05', weeksLookedAfterSince14: 30, lookedAfterOn16thBirthday: true, leftCareOn: '2026-06-01', leftCareRoute: 'adoption' };
		expect(deriveLegalStatus(adopted, '2026-11-24')).toBe('relevant');
		expect(deriveLegalStatus(adopted, '2026-12-01')).toBe('qualifying');
	});

	it('§0 facts and record disagree: the PA is told both, and the one that brings more help is used (facts say former relevant, record says qualifying)', () => {
		const h: CareHistory = { dateOfBirth: '2006-04-01', weeksLookedAfterSince14: 80, lookedAfterOn16thBirthday: true, leftCareOn: '2024-04-01', recordedStatus: 'qualifying' };
		expect(assessLegalStatus(h, '2026-11-24')).toEqual({ status: 'former_relevant', fromFacts: 'former_relevant', recorded: 'qualifying', disagree: true, under16: false });
	});

	it('§0 the record is not silently dropped: facts say "not a care leaver" (no care after 16, route not recorded), record says qualifying → qualifying, with a warning', () => {
		const h: CareHistory = { dateOfBirth: '2007-06-01', weeksLookedAfterSince14: 0, lookedAfterOn16thBirthday: false, leftCareOn: '2016-01-01', recordedStatus: 'qualifying' };
		expect(assessLegalStatus(h, '2026-11-24')).toMatchObject({ status: 'qualifying', fromFacts: null, recorded: 'qualifying', disagree: true });
		expect(get({ ...h }, '2026-11-24', 'pa_support').reason).toBe('pa_advice_and_assistance');
	});

	it('s23C(1) a record left at "eligible" moves on to former relevant at 18 by law: no false disagreement', () => {
		const h: CareHistory = { dateOfBirth: '2007-01-15', weeksLookedAfterSince14: 80, lookedAfterOn16thBirthday: true, leftCareOn: '2025-01-15', recordedStatus: 'eligible' };
		expect(assessLegalStatus(h, '2026-11-24')).toMatchObject({ status: 'former_relevant', recorded: 'former_relevant', disagree: false });
	});

	it('§1.1 born 29 February 2008 under an SGO: 21 on 1 March 2029, so qualifying on 28 February 2029 and not on 1 March', () => {
		const h = sgo({ dateOfBirth: '2008-02-29' });
		expect(deriveLegalStatus(h, '2029-02-28')).toBe('qualifying');
		expect(deriveLegalStatus(h, '2029-03-01')).toBeNull();
	});
});

describe('issue 13 item 7: dates are checked before the engine compares them', () => {
	it('a birth date that is not a real day (30 February) is refused with the field named, never answered', () => {
		expect(() => evaluateEntitlements(inCare('2007-02-30', '2025-03-01'), '2026-11-24')).toThrow(DateNeedsFixing);
		expect(badDates(inCare('2007-02-30', '2025-03-01'))).toEqual(['dateOfBirth']);
	});

	it('HE start and left-care dates written another way ("2025-9-1", "01/05/2025", 13th month) are refused, not compared as text', () => {
		// As text, '2025-9-1' sorts after '2008-09-01' and a wrong "eligible" came back.
		expect(badDates(inCare('2005-01-01', '2023-01-01', { higherEducationStartedOn: '2025-9-1' }))).toEqual(['higherEducationStartedOn']);
		expect(badDates(inCare('2005-01-01', '01/05/2025'))).toEqual(['leftCareOn']);
		expect(badDates(inCare('2005-01-01', '2023-13-01', { movedIntoFirstHomeOn: '2023-02-29', apprenticeshipStartedOn: '' }))).toEqual(['leftCareOn', 'apprenticeshipStartedOn', 'movedIntoFirstHomeOn']);
		expect(() => evaluateEntitlements(inCare('2005-01-01', '2023-01-01', { higherEducationStartedOn: '2025-9-1' }), '2026-11-24')).toThrow(/higherEducationStartedOn/);
	});

	it('29 February is a real day only in a leap year; a checked date is the same string', () => {
		expect(checkDate('2008-02-29')).toBe('2008-02-29');
		expect(checkDate('2007-02-29')).toBeNull();
		expect(checkDate('2007-02-30')).toBeNull();
		expect(checkDate(20070228)).toBeNull();
		expect(badDates(inCare('2008-02-29', '2026-03-01'))).toEqual([]);
	});
});

describe('issue 13 item 8: smaller slips', () => {
	it('§2.2 an apprenticeship that has not started yet is "from <start>", not "now"', () => {
		const c = inCare('2006-05-01', '2024-05-01', { apprenticeshipStartedOn: '2027-01-04' });
		expect(get(c, '2026-11-24', 'apprenticeship_bursary')).toMatchObject({ state: 'eligible_from', from: '2027-01-04', amountPence: 300_000 });
		expect(get(c, '2027-01-04', 'apprenticeship_bursary').state).toBe('eligible_now');
	});

	it('§1.1 eligible only from 16: still in care at 15 is no status (and says "from 16"); on the 16th birthday, eligible', () => {
		const c = inCare('2011-01-10', null, { weeksLookedAfterSince14: 60 });
		expect(deriveLegalStatus(c, '2027-01-09')).toBeNull();
		expect(deriveLegalStatus({ ...c, recordedStatus: 'eligible' }, '2027-01-09')).toBeNull();
		expect(get(c, '2027-01-09', 'pa_support')).toMatchObject({ state: 'not_eligible', reason: 'from_16' });
		expect(deriveLegalStatus(c, '2027-01-10')).toBe('eligible');
	});

	it('§1.1 born 29 February 2012: 15 on 28 February 2028, eligible on 29 February 2028 (a leap year)', () => {
		const c = inCare('2012-02-29', null);
		expect(deriveLegalStatus(c, '2028-02-28')).toBeNull();
		expect(deriveLegalStatus(c, '2028-02-29')).toBe('eligible');
	});

	it('§4.2 priority need at 21–24 through vulnerability (Order 2002 art 5(1)): "may apply, the housing authority decides", not "lapsed"', () => {
		for (const asOf of ['2026-11-24', '2029-11-23']) expect(core(get(inCare('2005-11-24', '2023-11-24'), asOf, 'priority_need'))).toEqual({ state: 'may_apply', reason: 'priority_need_vulnerable_21', from: '2026-11-24', until: undefined, lapsedOn: undefined, amountPence: null });
		expect(get(qualifying('2004-06-01', '2021-01-01'), '2026-11-24', 'priority_need').state).toBe('may_apply');
	});

	it('§4.2 born 29 February 2004: automatic priority need on 28 February 2025, "may apply" from 1 March 2025 (the 21st)', () => {
		const c = inCare('2004-02-29', '2022-03-01');
		expect(get(c, '2025-02-28', 'priority_need')).toMatchObject({ state: 'eligible_now', until: '2025-02-28' });
		expect(get(c, '2025-03-01', 'priority_need')).toMatchObject({ state: 'may_apply', from: '2025-03-01' });
	});
});
