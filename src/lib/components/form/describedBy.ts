/** The `aria-describedby` for a field: its hint, then its error, as GOV.UK Frontend does. */
export function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
	const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
	return ids.length > 0 ? ids.join(' ') : undefined;
}
