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
	/**
	 * The council's own setting up home allowance in pence, if its policy (Children Act 1989 guidance
	 * vol. 3 Appendix E) pays more than the DfE minimum. Unset: the DfE minimum in force on the day
	 * the young person moved into their first home (£2,000 before 1 April 2023, £3,000 from then).
	 */
	COUNCIL_SETTING_UP_HOME_PENCE: z.coerce.number().int().min(0).max(10_000_000).optional(),
	/** Where email goes, e.g. smtp://user:pass@mail.example:587. Unset: email is logged, not sent. */
	SMTP_URL: z.string().url().optional(),
	MAIL_FROM: z.string().min(3).default('Harbour <no-reply@harbour.invalid>'),
	/** The address people use to reach Harbour, for links in emails (defaults to ORIGIN). */
	ORIGIN: z.string().url().optional(),
	/**
	 * Web push (VAPID) keys, base64url. Set both or neither: unset, a pair is made on first start and
	 * kept in `vapid.json` beside the database (so a restart keeps every browser's subscription working).
	 */
	VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{87}$/, 'an uncompressed P-256 public key, base64url (87 characters)').optional(),
	VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a P-256 private key, base64url (43 characters)').optional(),
	/** Who push services may contact about Harbour's pushes: mailto: or https:. Defaults to MAIL_FROM's address. */
	/** Seals the audit trail (HMAC). Unset: made on first start in `audit.key` beside the database (mode 0600). */
	AUDIT_KEY: z.string().min(32, 'at least 32 random characters').optional(),
	/** Where the signed audit checkpoint is written each minute. Unset: `audit-checkpoint.json` beside the database. */
	AUDIT_CHECKPOINT_PATH: z.string().min(1).optional(),
	VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)\S+$/, 'a mailto: or https: address').optional()
}).refine((c) => Boolean(c.VAPID_PUBLIC_KEY) === Boolean(c.VAPID_PRIVATE_KEY), { message: 'set both VAPID keys or neither', path: ['VAPID_PRIVATE_KEY'] });

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
