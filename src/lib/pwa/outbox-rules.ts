import * as z from 'zod/mini';

/**
 * The outbox's rules, kept pure so they are tested without a browser (security.md §3.1).
 * An entry is one form a person sent while Harbour could not reach the server: it is kept on the
 * device until the server answers 2xx, and the server makes each one count once by its operation
 * id (the `operation` field every queueable form carries).
 */
export const OUTBOX_KINDS = ['contact_log', 'check_in', 'housing_flag'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** Only Harbour's own form actions may be replayed, never another address. */
const ACTION_PATH = /^\/(mentees\/[a-z2-7]{16}(\/housing)?|me\/check-in|me\/housing\/new)(\?\/[a-zA-Z]+)?$/;

export const OutboxEntry = z.object({
	opId: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
	userId: z.string().check(z.regex(/^[a-z2-7]{16}$/)),
	kind: z.enum(OUTBOX_KINDS),
	action: z.string().check(z.regex(ACTION_PATH)),
	fields: z.array(z.tuple([z.string().check(z.maxLength(64)), z.string().check(z.maxLength(6000))])).check(z.maxLength(40)),
	/** What the person will recognise it by, in their language ("A contact with Amira"). */
	label: z.string().check(z.maxLength(200)),
	createdAt: z.number(),
	attempts: z.number(),
	state: z.enum(['waiting', 'attention']),
	reason: z.optional(z.enum(['match_ended', 'not_allowed', 'not_accepted']))
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;
export type AttentionReason = NonNullable<OutboxEntry['reason']>;

export type Verdict =
	/** The server has it (2xx): remove it from the outbox. */
	| { kind: 'sent'; location?: string }
	/** Try again later: no connection, the server is busy or down, or the person must sign in again. */
	| { kind: 'wait'; why: 'offline' | 'server' | 'signed_out' }
	/** The server will never take it as it is: keep it and show the person why. */
	| { kind: 'attention'; reason: AttentionReason };

/** Where Harbour sends someone who is not signed in (src/lib/server/auth/guards.ts). */
const SIGN_IN = /^\/(\?returnTo=|sign-in)/;

/**
 * Decides what a reply to a replayed form means. `body` is the parsed JSON of a SvelteKit action
 * reply (sent with `x-sveltekit-action: true`), or null when the reply was not JSON. Nothing is
 * ever counted as sent unless the server said so: a 401, a redirect to sign in or a 5xx keeps it.
 */
export function judgeReply(status: number | null, body: unknown): Verdict {
	if (status === null) return { kind: 'wait', why: 'offline' };
	const reply = body && typeof body === 'object' ? (body as { type?: unknown; location?: unknown; error?: { message?: unknown } }) : null;
	if (status === 401) return { kind: 'wait', why: 'signed_out' };
	if (status === 429 || status >= 500 || !reply) return { kind: 'wait', why: 'server' };
	if (status >= 200 && status < 300) {
		if (reply.type === 'redirect') {
			const location = typeof reply.location === 'string' ? reply.location : '';
			return SIGN_IN.test(location) ? { kind: 'wait', why: 'signed_out' } : { kind: 'sent', location };
		}
		if (reply.type === 'success') return { kind: 'sent' };
		if (reply.type === 'failure') return { kind: 'attention', reason: 'not_accepted' };
		return { kind: 'wait', why: 'server' };
	}
	if (status === 403 && reply.error?.message === 'match_ended') return { kind: 'attention', reason: 'match_ended' };
	if (status === 403 || status === 404 || status === 410) return { kind: 'attention', reason: 'not_allowed' };
	// 400, 405, 413, 415, 422 …: the request itself is wrong and resending will not mend it.
	return { kind: 'attention', reason: 'not_accepted' };
}

/** Entries the current person may send now: theirs, waiting, oldest first. Others' wait for them. */
export function sendable(entries: OutboxEntry[], userId: string): OutboxEntry[] {
	return entries.filter((e) => e.userId === userId && e.state === 'waiting').sort((a, b) => a.createdAt - b.createdAt || (a.opId < b.opId ? -1 : 1));
}

/** Reads a stored value as an entry, or says it is broken (it is then quarantined, never sent). */
export function readEntry(raw: unknown): { ok: true; entry: OutboxEntry } | { ok: false } {
	const parsed = OutboxEntry.safeParse(raw);
	return parsed.success ? { ok: true, entry: parsed.data } : { ok: false };
}
