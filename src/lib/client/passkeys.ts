import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';

/** Loaded only when someone presses a passkey button, so the library costs nothing on other pages. */
const browser = () => import('@simplewebauthn/browser');

async function post(url: string, body: unknown): Promise<{ status: number; data: Record<string, unknown> }> {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return { status: response.status, data: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

export async function passkeysAvailable(): Promise<boolean> {
	return (await browser()).browserSupportsWebAuthn();
}

/** Signs in with a passkey; resolves to where to go next, or throws with a reason code. */
export async function signInWithPasskey(endpoint: string): Promise<string> {
	const { startAuthentication } = await browser();
	const first = await post(endpoint, { step: 'options' });
	const response = await startAuthentication({ optionsJSON: first.data.options as PublicKeyCredentialRequestOptionsJSON });
	const second = await post(endpoint, { step: 'verify', response });
	if (second.status !== 200) throw new Error(String(second.data.error ?? 'failed'));
	return String(second.data.redirect ?? '/');
}

/** Makes a passkey on this device and sends it to `endpoint`; resolves to where to go next. */
export async function registerPasskey(endpoint: string, name: string): Promise<string> {
	const { startRegistration } = await browser();
	const first = await post(endpoint, { step: 'options' });
	if (first.status !== 200) throw new Error(String(first.data.error ?? 'failed'));
	const response = await startRegistration({ optionsJSON: first.data.options as PublicKeyCredentialCreationOptionsJSON });
	const second = await post(endpoint, { step: 'verify', response, name });
	if (second.status !== 200) throw new Error(String(second.data.error ?? 'failed'));
	return String(second.data.redirect ?? '/');
}
