import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Checkboxes from './form/Checkboxes.svelte';
import DateInput from './form/DateInput.svelte';
import ErrorSummary from './form/ErrorSummary.svelte';
import MoneyInput from './form/MoneyInput.svelte';
import Radios from './form/Radios.svelte';
import Textarea from './form/Textarea.svelte';
import TextInput from './form/TextInput.svelte';
import SummaryList from './SummaryList.svelte';
import Tag from './Tag.svelte';

// The GOV.UK Frontend markup contract: ids, -hint/-error, aria-describedby, values kept, no `required`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each component's own Props are checked where it is used
const html = (component: Component<any>, props: Record<string, unknown>) => render(component, { props }).body;

describe('form components', () => {
	it('TextInput links its hint and error and keeps the value', () => {
		const out = html(TextInput, { id: 'email', label: 'Email address', hint: 'We will not share it', error: 'Enter an email address', value: 'sam@' });
		expect(out).toContain('<label class="govuk-label" for="email">Email address</label>');
		expect(out).toContain('id="email-hint"');
		expect(out).toMatch(/<p class="govuk-error-message" id="email-error">\s*<span class="govuk-visually-hidden">Error:<\/span>/);
		expect(out).toContain('aria-describedby="email-hint email-error"');
		expect(out).toContain('aria-invalid="true"');
		expect(out).toContain('value="sam@"');
		expect(out).toContain('govuk-form-group--error');
		expect(out).not.toContain('required');
	});

	it('TextInput without hint or error has no describedby', () => {
		const out = html(TextInput, { id: 'name', label: 'Name' });
		expect(out).not.toContain('aria-describedby');
		expect(out).not.toContain('govuk-form-group--error');
	});

	it('Textarea keeps what was typed, escaped', () => {
		const out = html(Textarea, { id: 'note', label: 'Note', value: '<b>hi</b> & bye', error: 'Too long' });
		expect(out).toContain('&lt;b>hi&lt;/b> &amp; bye');
		expect(out).toContain('aria-describedby="note-error"');
	});

	it('Radios give the first radio the field id, check the chosen value and mark the language', () => {
		const out = html(Radios, {
			id: 'locale',
			legend: 'Language',
			value: 'ar',
			items: [
				{ value: 'en', label: 'English', lang: 'en' },
				{ value: 'ar', label: 'العربية', lang: 'ar' }
			]
		});
		expect(out).toContain('id="locale"');
		expect(out).toContain('id="locale-2"');
		expect(out).toMatch(/value="ar"[^>]*checked/);
		expect(out).toContain('lang="ar"');
	});

	it('Checkboxes tick every chosen value', () => {
		const out = html(Checkboxes, { id: 'share', legend: 'Share', values: ['a', 'c'], items: ['a', 'b', 'c'].map((v) => ({ value: v, label: v.toUpperCase() })) });
		expect(out.match(/checked/g)).toHaveLength(2);
		expect(out).toContain('id="share-3"');
	});

	it('DateInput has three labelled boxes and marks only the wrong ones', () => {
		const out = html(DateInput, { id: 'from', legend: 'Start date', error: 'Enter a year', errorParts: ['year'], values: { day: '1', month: '4', year: '' } });
		for (const part of ['day', 'month', 'year']) expect(out).toContain(`id="from-${part}"`);
		expect(out).toContain('name="from-day"');
		expect(out.match(/govuk-input--error/g)).toHaveLength(1);
		expect(out).toContain('inputmode="numeric"');
		expect(out).toContain('value="1"');
	});

	it('MoneyInput shows £, asks for a decimal keyboard and keeps the typed text', () => {
		const out = html(MoneyInput, { id: 'amount', label: 'How much, in pounds', value: '240.505', error: 'Use no more than 2 decimal places' });
		expect(out).toContain('£');
		expect(out).toContain('inputmode="decimal"');
		expect(out).toContain('value="240.505"');
		expect(out).toContain('aria-describedby="amount-error"');
	});

	it('ErrorSummary links each message to its field, inside an alert', () => {
		const out = html(ErrorSummary, { errors: [{ field: 'email', message: 'Enter your email address' }] });
		expect(out).toContain('role="alert"');
		expect(out).toContain('<a href="#email">Enter your email address</a>');
		expect(out).toContain('tabindex="-1"');
		expect(html(ErrorSummary, { errors: [] })).not.toContain('govuk-error-summary');
	});
});

describe('display components', () => {
	it('SummaryList renders keys and values with hidden action text', () => {
		const out = html(SummaryList, { rows: [{ key: 'Name', value: 'Amira', action: { href: '/x', text: 'Change', hiddenText: 'name' } }] });
		expect(out).toContain('<dt class="govuk-summary-list__key">Name</dt>');
		expect(out).toContain('<span class="govuk-visually-hidden"> name</span>');
	});

	it('Tag carries its colour', () => {
		expect(html(Tag, { text: 'Cover', colour: 'yellow' })).toContain('govuk-tag--yellow');
	});
});
