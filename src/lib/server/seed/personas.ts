/**
 * The demo accounts: fixed, made-up people (emails on the reserved `.test` domain) so the README
 * and the demo can name them. Amira and Dan are on Sam's caseload; Sam covers nobody.
 */
export const DEMO_PERSONAS = {
	youngPeople: [
		{ key: 'amira', fullName: 'Amira Haddad', preferredName: 'Amira', email: 'amira@demo.harbour.test', age: 19, uasc: true, languages: ['Arabic', 'English'] },
		{ key: 'dan', fullName: 'Daniel Okafor', preferredName: 'Dan', email: 'dan@demo.harbour.test', age: 17, uasc: false, languages: ['English'] }
	],
	advisers: [
		{ key: 'sam', displayName: 'Sam Taylor', email: 'sam@demo.harbour.test' },
		{ key: 'chris', displayName: 'Chris Evans', email: 'chris@demo.harbour.test' }
	],
	mentors: [{ key: 'jo', displayName: 'Jo Bennett', email: 'jo@demo.harbour.test' }],
	managers: [{ key: 'priya', displayName: 'Priya Shah', email: 'priya@demo.harbour.test' }]
} as const;
