/**
 * The outbox's clocks, apart from its rules (./outbox-rules.ts) so the panel shown on every page
 * can use them without bringing in the validation library: first-load JavaScript has a budget.
 */
/** Unsent for longer than this, the person is told to find signal or tell someone another way. */
export const WARN_AFTER_MS = 24 * 60 * 60 * 1000;
/** How long a "sent" tick stays on the list after the server took the entry. */
export const SENT_KEPT_MS = 24 * 60 * 60 * 1000;

export const isOverdue = (entry: { createdAt: number }, now: number): boolean => now - entry.createdAt > WARN_AFTER_MS;
