import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { date, text } from '../domain/fields';
import type { Guarded } from './auth/guards';
import { errorsOf, formAction, formValues } from './forms';

function posted(fields: [string, string][]): RequestEvent {
	const body = new FormData();
	for (const [key, value] of fields) body.append(key, value);
	return { request: new Request('http://localhost/x', { method: 'POST', body }) } as unknown as RequestEvent;
}

function fakeGuard() {
	const audits: string[] = [];
	const g = { actor: { id: 'u', role: 'adviser' }, action: 'pathway.record', db: null, today: '2026-12-02', audit: (outcome: string) => audits.push(outcome) } as unknown as Guarded;
	return { g, audits };
}

describe('formValues', () => {
	it('keeps each field as typed, gathers a DateInput into one value and repeated boxes into a list', () => {
		const form = new FormData();
		form.append('note', ' hello ');
		form.append('on-day', '29');
		form.append('on-month', '2');
		form.append('on-year', '2024');
		form.append('languages', 'ar');
		form.append('languages', 'so');
		form.append('languages', 'en');
		expect(formValues(form)).toEqual({ note: ' hello ', on: { day: '29', month: '2', year: '2024' }, languages: ['ar', 'so', 'en'] });
	});

	it('cuts a field that is far too long before anything reads it, and ignores files', () => {
		const form = new FormData();
		form.append('note', 'x'.repeat(50_000));
		form.append('upload', new Blob(['secret']), 'a.txt');
		const values = formValues(form);
		expect((values.note as string).length).toBe(10_000);
		expect(values.upload).toBeUndefined();
	});
});

describe('errorsOf', () => {
	it('gives each field its first code, and "invalid" for a message that is not one of ours', () => {
		const schema = z.object({ a: text({ max: 1, missing: 'a_missing' }), b: z.number() });
		const parsed = schema.safeParse({ a: '', b: 'x' });
		expect(parsed.success).toBe(false);
		if (!parsed.success) expect(errorsOf(parsed.error.issues)).toEqual({ a: 'a_missing', b: 'invalid' });
	});
});

describe('formAction', () => {
	const schema = z.object({ note: text({ max: 5, missing: 'note_missing' }), on: date({ notAfter: '2026-12-02' }), password: text({ max: 100 }) });

	it('on bad input: records "invalid" once, answers 400 with what was typed (never a secret), and does not call the handler', async () => {
		const { g, audits } = fakeGuard();
		let called = false;
		const action = formAction({ form: 'thing', guard: () => g, schema, secret: ['password'] }, () => {
			called = true;
		});
		const result = await action(posted([['note', 'too long'], ['on-day', '3'], ['on-month', '12'], ['on-year', '2026'], ['password', 'hunter2hunter2']]));
		expect(called).toBe(false);
		expect(audits).toEqual(['invalid']);
		expect(result).toMatchObject({ status: 400, data: { form: 'thing', errors: { note: 'note_too_long', on: 'date_future' } } });
		const data = (result as { data: { values: Record<string, unknown> } }).data;
		expect(data.values).toEqual({ note: 'too long', on: { day: '3', month: '12', year: '2026' } });
	});

	it('on good input: hands the handler clean values and the guard, audits nothing itself', async () => {
		const { g, audits } = fakeGuard();
		const action = formAction({ form: 'thing', guard: () => g, schema: () => schema }, ({ data, g: given }) => ({ data, same: given === g }));
		const result = await action(posted([['note', ' hi '], ['on-day', '1'], ['on-month', '12'], ['on-year', '2026']]));
		expect(result).toEqual({ data: { note: 'hi', on: '2026-12-01', password: '' }, same: true });
		expect(audits).toEqual([]);
	});

	it('asks the guard before reading the form', async () => {
		const order: string[] = [];
		const action = formAction(
			{
				form: 'thing',
				guard: () => {
					order.push('guard');
					throw new Error('refused');
				},
				schema
			},
			() => order.push('handler')
		);
		await expect(action(posted([['note', 'x']]))).rejects.toThrow('refused');
		expect(order).toEqual(['guard']);
	});
});
