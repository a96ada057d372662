// ESLint (flat config), kept under tests/ so the project root stays as agreed; run with
// `eslint -c tests/eslint.config.js` (see package.json). Paths are relative to the project root.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from '../svelte.config.js';

export default ts.config(
	{
		ignores: ['build/', 'build-demo/', '**/.svelte-kit/', 'node_modules/', 'src/lib/paraglide/', 'test-results/', 'data/', 'drizzle/meta/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node, __DEMO__: 'readonly' },
			parserOptions: { projectService: { allowDefaultProject: ['drizzle/*.ts', 'src/service-worker.ts'] }, tsconfigRootDir: process.cwd(), extraFileExtensions: ['.svelte'] }
		},
		rules: {
			curly: ['error', 'multi-line'],
			'no-undef': 'off', // TypeScript does this better
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'svelte/button-has-type': 'error',
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } }
	},
	{
		// Plain-JS scripts and configs are outside the TypeScript project; lint them without type information.
		files: ['**/*.js'],
		...ts.configs.disableTypeChecked
	}
);
