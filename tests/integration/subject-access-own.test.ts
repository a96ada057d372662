import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSeededDb } from '../fixtures/db';

/**
 * Issue 12, finding 2: "Download my data" must hand out exactly what a person's own pages show
 * them. The routes read the database through $lib/server/db; here it is the seeded test database.
 */
const app = vi.hoisted(() => ({ current: null as null | ReturnType<typeof createSeededDb> }));
vi.mock('$lib/server/db', () => ({ getDb: () => app.current!.db, openAppDatabase: () => app.current! }));

type Who = { id: string; role: 'young_person' | 'adviser' | 'mentor' | 'manager' };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const event = (who: Who, path: string, params: Record<string, string> = {}): any => ({
	locals: { user: who, requestId: 'test-request', session: null },
	url: new URL(`http://localhost${path}`),
	params,
	request: new Request(`http://localhost${path}`),
	route: { id: path },
	setHeaders: () => {}
});

const SECRETS = {
	restricted: 'RESTRICTED-PA-NOTE about the family court',
	concern: 'MENTOR-CONCERN-TEXT she seemed frightened',
	paResponse: 'PA-RESPONSE-TO-CONCERN spoke to the police',
	resolution: 'STAFF-RESOLUTION moved to the Elm Street refuge',
	staffStep: 'STAFF-ACKNOWLEDGE-NOTE called the landlord',
	staffOnly: 'STAFF-ONLY-NOTE her ex-partner turns up at night',
	mentorLog: 'MENTOR-LOG-NOTE talked about her brother',
	words: 'CHECKIN-WORDS only for the PA',
	otherPerson: 'OTHER-YOUNG-PERSON-NOTE about Dan'
};

function seedHidden(f: ReturnType<typeof createSeededDb>) {
	const q = (sql: string, ...params: unknown[]) => f.sqlite.prepare(sql).pluck().get(...params) as string;
	const amira = f.sqlite.prepare(`select id, user_id from young_person where preferred_name = 'Amira'`).get() as { id: string; user_id: string };
	const dan = q(`select id from young_person where preferred_name = 'Dan'`);
	const sam = { id: q(`select id from user where email = 'sam@demo.harbour.test'`), role: 'adviser' as const };
	const jo = { id: q(`select id from user where email = 'jo@demo.harbour.test'`), role: 'mentor' as const };
	const priya = { id: q(`select id from user where email = 'priya@demo.harbour.test'`), role: 'manager' as const };
	const match = q(`select id from mentor_match where young_person_id = ? and mentor_id = ?`, amira.id, jo.id);
	f.sqlite.prepare(`insert into pa_contact (young_person_id, adviser_id, occurred_on, method, in_touch, note, restricted) values (?, ?, '2026-11-20', 'visit', 1, ?, 1)`).run(amira.id, sam.id, SECRETS.restricted);
	f.sqlite.prepare(`insert into pa_contact (young_person_id, adviser_id, occurred_on, method, in_touch, note, restricted) values (?, ?, '2026-11-20', 'visit', 1, ?, 0)`).run(dan, sam.id, SECRETS.otherPerson);
	f.sqlite.prepare(`insert into concern (id, young_person_id, match_id, raised_by, grade, text, operation_id, raised_at, acknowledged_at, acknowledged_by, pa_action) values ('concernconcernco', ?, ?, ?, 'worry', ?, 'op-h-1', 0, 1, ?, ?)`).run(amira.id, match, jo.id, SECRETS.concern, sam.id, SECRETS.paResponse);
	f.sqlite.prepare(`insert into contact_log (match_id, mentor_id, young_person_id, occurred_on, mode, minutes, note, operation_id, created_at) values (?, ?, ?, '2026-11-20', 'in_person', 60, ?, 'op-h-2', 0)`).run(match, jo.id, amira.id, SECRETS.mentorLog);
	f.sqlite.prepare(`insert into check_in (young_person_id, user_id, scores, words, operation_id, at) values (?, ?, '{"housing":3}', ?, 'op-h-3', ?)`).run(amira.id, amira.user_id, SECRETS.words, Date.now());
	f.sqlite.prepare(`insert into housing_flag (id, young_person_id, raised_by, operation_id, kind, urgency, note, staff_note, status, raised_at, resolved_at, resolved_by, outcome, resolution) values ('flagflagflagflag', ?, ?, 'op-h-4', 'not_safe', 'urgent', 'I do not feel safe', ?, 'resolved', 1, 2, ?, 'moved_temporary', ?)`).run(amira.id, amira.user_id, SECRETS.staffOnly, sam.id, SECRETS.resolution);
	f.sqlite.prepare(`insert into housing_flag_event (flag_id, kind, note, actor_id, at) values ('flagflagflagflag', 'raised', 'I do not feel safe', ?, 1)`).run(amira.user_id);
	f.sqlite.prepare(`insert into housing_flag_event (flag_id, kind, note, actor_id, at) values ('flagflagflagflag', 'acknowledged', ?, ?, 2)`).run(SECRETS.staffStep, sam.id);
	return { amira, amiraActor: { id: amira.user_id, role: 'young_person' as const }, sam, jo, priya, dan };
}

