import { describe, expect, it } from 'vitest';
import { canMatch, checkCurrentUntil, DEFAULT_VETTING_RULES, vettingFor, vettingLapsesDuring, type Vetting } from './vetting';

const ON = '2026-11-24';
const CHILD = '2009-06-01'; // 17 on ON
const ADULT = '2000-01-01';
const rules = DEFAULT_VETTING_RULES;

const vetting = (over: Partial<Vetting> = {}): Vetting => ({
	dbsLevel: 'enhanced_barred_children',
	certificateOn: '2025-01-10',
	updateServiceCheckedOn: null,
	referencesReceived: 2,
	trainingCompletedOn: '2025-02-01',
	...over
});

describe('the default rules', () => {
	it('are 3 years for a certificate, 12 months for an update-service check, 2 references and training, basic for adults', () => {
		expect(DEFAULT_VETTING_RULES).toEqual({ certificateMaxAgeYears: 3, updateServiceMaxAgeMonths: 12, referencesNeeded: 2, trainingRequired: true, adultMinimumLevel: 'basic' });
	});
});

describe('canMatch: the DBS level for the young person’s age', () => {
	it.each([
		['basic', CHILD, { ok: false, reason: 'needs_enhanced_barred', reasons: ['needs_enhanced_barred'], until: '2028-01-09' }],
		['enhanced', CHILD, { ok: false, reason: 'needs_enhanced_barred', reasons: ['needs_enhanced_barred'], until: '2028-01-09' }],
		['enhanced_barred_children', CHILD, { ok: true }],
		['basic', ADULT, { ok: true }],
		['enhanced', ADULT, { ok: true }],
		['enhanced_barred_children', ADULT, { ok: true }]
	] as const)('%s check, born %s', (dbsLevel, dob, result) => {
		expect(canMatch(vetting({ dbsLevel }), dob, ON)).toEqual(result);
	});

	it('still needs the barred-list check the day before the 18th birthday, and not on it', () => {
		expect(canMatch(vetting({ dbsLevel: 'enhanced' }), '2008-11-25', ON)).toMatchObject({ ok: false, reason: 'needs_enhanced_barred' });
		expect(canMatch(vetting({ dbsLevel: 'enhanced' }), '2008-11-24', ON)).toEqual({ ok: true });
	});

	it('treats someone born on 29 February as 18 on 1 March in a non-leap year', () => {
		expect(canMatch(vetting({ dbsLevel: 'enhanced' }), '2008-02-29', '2026-02-28').ok).toBe(false);
		expect(canMatch(vetting({ dbsLevel: 'enhanced' }), '2008-02-29', '2026-03-01').ok).toBe(true);
	});

	it('can ask for more than basic for adults, and says the child rule first for a child', () => {
		const strict = { ...rules, adultMinimumLevel: 'enhanced' as const };
		expect(canMatch(vetting({ dbsLevel: 'basic' }), ADULT, ON, strict)).toMatchObject({ ok: false, reason: 'level_too_low' });
		expect(canMatch(vetting({ dbsLevel: 'enhanced' }), ADULT, ON, strict)).toEqual({ ok: true });
		expect(canMatch(vetting({ dbsLevel: 'basic' }), CHILD, ON, strict)).toMatchObject({ reasons: ['needs_enhanced_barred'] });
	});
});

