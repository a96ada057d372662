/**
 * The page side of the one form pattern (src/lib/server/forms.ts): when the server refused form
 * `name`, what was typed (to put back in each field) and a code for each field that was wrong.
 */
export type Refused<V> = { values: Partial<V>; errors: Record<string, string> };

export function refused<V = Record<string, string>>(form: unknown, name: string): Refused<V> | undefined {
	if (!form || typeof form !== 'object' || !('form' in form) || form.form !== name) return undefined;
	const { values, errors } = form as { values?: Partial<V>; errors?: Record<string, string> };
	return { values: values ?? {}, errors: errors ?? {} };
}
