import nodemailer, { type Transporter } from 'nodemailer';
import { getConfig } from '../config';
import { log } from '../log';

let transport: Transporter | null | undefined;
let override: string | null | undefined;

/** Points email at another SMTP server (tests start their own on 127.0.0.1). */
export function useSmtpServer(url: string | null): void {
	override = url;
	transport = undefined;
}

function transporter(): Transporter | null {
	if (transport !== undefined) return transport;
	const SMTP_URL = override !== undefined ? override : getConfig().SMTP_URL;
	// Short timeouts: a mail server that hangs must not hold up the person raising a worry.
	if (!SMTP_URL) return (transport = null);
	const url = new URL(SMTP_URL);
	transport = nodemailer.createTransport({
		host: url.hostname,
		port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
		secure: url.protocol === 'smtps:',
		auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
		connectionTimeout: 5_000,
		greetingTimeout: 5_000,
		socketTimeout: 10_000
	});
	return transport;
}

export interface Email {
	to: string;
	subject: string;
	/** Plain text only: no names of third parties, no case notes; a link back into Harbour for the details. */
	text: string;
}

/**
 * Sends one email and waits for the SMTP server to accept it. Failures are logged and reported
 * (the in-app notification is the record; email is a nudge), never thrown at the person acting.
 */
export async function sendEmail(email: Email): Promise<'sent' | 'not_configured' | 'failed'> {
	const t = transporter();
	if (!t) {
		log.info({ to: email.to, subject: email.subject }, 'email not sent: SMTP_URL is not set');
		return 'not_configured';
	}
	try {
		await t.sendMail({ from: getConfig().MAIL_FROM, ...email });
		return 'sent';
	} catch (error) {
		log.error({ err: error, subject: email.subject }, 'email failed');
		return 'failed';
	}
}

/**
 * What a push says: a title and a line that name nobody and tell nothing of the case (a phone's
 * lock screen is not private), and the Harbour page it opens. `urgent` asks the push service to
 * deliver it at once rather than when convenient for the battery.
 */
export type PushMessage = { title: string; body: string; url: string; urgent?: boolean };
/** Hooks other channels (web push: notify/push.ts) register to hear about events worth a nudge. */
export type PushHook = (userId: string, message: PushMessage) => Promise<void> | void;
const pushHooks: PushHook[] = [];
export function onPush(hook: PushHook): void {
	pushHooks.push(hook);
}
export async function push(userId: string, message: PushMessage): Promise<void> {
	for (const hook of pushHooks) {
		try {
			await hook(userId, message);
		} catch (error) {
			log.error({ err: error }, 'push hook failed');
		}
	}
}
