import { mount, unmount } from 'svelte';
import { Workbox } from 'workbox-window';
import InstallHint from './InstallHint.svelte';
import UpdateBanner from './UpdateBanner.svelte';

const DISMISSED = 'harbour-install-hint-dismissed';
type InstallPromptEvent = Event & { prompt: () => Promise<void> };

/**
 * The install hint: where the browser can install Harbour it says so (`beforeinstallprompt`);
 * on an iPhone, where there is no such event, it explains Add to Home Screen. Once dismissed (or
 * installed) it is not shown again on this device. Nothing personal is stored for it.
 */
export function offerInstall(): void {
	if (localStorage.getItem(DISMISSED) || matchMedia('(display-mode: standalone)').matches) return;
	const show = (prompt: (() => Promise<void>) | null) => {
		// At the end of the page's content, so it moves nothing the person is reading (no layout shift).
		const main = document.querySelector('#main-content') ?? document.body;
		const hint = mount(InstallHint, {
			target: main,
			props: {
				prompt,
				ondone: () => {
					localStorage.setItem(DISMISSED, '1');
					void unmount(hint);
				}
			}
		});
	};
	addEventListener(
		'beforeinstallprompt',
		(event) => {
			event.preventDefault();
			const e = event as InstallPromptEvent;
			show(() => e.prompt());
		},
		{ once: true }
	);
	const ios = /iPhone|iPad|iPod/.test(navigator.userAgent) && !(navigator as { standalone?: boolean }).standalone;
	if (ios) show(null);
}

/**
 * Registers the service worker (src/service-worker.ts) through workbox-window. Loaded only after
 * the page is up, so none of it counts against the first load. A new version is offered with a
 * polite banner and used only when the person presses reload.
 */
export function registerServiceWorker(dev: boolean, offerInstallHint = false): void {
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
	if (offerInstallHint) offerInstall();
}
