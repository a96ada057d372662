import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './src/lib/i18n/paraglide-options.js';

const demo = process.env.HARBOUR_DEMO === '1';

export default defineConfig({
	// Under vitest the messages are compiled once by `npm run i18n`; the plugin's file watcher would keep vitest alive.
	plugins: process.env.VITEST ? [sveltekit()] : [sveltekit(), paraglideVitePlugin(paraglideOptions)],
	define: {
		// Compile-time switch: in `build/` (npm start) every `if (__DEMO__)` branch is dead code and removed.
		__DEMO__: JSON.stringify(demo)
	},
	css: {
		preprocessorOptions: {
			scss: {
				quietDeps: true,
				loadPaths: ['node_modules'],
				silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'if-function']
			}
		}
	},
	// No module-preload helper for dynamic imports: the one dynamic import (the service worker's
	// registration, after load) has no dependencies worth preloading, and the helper cost ~0.4 KB gz on every page.
	build: { target: 'es2022', modulePreload: false },
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
