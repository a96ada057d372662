import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Passwords are the fallback to passkeys. argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane);
 * at least 8 characters, up to 256, no composition rules, and never one of the 10,000 most used
 * passwords (zxcvbn's frequency-ranked list, shipped in @zxcvbn-ts/language-common).
 */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;
export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 256;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
	common ??= new Set((dictionary['passwords-common'] as string[]).slice(0, 10_000).map((p) => p.toLowerCase()));
	return common;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

export function passwordProblem(password: string): PasswordProblem | null {
	const length = [...password].length;
	if (length < MIN_PASSWORD) return 'too_short';
	if (length > MAX_PASSWORD) return 'too_long';
	if (commonPasswords().has(password.toLowerCase())) return 'too_common';
	return null;
}

export function hashPassword(password: string): Promise<string> {
	return hash(password.normalize('NFKC'), { ...ARGON2, algorithm: 2 });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
	try {
		return await verify(stored, password.normalize('NFKC'));
	} catch {
		return false;
	}
}

/** A hash to verify against when the account does not exist, so both cases take the same time. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
	decoy ??= hashPassword('harbour-decoy-password-never-valid');
	return decoy;
}
