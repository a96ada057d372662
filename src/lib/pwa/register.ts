import { mount } from 'svelte';
import { Workbox } from 'workbox-window';
import UpdateBanner from './UpdateBanner.svelte';

/**
 * Registers the service worker (src/service-worker.ts) through workbox-window. Loaded only after
 * the page is up, so none of it counts against the first load. A new version is offered with a
 * polite banner and used only when the person presses reload.
 */
export function registerServiceWorker(dev: boolean): void {
	const wb = new Workbox('/service-worker.js', { type: dev ? 'module' : 'classic' });
	let reloadRequested = false;
	wb.addEventListener('waiting', () => {
		const root = document.querySelector('.hb-root') ?? document.body;
		mount(UpdateBanner, {
			target: root,
			anchor: root.firstChild ?? undefined,
			props: {
				onreload: () => {
					reloadRequested = true;
					wb.messageSkipWaiting();
				}
			}
		});
	});
	wb.addEventListener('controlling', () => {
		if (reloadRequested) location.reload();
	});
	void wb.register();
}