describe('canMatch: a current check', () => {
	it('counts a certificate for 3 years: to the day before its third anniversary, and not on it', () => {
		expect(checkCurrentUntil(vetting({ certificateOn: '2023-11-24' }))).toBe('2026-11-23');
		expect(canMatch(vetting({ certificateOn: '2023-11-24' }), CHILD, '2026-11-23')).toEqual({ ok: true });
		expect(canMatch(vetting({ certificateOn: '2023-11-24' }), CHILD, '2026-11-24')).toEqual({
			ok: false,
			reason: 'check_out_of_date',
			reasons: ['check_out_of_date'],
			until: '2026-11-23'
		});
	});

	it('counts a 29 February certificate until 27 February three years on (the anniversary is the 28th)', () => {
		expect(checkCurrentUntil(vetting({ certificateOn: '2024-02-29' }))).toBe('2027-02-27');
		expect(canMatch(vetting({ certificateOn: '2024-02-29' }), ADULT, '2027-02-27').ok).toBe(true);
		expect(canMatch(vetting({ certificateOn: '2024-02-29' }), ADULT, '2027-02-28')).toMatchObject({ reason: 'check_out_of_date' });
	});

	it('follows the configured age: 4 years from a leap day runs to the day before the next leap day', () => {
		expect(checkCurrentUntil(vetting({ certificateOn: '2024-02-29' }), { ...rules, certificateMaxAgeYears: 4 })).toBe('2028-02-28');
	});

	it('keeps an old certificate current for 12 months from an update-service check', () => {
		const v = vetting({ certificateOn: '2019-05-01', updateServiceCheckedOn: '2025-11-24' });
		expect(checkCurrentUntil(v)).toBe('2026-11-23');
		expect(canMatch(v, CHILD, '2026-11-23')).toEqual({ ok: true });
		expect(canMatch(v, CHILD, '2026-11-24')).toMatchObject({ reason: 'check_out_of_date', until: '2026-11-23' });
		expect(canMatch(vetting({ certificateOn: '2020-01-01', updateServiceCheckedOn: '2026-03-01' }), CHILD, ON)).toEqual({ ok: true });
	});

	it('does not count an update-service check without a certificate', () => {
		expect(canMatch(vetting({ certificateOn: null, updateServiceCheckedOn: '2026-11-01' }), ADULT, ON)).toMatchObject({ reason: 'no_dbs' });
	});

	it('needs a check at all: no level or no certificate is no_dbs (and a child also needs the barred list)', () => {
		expect(canMatch(vetting({ certificateOn: null }), ADULT, ON)).toMatchObject({ reason: 'no_dbs', reasons: ['no_dbs'], until: null });
		expect(canMatch(vetting({ dbsLevel: null }), ADULT, ON)).toMatchObject({ reason: 'no_dbs', reasons: ['no_dbs'] });
		expect(canMatch(vetting({ dbsLevel: null }), CHILD, ON)).toMatchObject({ reason: 'no_dbs', reasons: ['no_dbs', 'needs_enhanced_barred'] });
	});

	it('does not count a certificate dated after the day asked about', () => {
		expect(canMatch(vetting({ certificateOn: '2026-11-25' }), ADULT, ON)).toMatchObject({ reason: 'no_dbs' });
	});
});

describe('canMatch: references and training', () => {
	it('needs 2 references by default, or the configured number', () => {
		expect(canMatch(vetting({ referencesReceived: 1 }), ADULT, ON)).toMatchObject({ ok: false, reason: 'references_missing' });
		expect(canMatch(vetting({ referencesReceived: 1 }), ADULT, ON, { ...rules, referencesNeeded: 1 })).toEqual({ ok: true });
	});

	it('needs training finished by the day, unless the rules say otherwise', () => {
		expect(canMatch(vetting({ trainingCompletedOn: null }), ADULT, ON)).toMatchObject({ reason: 'training_missing' });
		expect(canMatch(vetting({ trainingCompletedOn: '2026-11-25' }), ADULT, ON)).toMatchObject({ reason: 'training_missing' });
		expect(canMatch(vetting({ trainingCompletedOn: ON }), ADULT, ON)).toEqual({ ok: true });
		expect(canMatch(vetting({ trainingCompletedOn: null }), ADULT, ON, { ...rules, trainingRequired: false })).toEqual({ ok: true });
	});

	it('lists every problem, the most basic first', () => {
		const v = vetting({ dbsLevel: 'enhanced', certificateOn: '2020-01-01', referencesReceived: 0, trainingCompletedOn: null });
		expect(canMatch(v, CHILD, ON)).toEqual({
			ok: false,
			reason: 'needs_enhanced_barred',
			reasons: ['needs_enhanced_barred', 'check_out_of_date', 'references_missing', 'training_missing'],
			until: '2022-12-31'
		});
	});
});

