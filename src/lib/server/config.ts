import { z } from 'zod';

/** Every environment variable Harbour reads (README has the table). Parsed once, at first use. */
const schema = z.object({
	DATABASE_PATH: z.string().min(1).default('data/harbour.db'),
	MIGRATIONS_DIR: z.string().min(1).default('drizzle'),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	COUNCIL_NAME: z.string().min(1).default('Harbourside Council'),
	COUNCIL_PHONE: z.string().min(3).default('0300 123 4567'),
	COUNCIL_OUT_OF_HOURS_PHONE: z.string().min(3).default('0300 123 7654'),
	/** The council's housing options team, for the duty to refer and emergencies. */
	COUNCIL_HOUSING_PHONE: z.string().min(3).default('0300 123 4000'),
	/** Where email goes, e.g. smtp://user:pass@mail.example:587. Unset: email is logged, not sent. */
	SMTP_URL: z.string().url().optional(),
	MAIL_FROM: z.string().min(3).default('Harbour <no-reply@harbour.invalid>'),
	/** The address people use to reach Harbour, for links in emails (defaults to ORIGIN). */
	ORIGIN: z.string().url().optional()
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

export function getConfig(env: Record<string, string | undefined> = process.env): Config {
	if (env === process.env && cached) return cached;
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		const first = parsed.error.issues[0];
		throw new Error(`Setting ${String(first?.path[0])} is not valid: ${first?.message}`);
	}
	if (env === process.env) cached = parsed.data;
	return parsed.data;
}
