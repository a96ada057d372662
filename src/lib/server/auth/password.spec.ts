import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('passwordProblem', () => {
	it.each([
		['', 'too_short'],
		['seven77', 'too_short'],
		['password', 'too_common'],
		['PASSWORD', 'too_common'],
		['12345678', 'too_common'],
		['iloveyou', 'too_common'],
		['x'.repeat(257), 'too_long']
	])('%j → %s', (password, problem) => {
		expect(passwordProblem(password)).toBe(problem);
	});

	it.each(['correct horse battery', 'my cat is called Bean', 'ابحث عن البحر', 'x'.repeat(256)])('accepts %j', (password) => {
		expect(passwordProblem(password)).toBeNull();
	});

	it('counts characters, not bytes', () => {
		expect(passwordProblem('ééééééé')).toBe('too_short');
		expect(passwordProblem('éééééééé')).toBeNull();
	});
});

describe('hashing', () => {
	it('uses argon2id with the OWASP parameters and verifies', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(stored, 'correct horse batter')).toBe(false);
		expect(await verifyPassword('not a hash', 'anything')).toBe(false);
	});
});
