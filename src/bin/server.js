// Harbour's HTTP server: adapter-node's handler behind gzip/brotli compression (adapter-node only
// precompresses static files; pages would otherwise go out uncompressed to phones on little data).
// Usage: node src/bin/server.js [build|build-demo]   (PORT, HOST as for adapter-node)
import compression from 'compression';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib.js';

/**
 * @param {string} buildDir
 * @param {{ port?: number, host?: string }} [options]
 */
export async function serve(buildDir, { port = Number(process.env.PORT ?? 3000), host = process.env.HOST ?? '0.0.0.0' } = {}) {
	process.env.MIGRATIONS_DIR ??= resolve(ROOT, 'drizzle');
	// Importing the handler runs the server's init hook, which opens and checks the database.
	const { handler } = await import(pathToFileURL(join(ROOT, buildDir, 'handler.js')).href);
	const compress = compression({ threshold: 1024 });
	const server = createServer((req, res) =>
		// compression is written for Express, but only uses Node's own request and response.
		compress(/** @type {any} */ (req), /** @type {any} */ (res), () => handler(req, res))
	);
	server.keepAliveTimeout = 5000;
	await new Promise((ready) => server.listen(port, host, () => ready(undefined)));
	console.log(`Listening on http://${host}:${port}`);
	const stop = () => {
		server.close(() => process.exit(0));
		server.closeIdleConnections();
		setTimeout(() => process.exit(0), Number(process.env.SHUTDOWN_TIMEOUT ?? 30) * 1000).unref();
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
	return server;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	await serve(process.argv[2] ?? 'build');
}
