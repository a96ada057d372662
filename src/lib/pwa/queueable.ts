import { page } from '$app/state';
import type { SubmitFunction } from '@sveltejs/kit';
import { enqueue } from './outbox';
import type { OutboxKind } from './outbox-rules';

/**
 * `use:enhance` for the forms that must work without signal: a contact log, a check-in, a worry
 * about a home. Online, the form goes as usual. Offline, or when the request cannot reach the
 * server, it is saved on the phone (./outbox.ts) and sent later, once. The outbox is a static
 * import here, so a page with such a form has everything it needs already loaded when the signal
 * goes. Without JavaScript none of this runs and the form posts as a plain form.
 */
export function queueable(kind: OutboxKind, label: () => string, options: { reset?: boolean; onqueued: (operation: string) => void }): SubmitFunction {
	return ({ formData, action, cancel }) => {
		const userId = (page.data as { account?: { id: string } | null }).account?.id;
		const save = async () => {
			const fields = [...formData].filter((pair): pair is [string, string] => typeof pair[1] === 'string');
			await enqueue({ kind, action: action.pathname + action.search, fields, label: label(), userId: userId! });
			// Ready for the next one: the page draws the form afresh (its defaults, not blanks) with a
			// new operation id, as it does after a form sent online.
			options.onqueued(crypto.randomUUID());
		};
		if (userId && navigator.onLine === false) {
			cancel();
			return save();
		}
		return async ({ result, update }) => {
			// A fetch that never reached the server: SvelteKit reports an error with no status.
			if (userId && result.type === 'error' && !(result as { status?: number }).status) return save();
			await update({ reset: options.reset });
		};
	};
}