describe('vettingFor', () => {
	it('describes a current barred-list check from its certificate', () => {
		expect(vettingFor(vetting(), rules, ON)).toEqual({
			current: true,
			currentEnhancedBarred: true,
			currentUntil: '2028-01-09',
			lapsesOn: '2028-01-10',
			basis: 'certificate',
			reasons: []
		});
	});

	it('says a current enhanced check is not enough for a child', () => {
		expect(vettingFor(vetting({ dbsLevel: 'enhanced' }), rules, ON)).toMatchObject({ current: true, currentEnhancedBarred: false, reasons: [] });
	});

	it('says when a check lapsed, in the past', () => {
		expect(vettingFor(vetting({ certificateOn: '2023-06-30' }), rules, ON)).toMatchObject({
			current: false,
			currentEnhancedBarred: false,
			currentUntil: '2026-06-29',
			lapsesOn: '2026-06-30',
			reasons: ['check_out_of_date']
		});
	});

	it('names the update service when it keeps the check current longer', () => {
		expect(vettingFor(vetting({ certificateOn: '2022-01-01', updateServiceCheckedOn: '2026-03-01' }), rules, ON)).toMatchObject({
			basis: 'update_service',
			currentUntil: '2027-02-28'
		});
		expect(vettingFor(vetting({ certificateOn: '2025-01-10', updateServiceCheckedOn: '2025-02-01' }), rules, ON).basis).toBe('certificate');
	});

	it('has no dates without a certificate', () => {
		expect(vettingFor(vetting({ certificateOn: null }), rules, ON)).toMatchObject({ current: false, currentUntil: null, lapsesOn: null, basis: null, reasons: ['no_dbs'] });
	});
});

describe('vettingLapsesDuring', () => {
	const v = vetting({ certificateOn: '2024-01-15' }); // current to 14 January 2027, lapses on the 15th

	it('finds a lapse inside the match, keyed by the match and the day', () => {
		expect(vettingLapsesDuring(v, rules, ON, '2027-06-01', 'm1')).toEqual({ key: 'vetting:m1:2027-01-15', lapsesOn: '2027-01-15', alreadyLapsed: false });
		expect(vettingLapsesDuring(v, rules, ON, '2027-06-01')?.key).toBe('vetting:2027-01-15');
	});

	it('includes a lapse on the last day of the window, not the day after', () => {
		expect(vettingLapsesDuring(v, rules, ON, '2027-01-15')?.lapsesOn).toBe('2027-01-15');
		expect(vettingLapsesDuring(v, rules, ON, '2027-01-14')).toBeNull();
	});

	it('gives the same key every day once lapsed, so a daily job raises one task', () => {
		const first = vettingLapsesDuring(v, rules, '2027-01-20', '2027-03-01', 'm1');
		const later = vettingLapsesDuring(v, rules, '2027-02-10', '2027-04-01', 'm1');
		expect(first).toEqual({ key: 'vetting:m1:2027-01-15', lapsesOn: '2027-01-15', alreadyLapsed: true });
		expect(later).toEqual(first);
	});

	it('gives a new key after a renewal that lapses later, and none if it outlasts the match', () => {
		expect(vettingLapsesDuring({ ...v, updateServiceCheckedOn: '2026-09-01' }, rules, ON, '2028-01-01', 'm1')?.key).toBe('vetting:m1:2027-09-01');
		expect(vettingLapsesDuring({ ...v, updateServiceCheckedOn: '2026-09-01' }, rules, ON, '2027-06-01', 'm1')).toBeNull();
	});

	it('flags a match with no certificate at all, with a stable key', () => {
		expect(vettingLapsesDuring(vetting({ certificateOn: null }), rules, ON, '2027-01-01', 'm1')).toEqual({ key: 'vetting:m1:no_dbs', lapsesOn: null, alreadyLapsed: true });
	});
});
