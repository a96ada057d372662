import { describe, expect, it } from 'vitest';
import { isOverdue, WARN_AFTER_MS } from './outbox-clock';
import { judgeReply, readEntry, sendable, type OutboxEntry } from './outbox-rules';

const entry = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
	opId: 'op-0000000001',
	userId: 'aaaaaaaaaaaaaaaa',
	kind: 'contact_log',
	action: '/mentees/bbbbbbbbbbbbbbbb?/log',
	fields: [
		['operation', 'op-0000000001'],
		['mode', 'call']
	],
	label: 'A contact with Amira',
	createdAt: 1_000,
	attempts: 0,
	state: 'waiting',
	...over
});

describe('judging a reply to a replayed form', () => {
	it('counts only what the server took as sent', () => {
		expect(judgeReply(200, { type: 'success', status: 200 })).toEqual({ kind: 'sent' });
		expect(judgeReply(200, { type: 'redirect', status: 303, location: '/me/housing/abc?raised=1' })).toEqual({ kind: 'sent', location: '/me/housing/abc?raised=1' });
	});

	it('keeps it when there is no connection, the server is down or busy, or the reply is not Harbour’s', () => {
		expect(judgeReply(null, null)).toEqual({ kind: 'wait', why: 'offline' });
		expect(judgeReply(500, { type: 'error', error: { message: 'error' } })).toEqual({ kind: 'wait', why: 'server' });
		expect(judgeReply(502, null)).toEqual({ kind: 'wait', why: 'server' });
		expect(judgeReply(503, null)).toEqual({ kind: 'wait', why: 'server' });
		expect(judgeReply(429, { type: 'error' })).toEqual({ kind: 'wait', why: 'server' });
		// A captive portal's page, or a proxy's: 200 but not an action reply.
		expect(judgeReply(200, null)).toEqual({ kind: 'wait', why: 'server' });
		expect(judgeReply(200, { type: 'something else' })).toEqual({ kind: 'wait', why: 'server' });
	});

	it('keeps it, never drops it, when the session has expired: it goes after the next sign-in', () => {
		expect(judgeReply(401, { type: 'error' })).toEqual({ kind: 'wait', why: 'signed_out' });
		expect(judgeReply(200, { type: 'redirect', status: 303, location: '/?returnTo=%2Fme%2Fcheck-in' })).toEqual({ kind: 'wait', why: 'signed_out' });
		expect(judgeReply(200, { type: 'redirect', status: 303, location: '/sign-in' })).toEqual({ kind: 'wait', why: 'signed_out' });
	});

	it('asks for the person’s attention when the server will never take it as it is', () => {
		expect(judgeReply(403, { type: 'error', error: { message: 'match_ended' } })).toEqual({ kind: 'attention', reason: 'match_ended' });
		expect(judgeReply(403, { type: 'error', error: { message: 'forbidden' } })).toEqual({ kind: 'attention', reason: 'not_allowed' });
		expect(judgeReply(404, { type: 'error', error: { message: 'not_found' } })).toEqual({ kind: 'attention', reason: 'not_allowed' });
		expect(judgeReply(200, { type: 'failure', status: 400, data: '[]' })).toEqual({ kind: 'attention', reason: 'not_accepted' });
		expect(judgeReply(415, { type: 'error' })).toEqual({ kind: 'attention', reason: 'not_accepted' });
	});
});

describe('what is sent, and in what order', () => {
	it('sends only the signed-in person’s waiting entries, oldest first', () => {
		const mine = [entry({ opId: 'op-second-1', createdAt: 20 }), entry({ opId: 'op-first-01', createdAt: 10 })];
		const theirs = entry({ opId: 'op-theirs-1', userId: 'cccccccccccccccc', createdAt: 5 });
		const stuck = entry({ opId: 'op-stuck-01', createdAt: 1, state: 'attention', reason: 'match_ended' });
		expect(sendable([...mine, theirs, stuck], 'aaaaaaaaaaaaaaaa').map((e) => e.opId)).toEqual(['op-first-01', 'op-second-1']);
	});

	it('warns after a day unsent', () => {
		expect(isOverdue({ createdAt: 0 }, WARN_AFTER_MS)).toBe(false);
		expect(isOverdue({ createdAt: 0 }, WARN_AFTER_MS + 1)).toBe(true);
	});
});

describe('reading a stored entry', () => {
	it('accepts a well-formed entry', () => {
		expect(readEntry(entry())).toEqual({ ok: true, entry: entry() });
	});

	it('refuses a broken one, which is then set aside rather than sent or left blocking the queue', () => {
		expect(readEntry(null).ok).toBe(false);
		expect(readEntry({ ...entry(), kind: 'payment' }).ok).toBe(false);
		expect(readEntry({ ...entry(), fields: 'operation=1' }).ok).toBe(false);
		expect(readEntry({ ...entry(), opId: 'x' }).ok).toBe(false);
	});

	it('never replays to an address outside Harbour’s own queueable forms', () => {
		for (const action of ['https://evil.example/steal', '//evil.example/x', '/account?/password', '/caseload/bbbbbbbbbbbbbbbb?/record', '/me/money?/ask']) {
			expect(readEntry({ ...entry(), action }).ok, action).toBe(false);
		}
		for (const action of ['/me/check-in', '/me/housing/new', '/mentees/bbbbbbbbbbbbbbbb?/log', '/mentees/bbbbbbbbbbbbbbbb/housing']) {
			expect(readEntry({ ...entry(), action }).ok, action).toBe(true);
		}
	});
});
