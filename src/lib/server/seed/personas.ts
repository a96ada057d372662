/**
 * The demo accounts: fixed, made-up people (emails on the reserved `.test` domain) so the README
 * and the demo can name them. Amira and Dan are on Sam's caseload; Chris covers Dan for a fortnight;
 * Leah moved from Sam to Chris a month ago and has no account yet; Chris covered Maya last month
 * and will cover Tom next week (both Sam's). Casey is a PA the tests disable.
 */
export const DEMO_PERSONAS = {
	youngPeople: [
		{ key: 'amira', fullName: 'Amira Haddad', preferredName: 'Amira', email: 'amira@demo.harbour.test', age: 19, uasc: true, languages: ['Arabic', 'English'] },
		{ key: 'dan', fullName: 'Daniel Okafor', preferredName: 'Dan', email: 'dan@demo.harbour.test', age: 17, uasc: false, languages: ['English'] },
		{ key: 'leah', fullName: 'Leah Morris', preferredName: 'Leah', email: null, age: 21, uasc: false, languages: ['English'] },
		{ key: 'maya', fullName: 'Maya Green', preferredName: 'Maya', email: null, age: 18, uasc: false, languages: ['English'] },
		{ key: 'tom', fullName: 'Tom Walsh', preferredName: 'Tom', email: null, age: 20, uasc: false, languages: ['English', 'Polish'] }
	],
	advisers: [
		{ key: 'sam', displayName: 'Sam Taylor', email: 'sam@demo.harbour.test' },
		{ key: 'chris', displayName: 'Chris Evans', email: 'chris@demo.harbour.test' },
		{ key: 'casey', displayName: 'Casey Morgan', email: 'casey@demo.harbour.test' }
	],
	mentors: [{ key: 'jo', displayName: 'Jo Bennett', email: 'jo@demo.harbour.test' }],
	managers: [{ key: 'priya', displayName: 'Priya Shah', email: 'priya@demo.harbour.test' }]
} as const;
