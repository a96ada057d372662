import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkbox, choice, date, name, operationId, pounds, text, ticked, whole } from './fields';

/** The first error code a field gives for `value`, or its clean value. */
function read<S extends z.ZodType>(schema: S, value: unknown): { ok: true; value: z.output<S> } | { ok: false; code: string } {
	const parsed = schema.safeParse(value);
	return parsed.success ? { ok: true, value: parsed.data } : { ok: false, code: parsed.error.issues[0]!.message };
}

describe('text', () => {
	it('trims, allows empty unless told, and refuses more than the maximum', () => {
		expect(read(text({ max: 5 }), '  hi  ')).toEqual({ ok: true, value: 'hi' });
		expect(read(text({ max: 5 }), undefined)).toEqual({ ok: true, value: '' });
		expect(read(text({ max: 5, missing: 'note_missing' }), '   ')).toEqual({ ok: false, code: 'note_missing' });
		expect(read(text({ max: 5 }), 'abcdef')).toEqual({ ok: false, code: 'note_too_long' });
		expect(read(text({ max: 5, tooLong: 'item_too_long' }), 'abcdef')).toEqual({ ok: false, code: 'item_too_long' });
		// Exactly the maximum, counted after trimming, is fine.
		expect(read(text({ max: 5 }), ' abcde ')).toEqual({ ok: true, value: 'abcde' });
	});
});

describe('name', () => {
	it('strips the characters that could disguise a name (finding 12.11)', () => {
		expect(read(name(), 'Jo\u202Ehn')).toEqual({ ok: true, value: 'John' });
		expect(read(name(), '')).toEqual({ ok: false, code: 'name_missing' });
		expect(read(name({ max: 3 }), 'Amira')).toEqual({ ok: false, code: 'name_too_long' });
	});
});

describe('choice and ticked', () => {
	it('accepts only a listed value, with the form’s own code otherwise', () => {
		const kind = choice(['review', 'request'], 'pathway_kind_missing');
		expect(read(kind, 'review')).toEqual({ ok: true, value: 'review' });
		expect(read(kind, 'party')).toEqual({ ok: false, code: 'pathway_kind_missing' });
		expect(read(kind, undefined)).toEqual({ ok: false, code: 'pathway_kind_missing' });
	});

	it('reads none, one or several ticked boxes, dropping anything not offered', () => {
		const langs = ticked(['en', 'ar', 'so']);
		expect(read(langs, undefined)).toEqual({ ok: true, value: [] });
		expect(read(langs, 'ar')).toEqual({ ok: true, value: ['ar'] });
		expect(read(langs, ['ar', 'xx', 'so'])).toEqual({ ok: true, value: ['ar', 'so'] });
	});

	it('reads a checkbox as ticked or not', () => {
		expect(read(checkbox, 'yes')).toEqual({ ok: true, value: true });
		expect(read(checkbox, 'on')).toEqual({ ok: true, value: true });
		expect(read(checkbox, undefined)).toEqual({ ok: true, value: false });
		expect(read(checkbox, 'no')).toEqual({ ok: true, value: false });
	});
});

describe('pounds', () => {
	it('gives integer pence, with a code for each way an amount can be wrong', () => {
		expect(read(pounds(), '£1,200.50')).toEqual({ ok: true, value: 120_050 });
		expect(read(pounds(), '240')).toEqual({ ok: true, value: 24_000 });
		expect(read(pounds(), '0.1')).toEqual({ ok: true, value: 10 });
		expect(read(pounds(), '')).toEqual({ ok: false, code: 'money_empty' });
		expect(read(pounds(), 'ten')).toEqual({ ok: false, code: 'money_not_a_number' });
		expect(read(pounds(), '1.234')).toEqual({ ok: false, code: 'money_too_many_decimals' });
		expect(read(pounds(), '-5')).toEqual({ ok: false, code: 'money_negative' });
		expect(read(pounds(), '100000.01')).toEqual({ ok: false, code: 'money_too_large' });
		expect(read(pounds(), '0.00')).toEqual({ ok: false, code: 'money_zero' });
	});
});

describe('date', () => {
	const parts = (day: string, month: string, year: string) => ({ day, month, year });

	it('reads a real day, and null when all three boxes are empty', () => {
		expect(read(date(), parts('29', '2', '2024'))).toEqual({ ok: true, value: '2024-02-29' });
		expect(read(date(), parts(' 1 ', '12', '2026'))).toEqual({ ok: true, value: '2026-12-01' });
		expect(read(date(), parts('', '', ''))).toEqual({ ok: true, value: null });
		expect(read(date(), undefined)).toEqual({ ok: true, value: null });
		expect(read(date({ missing: 'date_missing' }), parts('', '', ''))).toEqual({ ok: false, code: 'date_missing' });
	});

	it('refuses a day that does not exist, or a part left out', () => {
		expect(read(date(), parts('29', '2', '2025'))).toEqual({ ok: false, code: 'date_invalid' });
		expect(read(date(), parts('31', '4', '2026'))).toEqual({ ok: false, code: 'date_invalid' });
		expect(read(date(), parts('1', '', '2026'))).toEqual({ ok: false, code: 'date_invalid' });
		expect(read(date(), parts('1', '1', '26'))).toEqual({ ok: false, code: 'date_invalid' });
	});

	it('keeps a day within bounds: not after today, not before they were born', () => {
		const rules = { notAfter: '2026-12-02', notBefore: '2008-02-29' };
		expect(read(date(rules), parts('2', '12', '2026'))).toEqual({ ok: true, value: '2026-12-02' });
		expect(read(date(rules), parts('3', '12', '2026'))).toEqual({ ok: false, code: 'date_future' });
		expect(read(date(rules), parts('29', '2', '2008'))).toEqual({ ok: true, value: '2008-02-29' });
		expect(read(date(rules), parts('28', '2', '2008'))).toEqual({ ok: false, code: 'date_before_birth' });
		expect(read(date({ notBefore: '2026-01-01', early: 'date_order' }), parts('31', '12', '2025'))).toEqual({ ok: false, code: 'date_order' });
	});
});

describe('whole', () => {
	it('reads a whole number within a range', () => {
		const minutes = whole({ min: 1, max: 600, notNumber: 'minutes_not_a_number', outOfRange: 'minutes_too_long', missing: 'minutes_not_a_number' });
		expect(read(minutes, '45')).toEqual({ ok: true, value: 45 });
		expect(read(minutes, 'lots')).toEqual({ ok: false, code: 'minutes_not_a_number' });
		expect(read(minutes, '1.5')).toEqual({ ok: false, code: 'minutes_not_a_number' });
		expect(read(minutes, '601')).toEqual({ ok: false, code: 'minutes_too_long' });
		expect(read(minutes, '')).toEqual({ ok: false, code: 'minutes_not_a_number' });
		expect(read(whole({ min: 0, max: 9 }), '')).toEqual({ ok: true, value: null });
	});
});

describe('operationId', () => {
	it('accepts the ids pages make and nothing that could be anything else', () => {
		expect(read(operationId, 'op_abc123XYZ-9')).toEqual({ ok: true, value: 'op_abc123XYZ-9' });
		expect(read(operationId, 'short')).toEqual({ ok: false, code: 'invalid' });
		expect(read(operationId, "x'; drop table--")).toEqual({ ok: false, code: 'invalid' });
		expect(read(operationId, undefined)).toEqual({ ok: false, code: 'invalid' });
		expect(read(operationId, 'a'.repeat(65))).toEqual({ ok: false, code: 'invalid' });
	});
});
