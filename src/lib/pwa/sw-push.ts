/// <reference lib="webworker" />
/**
 * The service worker's side of web push: show what arrives, and open Harbour where it points.
 * The payload is only {title, body, url} (no names, no details: see server/notify/alerts.ts);
 * anything else in it is ignored, and the only pages it can open are this site's own.
 */

const ICON = '/icons/icon-192.png';

/** A same-origin path to open, from whatever a push carried (anything else: the start page). Pure. */
export function safePath(value: unknown, origin: string): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
	try {
		const url = new URL(value, origin);
		return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : '/';
	} catch {
		return '/';
	}
}

/** The words to show, from a push's data (bounded, plain text; defaults if missing). Pure. */
export function pushContent(data: unknown, origin: string): { title: string; body: string; url: string } {
	const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
	const text = (v: unknown, fallback: string, max: number) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : fallback);
	return { title: text(d.title, 'Harbour', 120), body: text(d.body, 'Open Harbour to read it.', 240), url: safePath(d.url, origin) };
}

export function installPush(sw: ServiceWorkerGlobalScope): void {
	const origin = sw.location.origin;

	sw.addEventListener('push', (event) => {
		let data: unknown = null;
		try {
			data = event.data?.json();
		} catch {
			data = null;
		}
		const { title, body, url } = pushContent(data, origin);
		event.waitUntil(sw.registration.showNotification(title, { body, icon: ICON, badge: ICON, data: { url }, lang: 'en' }));
	});

	sw.addEventListener('notificationclick', (event) => {
		event.notification.close();
		const url = safePath((event.notification.data as { url?: unknown } | null)?.url, origin);
		event.waitUntil(
			(async () => {
				const windows = (await sw.clients.matchAll({ type: 'window', includeUncontrolled: true })).filter((c) => new URL(c.url).origin === origin);
				const open = windows.find((c) => c.focused) ?? windows[0];
				if (open) {
					const focused = await open.focus();
					// navigate() works for windows this worker controls; otherwise the focused window will do.
					await focused.navigate(url).catch(() => undefined);
					return;
				}
				await sw.clients.openWindow(url);
			})()
		);
	});
}
