import { describe, expect, it } from 'vitest';
import { formatPence, MAX_PENCE, parsePounds } from './pounds';

describe('parsePounds', () => {
	it.each([
		['240', 24000],
		['£240', 24000],
		['£ 240', 24000],
		['240.5', 24050],
		['240.50', 24050],
		['0.01', 1],
		['1,200', 120000],
		['£3,000.00', 300000],
		['100000', MAX_PENCE],
		['  12  ', 1200],
		['007', 700]
	])('reads %s as %i pence', (input, pence) => {
		expect(parsePounds(input)).toEqual({ ok: true, pence });
	});

	it.each([
		['', 'empty'],
		['   ', 'empty'],
		['£', 'empty'],
		['abc', 'not_a_number'],
		['12abc', 'not_a_number'],
		['1,2', 'not_a_number'],
		['1.2.3', 'not_a_number'],
		['1e5', 'not_a_number'],
		['-', 'not_a_number'],
		['240.555', 'too_many_decimals'],
		['0.001', 'too_many_decimals'],
		['-5', 'negative'],
		['-£5', 'negative'],
		['£-5', 'negative'],
		['100000.01', 'too_large'],
		['99999999999999', 'too_large']
	])('refuses %j: %s', (input, error) => {
		expect(parsePounds(input)).toEqual({ ok: false, error });
	});
});

describe('formatPence', () => {
	it('shows whole pounds without pence', () => {
		expect(formatPence(300000)).toBe('£3,000');
	});
	it('shows pence when there are some', () => {
		expect(formatPence(24050)).toBe('£240.50');
	});
	it('shows a negative correction', () => {
		expect(formatPence(-1000)).toBe('-£10');
	});
	it('refuses fractions of a penny', () => {
		expect(() => formatPence(1.5)).toThrow(RangeError);
	});
});
