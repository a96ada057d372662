import { expect, request, test, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { demoSessionCookie } from '../../src/bin/page-weight.js';
import { verifyAuditChain } from '../../src/lib/server/audit';
import { openDatabase } from '../../src/lib/server/db/client';

// Audit completeness (security.md F1): every sensitive request leaves exactly one audit row:
// allowed reads, denials (including unknown ids) and validation failures alike.
test.beforeEach(({ baseURL: _b }, testInfo) => test.skip(testInfo.project.name !== 'laptop-js', 'runs once'));

const DB = resolve(process.env.E2E_DATABASE_PATH ?? 'data/e2e.db');

test('sensitive requests and audit rows match one for one, and the chain verifies', async ({ baseURL }) => {
	const origin = baseURL ?? '';
	const as = async (email: string) => request.newContext({ baseURL: origin, extraHTTPHeaders: { cookie: await demoSessionCookie(origin, email), 'x-forwarded-for': '198.51.100.30' } });
	const sam = await as('sam@demo.harbour.test');
	const chris = await as('chris@demo.harbour.test');
	const amira = await as('amira@demo.harbour.test');
	const priya = await as('priya@demo.harbour.test');
	const jo = await as('jo@demo.harbour.test');
	const anonymous = await request.newContext({ baseURL: origin, extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.31' } });
	const ids = async (ctx: APIRequestContext, q: string) => /\/manage\/young-people\/([a-z2-7]{16})/.exec(await (await ctx.get(`/manage/young-people?q=${q}`)).text())?.[1] ?? '';
	const amiraId = await ids(priya, 'Amira%20Haddad');
	const leahId = await ids(priya, 'Leah%20Morris');
	const danId = await ids(priya, 'Daniel%20Okafor');
	const form = { headers: { origin, accept: 'text/html' }, maxRedirects: 0 };

	const sqlite = new Database(DB, { readonly: true });
	const count = () => sqlite.prepare('select count(*) from audit_event').pluck().get() as number;
	// A ledger entry that is not Amira's (issue 13.2: a correction pointing at it is a 404, audited).
	const otherEntry = sqlite.prepare(`select id from ledger_entry where young_person_id != ? and kind = 'spend' limit 1`).pluck().get(amiraId) as number;
	const latest = () => sqlite.prepare('select action, outcome from audit_event order by id desc limit 1').get() as { action: string; outcome: string };

	const requests: [string, () => Promise<unknown>, string][] = [
		['PA opens a young person on their caseload', () => sam.get(`/caseload/${amiraId}`), 'allowed'],
		['the same, as client-side navigation data', () => sam.get(`/caseload/${amiraId}/__data.json`), 'allowed'],
		['PA opens someone no longer theirs', () => sam.get(`/caseload/${leahId}`), 'denied'],
		['PA probes an id that does not exist', () => sam.get('/caseload/aaaaaaaaaaaaaaaa'), 'denied'],
		['young person tries the staff page about themself', () => amira.get(`/caseload/${amiraId}`), 'denied'],
		['manager opens the assignments page', () => priya.get(`/manage/young-people/${danId}`), 'allowed'],
		['PA tries the manager page', () => sam.get(`/manage/young-people/${danId}`), 'denied'],
		['manager sets cover with nothing filled in', () => priya.post(`/manage/young-people/${danId}?/cover`, { ...form, form: {} }), 'invalid'],
		['manager reassigns with no PA chosen', () => priya.post(`/manage/young-people/${danId}?/reassign`, { ...form, form: {} }), 'invalid'],
		['PA invites someone not on their caseload', () => chris.post(`/caseload/${amiraId}?/invite`, { ...form, form: {} }), 'denied'],
		['young person looks at who viewed their record', () => amira.get('/me/activity'), 'allowed'],
		['young person downloads their data', () => amira.get('/account/data'), 'allowed'],
		['a wrong password', () => anonymous.post('/sign-in', { ...form, form: { email: 'sam@demo.harbour.test', password: 'not it' } }), 'failed'],
		['a sign-in with nothing filled in', () => anonymous.post('/sign-in', { ...form, form: { email: '' } }), 'invalid'],
		['manager invites with nothing filled in', () => priya.post('/manage/people?/invite', { ...form, form: {} }), 'invalid'],
		['mentor tries the manager overview', () => jo.get('/manage'), 'denied'],
		['mentor tries the audit trail', () => jo.get('/manage/audit'), 'denied'],
		['PA opens the money panel for someone on their caseload', () => sam.get(`/caseload/${amiraId}/entitlements`), 'allowed'],
		['PA tries the money panel for someone not theirs', () => sam.get(`/caseload/${leahId}/entitlements`), 'denied'],
		['PA records a payment with nothing filled in', () => sam.post(`/caseload/${amiraId}/entitlements?/pay`, { ...form, form: {} }), 'invalid'],
		['another PA tries to approve an ask', () => chris.post(`/caseload/${amiraId}/entitlements?/decide`, { ...form, form: { decision: 'approve' } }), 'denied'],
		['young person asks for money with a bad amount', () => amira.post('/me/money?/ask', { ...form, form: { source: 'setting_up_home', amount: '-5', item: 'Bed' } }), 'invalid'],
		['mentor tries to ask for a young person\'s money', () => jo.post('/me/money?/ask', { ...form, form: {} }), 'denied'],
		[
			'PA corrects Amira\'s money with an entry of another young person (404)',
			async () => {
				const r = await sam.post(`/caseload/${amiraId}/entitlements?/correct`, { ...form, form: { entry: String(otherEntry), direction: 'back', amount: '1', reason: 'Refund', operation: 'otherentry-op-1' } });
				expect(r.status()).toBe(404);
				return r;
			},
			'denied'
		],
		['manager adds a local offer item with nothing filled in', () => priya.post('/manage/local-offer', { ...form, form: {} }), 'invalid']
	];

	const mismatches: string[] = [];
	for (const [what, send, outcome] of requests) {
		const before = count();
		await send();
		const after = count();
		if (after - before !== 1) mismatches.push(`${what}: ${after - before} audit rows`);
		else if (latest().outcome !== outcome) mismatches.push(`${what}: outcome ${latest().outcome}, expected ${outcome}`);
	}
	console.log(`audit completeness: ${requests.length} sensitive requests, ${requests.length - mismatches.length} with exactly one matching audit row`);
	expect(mismatches).toEqual([]);
	sqlite.close();

	const { db, sqlite: check } = openDatabase(DB, { migrationsFolder: resolve('drizzle'), migrate: false });
	expect(verifyAuditChain(db)).toMatchObject({ ok: true });
	check.close();
	for (const ctx of [sam, chris, amira, priya, jo, anonymous]) await ctx.dispose();
});
