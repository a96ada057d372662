// One place for Paraglide's compiler options, shared by vite.config.ts and `npm run i18n`.
/** @type {{ project: string; outdir: string; strategy: ('cookie' | 'preferredLanguage' | 'baseLocale')[]; cookieName: string; cookieMaxAge: number; emitGitIgnore: boolean; emitPrettierIgnore: boolean }} */
export const paraglideOptions = {
	project: './src/lib/i18n/project.inlang',
	outdir: './src/lib/paraglide',
	// The person's own choice (cookie) first, then what their browser asks for, then English.
	strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
	cookieName: 'harbour_locale',
	cookieMaxAge: 60 * 60 * 24 * 400,
	emitGitIgnore: false,
	emitPrettierIgnore: false
};
