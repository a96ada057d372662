/**
 * The browser side of "Alerts on this phone", loaded only when the account page needs it (never on
 * a young person's first load). Asks permission, subscribes through the service worker, and tells
 * Harbour the subscription (or that it has gone). Every step can fail; each failure is a state the
 * page explains, never an exception.
 */
export type AlertsState = 'on' | 'off' | 'unsupported' | 'denied' | 'failed';

export function supported(): boolean {
	return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** The service worker's registration, or null if none takes charge soon (it registers after load). */
async function registration(): Promise<ServiceWorkerRegistration | null> {
	const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000));
	return Promise.race([navigator.serviceWorker.ready, timeout]);
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
	const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
	const raw = atob(base64);
	const bytes = new Uint8Array(new ArrayBuffer(raw.length));
	for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
	return bytes;
}

/** What this browser holds now: on only if it has a subscription and Harbour has it for this sign-in. */
export async function currentState(onHere: boolean): Promise<AlertsState> {
	if (!supported()) return 'unsupported';
	if (Notification.permission === 'denied') return 'denied';
	const reg = await navigator.serviceWorker.getRegistration();
	const sub = await reg?.pushManager.getSubscription();
	return sub && onHere ? 'on' : 'off';
}

export async function turnOn(publicKey: string): Promise<AlertsState> {
	if (!supported()) return 'unsupported';
	try {
		const permission = await Notification.requestPermission();
		if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'off';
		const reg = await registration();
		if (!reg) return 'failed';
		const key = keyBytes(publicKey);
		let sub = await reg.pushManager.getSubscription();
		// A subscription made with another key (the server's keys changed) cannot be reused.
		const same = sub?.options.applicationServerKey && new Uint8Array(sub.options.applicationServerKey).every((b, i) => b === key[i]);
		if (sub && !same) {
			await sub.unsubscribe();
			sub = null;
		}
		sub ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
		const response = await fetch('/account/push', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sub.toJSON()) });
		return response.ok ? 'on' : 'failed';
	} catch {
		return 'failed';
	}
}

export async function turnOff(): Promise<AlertsState> {
	try {
		const reg = await navigator.serviceWorker.getRegistration();
		const sub = await reg?.pushManager.getSubscription();
		if (sub) {
			const response = await fetch('/account/push', { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ endpoint: sub.endpoint }) });
			await sub.unsubscribe();
			if (!response.ok) return 'failed';
		}
		return 'off';
	} catch {
		return 'failed';
	}
}