async function download(who: Who): Promise<string> {
	const { GET } = await import('../../src/routes/account/data/+server');
	const response = await GET(event(who, '/account/data'));
	expect(response.status).toBe(200);
	return response.text();
}

describe('finding 12.2: download my data hands out only what the app shows the person', () => {
	beforeEach(() => {
		app.current = createSeededDb();
	});

	it("finding 12.2: a young person's download holds no restricted PA note, concern, PA response, staff housing note, mentor log or other person's data", async () => {
		const s = seedHidden(app.current!);
		const text = await download(s.amiraActor);
		for (const [what, secret] of Object.entries(SECRETS)) expect(text, what).not.toContain(secret);
		// What her pages do show her is there: her own words on her housing worry.
		expect(text).toContain('I do not feel safe');
	});

	it("finding 12.2: a PA's, a mentor's and a manager's download is their own account only, never case data", async () => {
		const s = seedHidden(app.current!);
		const names = app.current!.sqlite.prepare(`select preferred_name from young_person`).pluck().all() as string[];
		for (const who of [s.sam, s.jo, s.priya]) {
			const text = await download(who);
			for (const [what, secret] of Object.entries(SECRETS)) expect(text, `${who.role}: ${what}`).not.toContain(secret);
			for (const name of names) expect(text, `${who.role}: ${name}`).not.toContain(`"${name}"`);
			const data = JSON.parse(text);
			expect(data.account.profile.role).toBe(who.role);
			expect(text).not.toContain('young_person_id');
		}
	});

	it("finding 12.2: the young person's download and their pages read one definition, and agree field for field", async () => {
		const s = seedHidden(app.current!);
		const { recordAudit } = await import('../../src/lib/server/audit');
		recordAudit(app.current!.db, { action: 'young_person.view', outcome: 'allowed', actorId: s.sam.id, actorRole: 'adviser', subjectType: 'young_person', subjectId: s.amira.id });
		const data = JSON.parse(await download(s.amiraActor));
		const { OWN_PAGES } = await import('../../src/lib/server/privacy/own-view');
		const loads: Record<string, () => Promise<unknown>> = {
			home: async () => (await import('../../src/routes/me/+page.server')).load(event(s.amiraActor, '/me')),
			people: async () => (await import('../../src/routes/me/people/+page.server')).load(event(s.amiraActor, '/me/people')),
			mentorRequest: async () => (await import('../../src/routes/me/people/ask/+page.server')).load(event(s.amiraActor, '/me/people/ask')),
			money: async () => (await import('../../src/routes/me/money/+page.server')).load(event(s.amiraActor, '/me/money')),
			housing: async () => (await import('../../src/routes/me/housing/+page.server')).load(event(s.amiraActor, '/me/housing')),
			checkIns: async () => (await import('../../src/routes/me/check-in/+page.server')).load(event(s.amiraActor, '/me/check-in')),
			activity: async () => (await import('../../src/routes/me/activity/+page.server')).load(event(s.amiraActor, '/me/activity')),
			entitlements: async () => (await import('../../src/routes/me/entitlements/+page.server')).load(event(s.amiraActor, '/me/entitlements')),
			dates: async () => (await import('../../src/routes/me/dates/+page.server')).load(event(s.amiraActor, '/me/dates'))
		};
		// Page state that is not data about the person (a form's operation id, a "saved" banner, phone numbers to call,
		// the "you asked for …" banner, which repeats one of the requests below).
		const FORM_STATE = new Set(['operation', 'done', 'raised', 'emergency', 'values', 'asked']);
		const json = (v: unknown) => JSON.parse(JSON.stringify(v));
		for (const section of Object.keys(OWN_PAGES)) {
			if (section === 'housingFlag') continue;
			const page = json(await loads[section]!()) as Record<string, unknown>;
			const exported = data.pages[section] as Record<string, unknown>;
			expect(exported, section).toBeDefined();
			const pageData = Object.fromEntries(Object.entries(page).filter(([k]) => !FORM_STATE.has(k)));
			expect(pageData, `${OWN_PAGES[section as keyof typeof OWN_PAGES]} shows exactly what the export holds`).toEqual(exported);
		}
		// Each housing worry's page, too.
		const flagPage = (await import('../../src/routes/me/housing/[flagId=id]/+page.server')).load;
		expect(data.pages.housingFlags.length).toBeGreaterThan(0);
		for (const exported of data.pages.housingFlags) {
			const page = json(await flagPage(event(s.amiraActor, `/me/housing/${exported.flag.id}`, { flagId: exported.flag.id }))) as Record<string, unknown>;
			expect(Object.fromEntries(Object.entries(page).filter(([k]) => !FORM_STATE.has(k)))).toEqual(exported);
		}
		// Someone else's look at her record shows on her activity page and in her download alike.
		expect(data.pages.activity.views.length).toBeGreaterThan(0);
	});
});
