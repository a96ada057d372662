import { describe, expect, it } from 'vitest';
import { ACCOUNT_RULES, ADDRESS_RULES, afterFailure, afterSuccess, EMPTY_STATE, isAllowed, nextAllowedAt, type ThrottleState } from './throttle-rules';

const S = 1000;
const t0 = Date.parse('2026-11-24T10:00:00Z');

function fail(times: number, rules = ACCOUNT_RULES, start = t0, gap = 0): ThrottleState {
	let state = EMPTY_STATE;
	for (let i = 0; i < times; i++) state = afterFailure(state, rules, start + i * gap);
	return state;
}

describe('account throttle', () => {
	it('lets the first attempt through and the second straight away', () => {
		expect(isAllowed(EMPTY_STATE, ACCOUNT_RULES, t0)).toBe(true);
		expect(isAllowed(fail(1), ACCOUNT_RULES, t0)).toBe(true);
	});

	it('waits longer after each failure, up to five minutes', () => {
		const waits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15].map((n) => (nextAllowedAt(fail(n), ACCOUNT_RULES) - t0) / S);
		expect(waits).toEqual([0, 1, 2, 4, 8, 16, 30, 60, 180, 300, 300]);
	});

	it('allows at most 20 failures in an hour, however slowly they come', () => {
		const slow = fail(20, ACCOUNT_RULES, t0, 2 * 60 * S); // the 20th at 38 minutes
		expect(isAllowed(slow, ACCOUNT_RULES, t0 + 50 * 60 * S)).toBe(false);
		expect(nextAllowedAt(slow, ACCOUNT_RULES)).toBe(t0 + 60 * 60 * S);
	});

	it('starts a new hour once the old one has passed', () => {
		const state = fail(20, ACCOUNT_RULES, t0, 0);
		const later = afterFailure(state, ACCOUNT_RULES, t0 + 61 * 60 * S);
		expect(later.windowCount).toBe(1);
		expect(later.windowStart).toBe(t0 + 61 * 60 * S);
	});

	it('clears the wait after a success, keeping the hourly count', () => {
		const state = afterSuccess(fail(8));
		expect(isAllowed(state, ACCOUNT_RULES, t0)).toBe(true);
		expect(state.windowCount).toBe(8);
	});
});

describe('address throttle', () => {
	it('refuses the 11th failure within a minute and allows it after', () => {
		const state = fail(10, ADDRESS_RULES, t0, S);
		expect(isAllowed(fail(9, ADDRESS_RULES, t0, S), ADDRESS_RULES, t0 + 9 * S)).toBe(true);
		expect(isAllowed(state, ADDRESS_RULES, t0 + 10 * S)).toBe(false);
		expect(isAllowed(state, ADDRESS_RULES, t0 + 60 * S)).toBe(true);
	});
});
