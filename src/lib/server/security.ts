/**
 * Request screening that SvelteKit leaves to us (security.md finding 3): its own CSRF check only
 * covers form content types, so a cross-site JSON POST would get through. Pure, so it is unit-tested.
 */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const ALLOWED_CONTENT_TYPES = new Set([
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'application/json'
]);

export interface Screened {
	status: 403 | 415;
	message: string;
}

export function screenRequest(method: string, headers: Headers, origin: string): Screened | null {
	if (!UNSAFE_METHODS.has(method.toUpperCase())) return null;
	const sent = headers.get('origin');
	const site = headers.get('sec-fetch-site');
	const crossSite = sent !== null ? sent !== origin : site !== null ? site !== 'same-origin' : true;
	if (crossSite) return { status: 403, message: 'Cross-site requests are not allowed.' };
	const type = headers.get('content-type');
	const hasBody = type !== null || Number(headers.get('content-length') ?? 0) > 0 || headers.has('transfer-encoding');
	if (hasBody) {
		const essence = (type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
		if (!ALLOWED_CONTENT_TYPES.has(essence)) return { status: 415, message: 'This kind of request body is not accepted.' };
	}
	return null;
}

/** Headers on every dynamic response. Personal data must never sit in a shared or browser cache. */
export function securityHeaders(https: boolean): Record<string, string> {
	const headers: Record<string, string> = {
		'cache-control': 'private, no-store',
		'x-content-type-options': 'nosniff',
		'x-frame-options': 'DENY',
		'referrer-policy': 'same-origin',
		'permissions-policy':
			'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()',
		'cross-origin-opener-policy': 'same-origin',
		'cross-origin-resource-policy': 'same-origin'
	};
	if (https) headers['strict-transport-security'] = 'max-age=63072000; includeSubDomains';
	return headers;
}

/** A `?returnTo=` value we may redirect to: a path on this site only (no `//host`, no scheme). */
export function safeReturnPath(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
	// Only printable ASCII: a control character (a newline, say) could split a header, and a
	// character beyond ASCII ("。", a bidi override) cannot go in a Location header at all (it threw,
	// giving a 500) and is how look-alike hosts are made. A real path of ours is percent-encoded.
	if (!/^[\x21-\x7e]*$/.test(value)) return fallback;
	return value;
}

/**
 * A multipart body the platform cannot read (a missing boundary, parts cut short) made every form
 * action throw, a 500 with an error in the log. Read a copy first; if it does not parse, the request
 * is the sender's mistake: 400.
 */
export async function unreadableForm(request: Request): Promise<boolean> {
	if (!UNSAFE_METHODS.has(request.method.toUpperCase())) return false;
	const essence = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
	if (essence !== 'multipart/form-data' || request.body === null) return false;
	try {
		await request.clone().formData();
		return false;
	} catch {
		return true;
	}
}
