/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkOnly } from 'workbox-strategies';
import { renderOfflinePage } from '$lib/pwa/offline-page';
import { readOutbox, readSummaries, readWords, recentlySent } from '$lib/pwa/store';
import { installPush } from '$lib/pwa/sw-push';

/**
 * Harbour's service worker (Workbox). What it caches is only what anybody could download:
 * the app's own code, styles, icons and an offline page. Pages are never stored, because they
 * hold personal and safeguarding information: they always come from the network, and without a
 * connection the offline page answers instead. That page is filled in here from IndexedDB (see
 * $lib/pwa/store): forms waiting to send and, only on a young person's own phone, their summary.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
installPush(sw); // web push: show alerts, open Harbour on a tap (src/lib/pwa/sw-push.ts)

// Precache the shell: static files and the stylesheets (small). Code chunks are cached as they are used.
precacheAndRoute([
	...files.filter((f) => !f.endsWith('robots.txt')).map((url) => ({ url, revision: version })),
	...build.filter((f) => f.endsWith('.css') || f.includes('/entry/')).map((url) => ({ url, revision: null }))
]);
cleanupOutdatedCaches();

// Immutable, content-hashed code: from the cache once fetched; old versions expire.
registerRoute(
	({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/_app/immutable/'),
	new CacheFirst({ cacheName: `code-${version}`, plugins: [new ExpirationPlugin({ maxEntries: 150, purgeOnQuotaError: true })] })
);

// Pages and page data: network only, never cached.
registerRoute(new NavigationRoute(new NetworkOnly()));
registerRoute(({ url, sameOrigin }) => sameOrigin && url.pathname.endsWith('/__data.json'), new NetworkOnly());

async function offlinePage(): Promise<Response> {
	const cached = await caches.match('/offline.html', { ignoreSearch: true });
	if (!cached) return Response.error();
	const template = await cached.text();
	let html = template;
	try {
		const [{ entries, quarantined }, sent, summaries, words] = await Promise.all([readOutbox(), recentlySent(), readSummaries(), readWords()]);
		html = renderOfflinePage(template, { entries, sent, quarantined, summaries, words, now: Date.now() });
	} catch {
		// IndexedDB unavailable (private mode, storage cleared): the plain offline page still helps.
	}
	return new Response(html, {
		status: 200,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'cache-control': 'no-store',
			'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
		}
	});
}

setCatchHandler(async ({ request }) => {
	if (request.destination === 'document' || request.mode === 'navigate') return offlinePage();
	return Response.error();
});

sw.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

// Old caches from earlier versions of the code go when this version takes over.
sw.addEventListener('activate', (event) => {
	event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('code-') && k !== `code-${version}`).map((k) => caches.delete(k)))));
});
