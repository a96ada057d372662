import adapter from '@sveltejs/adapter-node';

/**
 * Two builds come from one source: `build/` is what `npm start` serves, and `build-demo/`
 * (HARBOUR_DEMO=1 at build time) also contains the demo-only sign-in picker. The flag is
 * replaced at compile time (see vite.config.ts), so the picker's code is not in `build/` at all.
 */
const demo = process.env.HARBOUR_DEMO === '1';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: demo ? 'build-demo' : 'build', precompress: true }),
		alias: { $tests: 'tests' },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// SvelteKit's route announcer (a visually hidden live region) is the only inline style;
				// this allows exactly that one attribute and nothing else.
				'style-src': ['self', 'unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'form-action': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'frame-ancestors': ['none']
			}
		},
		// The stylesheet is not inlined: as an immutable, precompressed file it is fetched once and
		// cached, where inlined it cost ~10 KB on every page load and most of the server's time per page.
		version: { pollInterval: 0 },
		// Registered by the layout through workbox-window, lazily, so it costs nothing on first load.
		serviceWorker: { register: false }
	}
};

export default config;
