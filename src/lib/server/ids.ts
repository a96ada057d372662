import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A new record id: 10 random bytes as 16 base32 characters (80 bits; not guessable, not counting). */
export function newId(): string {
	const bytes = new Uint8Array(10);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}
