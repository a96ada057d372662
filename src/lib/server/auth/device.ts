/** "Chrome on Android": enough for a person to recognise their own sessions, nothing more kept. */
export function describeDevice(userAgent: string | null): string {
	const ua = userAgent ?? '';
	const browser = /SamsungBrowser/.test(ua)
		? 'Samsung Internet'
		: /Edg\//.test(ua)
			? 'Edge'
			: /Firefox\//.test(ua)
				? 'Firefox'
				: /Chrome\/|Chromium\//.test(ua)
					? 'Chrome'
					: /Safari\//.test(ua)
						? 'Safari'
						: 'A browser';
	const system = /Android/.test(ua)
		? 'Android'
		: /iPhone|iPad/.test(ua)
			? 'iPhone or iPad'
			: /Windows/.test(ua)
				? 'Windows'
				: /Mac OS X/.test(ua)
					? 'Mac'
					: /Linux/.test(ua)
						? 'Linux'
						: 'an unknown device';
	return `${browser} on ${system}`;
}
