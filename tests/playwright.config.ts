import { defineConfig, devices } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (no browser downloads here) against the built demo app,
// started fresh on 127.0.0.1 with its own seeded database. Four projects: phone and laptop, each
// with JavaScript on and off, because every core flow must work without JavaScript.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = Number(process.env.E2E_PORT ?? 4173);
// The server listens on 127.0.0.1; the browser calls it "localhost" because WebAuthn (passkeys)
// refuses an IP address as the relying party's id.
export const ORIGIN = `http://localhost:${PORT}`;

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const laptop = { viewport: { width: 1366, height: 768 } };

export default defineConfig({
	testDir: 'e2e',
	testMatch: '**/*.e2e.ts',
	outputDir: '../test-results/e2e',
	workers: 1, // two cores: one for the browser, one for the server
	fullyParallel: false,
	forbidOnly: Boolean(process.env.CI),
	retries: process.env.CI ? 1 : 0,
	timeout: 30_000,
	expect: { timeout: 5_000 },
	reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
	use: {
		baseURL: ORIGIN,
		headless: true,
		screenshot: 'only-on-failure',
		trace: 'off',
		locale: 'en-GB',
		// The server reads the client address from X-Forwarded-For (as behind the council's proxy),
		// so the sign-in throttling tests can act as different addresses.
		extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.7' },
		timezoneId: 'Europe/London',
		launchOptions: {
			executablePath: CHROMIUM,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-dev-shm-usage'
			]
		}
	},
	projects: [
		{ name: 'phone-js', use: { ...devices['Desktop Chrome'], ...phone, javaScriptEnabled: true } },
		{ name: 'phone-nojs', use: { ...devices['Desktop Chrome'], ...phone, javaScriptEnabled: false } },
		{ name: 'laptop-js', use: { ...devices['Desktop Chrome'], ...laptop, javaScriptEnabled: true } },
		{ name: 'laptop-nojs', use: { ...devices['Desktop Chrome'], ...laptop, javaScriptEnabled: false } }
	],
	webServer: {
		command: 'node tests/support/e2e-server.js',
		cwd: '..',
		url: `http://127.0.0.1:${PORT}/status`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: { PORT: String(PORT), HOST: '127.0.0.1', ORIGIN, LOG_LEVEL: 'warn', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }
	}
});
