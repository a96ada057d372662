/**
 * Sign-in throttling, as pure rules (security.md §1.9, C7): checked before any password is hashed.
 * Per account: a growing wait after each failure (Lucia's ladder, capped at 5 minutes) and at most
 * 20 failures an hour. Per address: at most 10 failures a minute. A success clears the account's ladder.
 */
export interface ThrottleRules {
	/** Seconds to wait after 1, 2, 3… consecutive failures (the last value repeats). */
	delays: readonly number[];
	windowMs: number;
	maxInWindow: number;
}

export const ACCOUNT_RULES: ThrottleRules = {
	delays: [0, 1, 2, 4, 8, 16, 30, 60, 180, 300],
	windowMs: 60 * 60_000,
	maxInWindow: 20
};

export const ADDRESS_RULES: ThrottleRules = { delays: [0], windowMs: 60_000, maxInWindow: 10 };

/** Starting a passkey sign-in (asking for a challenge), per address: 30 a minute (finding 12.10). */
export const PASSKEY_START_RULES: ThrottleRules = { delays: [0], windowMs: 60_000, maxInWindow: 30 };

export interface ThrottleState {
	consecutive: number;
	lastFailureAt: number;
	windowStart: number;
	windowCount: number;
}

export const EMPTY_STATE: ThrottleState = { consecutive: 0, lastFailureAt: 0, windowStart: 0, windowCount: 0 };

/** When the next attempt may be made (ms since epoch); `now` or earlier means it may be made now. */
export function nextAllowedAt(state: ThrottleState, rules: ThrottleRules): number {
	const delay = state.consecutive === 0 ? 0 : (rules.delays[Math.min(state.consecutive, rules.delays.length) - 1] ?? 0);
	const ladder = state.lastFailureAt + delay * 1000;
	const windowFull = state.windowCount >= rules.maxInWindow ? state.windowStart + rules.windowMs : 0;
	return Math.max(ladder, windowFull);
}

export function isAllowed(state: ThrottleState, rules: ThrottleRules, now: number): boolean {
	return nextAllowedAt(state, rules) <= now;
}

export function afterFailure(state: ThrottleState, rules: ThrottleRules, now: number): ThrottleState {
	const freshWindow = now >= state.windowStart + rules.windowMs;
	return {
		consecutive: state.consecutive + 1,
		lastFailureAt: now,
		windowStart: freshWindow ? now : state.windowStart,
		windowCount: freshWindow ? 1 : state.windowCount + 1
	};
}

/** A success ends the wait but keeps the hour's count, so guessing between real sign-ins still hits the cap. */
export function afterSuccess(state: ThrottleState): ThrottleState {
	return { ...state, consecutive: 0 };
}
