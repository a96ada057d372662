/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkOnly } from 'workbox-strategies';
import { installPush } from '$lib/pwa/sw-push';

/**
 * Harbour's service worker (Workbox). What it keeps is only what anybody could download:
 * the app's own code, styles, icons and an offline page. Pages are never stored, because they
 * hold personal and safeguarding information: they always come from the network, and without a
 * connection the offline page answers instead.
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

setCatchHandler(async ({ request }) => {
	if (request.destination === 'document' || request.mode === 'navigate') return (await caches.match('/offline.html', { ignoreSearch: true })) ?? Response.error();
	return Response.error();
});

sw.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

// Old caches from earlier versions of the code go when this version takes over.
sw.addEventListener('activate', (event) => {
	event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('code-') && k !== `code-${version}`).map((k) => caches.delete(k)))));
});
