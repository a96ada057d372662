// A real SMTP server for tests, on 127.0.0.1: it accepts every message and keeps it in memory.
// `listen()` gives its port and the messages; an optional HTTP port lets another process (the
// Playwright tests) read them as JSON, newest last.
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

/** @typedef {{ from: string, to: string[], subject: string, text: string, at: string }} Caught */

/** @param {string} raw */
function parse(raw) {
	const [head = '', ...body] = raw.split(/\r?\n\r?\n/);
	const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
	const header = (/** @type {string} */ name) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1]?.trim() ?? '';
	let text = body.join('\n\n');
	if (/quoted-printable/i.test(header('Content-Transfer-Encoding'))) text = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
	return { subject: header('Subject'), text };
}

/**
 * @param {{ smtpPort?: number, httpPort?: number }} [options]
 * @returns {Promise<{ port: number, messages: Caught[], close: () => Promise<void> }>}
 */
export async function listen(options = {}) {
	/** @type {Caught[]} */
	const messages = [];
	const smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, session, callback) {
			let raw = '';
			stream.setEncoding('utf8');
			stream.on('data', (chunk) => (raw += chunk));
			stream.on('end', () => {
				const { subject, text } = parse(raw);
				messages.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), subject, text, at: new Date().toISOString() });
				callback();
			});
		}
	});
	await new Promise((ready) => smtp.listen(options.smtpPort ?? 0, '127.0.0.1', () => ready(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (smtp.server.address());
	const http = options.httpPort
		? createServer((_req, res) => {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify(messages));
			})
		: null;
	if (http) await new Promise((ready) => http.listen(options.httpPort, '127.0.0.1', () => ready(undefined)));
	return {
		port: address.port,
		messages,
		close: async () => {
			await new Promise((done) => smtp.close(() => done(undefined)));
			if (http) await new Promise((done) => http.close(() => done(undefined)));
		}
	};
}
