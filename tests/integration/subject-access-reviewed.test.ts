import { isHttpError, isRedirect } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { subjectAccessDueOn } from '../../src/lib/domain/privacy/due';
import { londonDay } from '../../src/lib/domain/dates';
import { createSeededDb } from '../fixtures/db';

/** Issue 12, finding 2: what the pages hide goes only through a reviewed export, audited throughout. */
const app = vi.hoisted(() => ({ current: null as null | ReturnType<typeof createSeededDb> }));
vi.mock('$lib/server/db', () => ({ getDb: () => app.current!.db, openAppDatabase: () => app.current! }));

type Who = { id: string; role: 'young_person' | 'adviser' | 'mentor' | 'manager' };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const event = (who: Who, path: string, params: Record<string, string> = {}, form?: Record<string, string>): any => {
	const url = `http://localhost${path}`;
	const body = form ? new URLSearchParams(form) : undefined;
	return {
		locals: { user: who, requestId: 'test-request', session: null },
		url: new URL(url),
		params,
		request: new Request(url, form ? { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
		route: { id: path }
	};
};

/** Runs an action; returns where it redirected (303), or the failure it returned, or the HTTP error status it threw. */
async function act(run: () => unknown): Promise<{ location?: string; status?: number; data?: unknown }> {
	try {
		const out = (await run()) as { status?: number; data?: unknown } | undefined;
		return { status: out?.status, data: out?.data };
	} catch (e) {
		if (isRedirect(e)) return { location: e.location, status: e.status };
		if (isHttpError(e)) return { status: e.status };
		throw e;
	}
}

const HIDDEN = { restricted: 'RESTRICTED-PA-NOTE names her birth mother', concern: 'MENTOR-CONCERN-TEXT', paResponse: 'PA-RESPONSE-TO-CONCERN' };

function people(f: ReturnType<typeof createSeededDb>) {
	const q = (sql: string, ...p: unknown[]) => f.sqlite.prepare(sql).pluck().get(...p) as string;
	const amira = f.sqlite.prepare(`select id, user_id from young_person where preferred_name = 'Amira'`).get() as { id: string; user_id: string };
	const danUser = f.sqlite.prepare(`select user_id from young_person where preferred_name = 'Dan'`).pluck().get() as string;
	const sam = q(`select id from user where email = 'sam@demo.harbour.test'`);
	const jo = q(`select id from user where email = 'jo@demo.harbour.test'`);
	const priya = q(`select id from user where email = 'priya@demo.harbour.test'`);
	f.sqlite.prepare(`insert into pa_contact (young_person_id, adviser_id, occurred_on, method, in_touch, note, restricted) values (?, ?, '2026-11-20', 'visit', 1, ?, 1)`).run(amira.id, sam, HIDDEN.restricted);
	f.sqlite.prepare(`insert into concern (id, young_person_id, raised_by, grade, text, operation_id, raised_at, pa_action) values ('concernconcernco', ?, ?, 'worry', ?, 'op-r-1', 0, ?)`).run(amira.id, jo, HIDDEN.concern, HIDDEN.paResponse);
	return {
		amira: { id: amira.user_id, role: 'young_person' as const },
		amiraRecord: amira.id,
		dan: { id: danUser, role: 'young_person' as const },
		sam: { id: sam, role: 'adviser' as const },
		jo: { id: jo, role: 'mentor' as const },
		priya: { id: priya, role: 'manager' as const }
	};
}

const audits = (f: ReturnType<typeof createSeededDb>, action: string) =>
	f.sqlite.prepare(`select actor_id as actor, outcome, subject_id as subject from audit_event where action = ? order by id`).all(action) as { actor: string; outcome: string; subject: string }[];

describe('finding 12.2: the reviewed export', () => {
	beforeEach(() => {
		app.current = createSeededDb();
	});

	it('finding 12.2: a reviewed export is requested, prepared, redacted (recorded: what, why, by whom), released within a calendar month, then downloadable by the young person only, audited throughout', async () => {
		const f = app.current!;
		const p = people(f);
		const ask = await import('../../src/routes/account/data/reviewed/+page.server');
		const review = await import('../../src/routes/manage/exports/[requestId=id]/+page.server');
		const download = await import('../../src/routes/account/data/reviewed/[requestId=id]/+server');

		// Amira asks (twice, as a double tap: one request).
		const form = { operation: 'abcdefghijklmnop' };
		expect(await act(() => ask.actions.default!(event(p.amira, '/account/data/reviewed', {}, form)))).toMatchObject({ status: 303, location: '/account/data/reviewed?asked=1' });
		await act(() => ask.actions.default!(event(p.amira, '/account/data/reviewed', {}, form)));
		const requests = f.sqlite.prepare('select id, due_on as dueOn, received_on as receivedOn, status from subject_access_request').all() as { id: string; dueOn: string; receivedOn: string; status: string }[];
		expect(requests).toHaveLength(1);
		const id = requests[0]!.id;
		expect(requests[0]!.receivedOn).toBe(londonDay(new Date()));
		expect(requests[0]!.dueOn).toBe(subjectAccessDueOn(requests[0]!.receivedOn));

		// Her own list shows it with the deadline; nothing to download yet.
		const mine = (await ask.load(event(p.amira, '/account/data/reviewed'))) as { requests: { id: string; status: string; clock: { dueOn: string } }[] };
		expect(mine.requests).toMatchObject([{ id, status: 'requested', clock: { dueOn: requests[0]!.dueOn } }]);
		expect(await act(() => download.GET(event(p.amira, `/account/data/reviewed/${id}`, { requestId: id })))).toMatchObject({ status: 404 });

		// Only a manager reviews: her PA, her mentor and Amira herself are refused.
		for (const who of [p.sam, p.jo, p.amira]) expect((await act(() => review.load(event(who, `/manage/exports/${id}`, { requestId: id })))).status).toBe(404);

		// The manager makes the copy: it holds what her pages hide, marked for review.
		expect(await act(() => review.actions.prepare!(event(p.priya, `/manage/exports/${id}`, { requestId: id }, {})))).toMatchObject({ status: 303 });
		const page = (await review.load(event(p.priya, `/manage/exports/${id}`, { requestId: id }))) as { items: { table: string; row: string; column: string; value: string; hiddenFromThem: boolean }[] };
		const restricted = page.items.find((i) => i.value === HIDDEN.restricted)!;
		expect(restricted).toMatchObject({ table: 'pa_contact', column: 'note', hiddenFromThem: true });
		expect(page.items.find((i) => i.value === HIDDEN.concern)).toMatchObject({ table: 'concern', column: 'text', hiddenFromThem: true });

		// A redaction needs a reason and an explanation; a bad one keeps what was typed.
		const bad = await act(() => review.actions.redact!(event(p.priya, `/manage/exports/${id}`, { requestId: id }, { table: restricted.table, row: restricted.row, column: restricted.column, reason: '', why: 'names her mother' })));
		expect(bad).toMatchObject({ status: 400, data: { errors: { reason: 'sar_reason_missing' }, values: { why: 'names her mother' } } });
		const good = await act(() => review.actions.redact!(event(p.priya, `/manage/exports/${id}`, { requestId: id }, { table: restricted.table, row: restricted.row, column: restricted.column, reason: 'third_party', why: 'Names her birth mother, who has not agreed' })));
		expect(good.status).toBe(303);
		// Something not in the copy cannot be "redacted".
		expect((await act(() => review.actions.redact!(event(p.priya, `/manage/exports/${id}`, { requestId: id }, { table: 'user', row: p.priya.id, column: 'email', reason: 'other', why: 'x' })))).status).toBe(404);
		const recorded = f.sqlite.prepare('select table_name, row_key, column_name, reason, why, redacted_by from subject_access_redaction').all();
		expect(recorded).toEqual([{ table_name: 'pa_contact', row_key: restricted.row, column_name: 'note', reason: 'third_party', why: 'Names her birth mother, who has not agreed', redacted_by: p.priya.id }]);
		expect(() => f.sqlite.exec('delete from subject_access_redaction')).toThrow(/append-only/);

		// Released: Amira downloads it; the withheld note is not in it, what was not withheld is.
		expect(await act(() => review.actions.release!(event(p.priya, `/manage/exports/${id}`, { requestId: id }, {})))).toMatchObject({ status: 303 });
		const response = (await download.GET(event(p.amira, `/account/data/reviewed/${id}`, { requestId: id }))) as Response;
		const text = await response.text();
		expect(text).not.toContain(HIDDEN.restricted);
		expect(text).toContain('[withheld: third_party]');
		expect(text).toContain(HIDDEN.concern);
		const html = await ((await download.GET(event(p.amira, `/account/data/reviewed/${id}?format=html`, { requestId: id }))) as Response).text();
		expect(html).not.toContain(HIDDEN.restricted);
		expect(html).toContain('Priya Shah');
		// Nobody else downloads it, not even another young person who guesses the id.
		expect((await act(() => download.GET(event(p.dan, `/account/data/reviewed/${id}`, { requestId: id })))).status).toBe(404);
		expect((await act(() => download.GET(event(p.sam, `/account/data/reviewed/${id}`, { requestId: id })))).status).toBe(404);
		// After release nothing more can be withheld.
		const concernItem = page.items.find((i) => i.value === HIDDEN.concern)!;
		expect((await act(() => review.actions.redact!(event(p.priya, `/manage/exports/${id}`, { requestId: id }, { table: concernItem.table, row: concernItem.row, column: concernItem.column, reason: 'other', why: 'late' })))).status).toBe(409);

		// Audited throughout, against Amira's record.
		expect(audits(f, 'subject_access.request').filter((a) => a.outcome === 'allowed')).toHaveLength(2);
		for (const action of ['subject_access.prepare', 'subject_access.redact', 'subject_access.release']) expect(audits(f, action).some((a) => a.actor === p.priya.id && a.outcome === 'allowed' && a.subject === p.amiraRecord), action).toBe(true);
		expect(audits(f, 'subject_access.redact').filter((a) => a.outcome === 'invalid').length).toBeGreaterThanOrEqual(2);
		expect(audits(f, 'subject_access.download')).toEqual(expect.arrayContaining([{ actor: p.amira.id, outcome: 'allowed', subject: p.amiraRecord }, { actor: p.dan.id, outcome: 'denied', subject: expect.any(String) }]));
	});

	it('finding 12.2: staff record a request made another way, and the clock shows on the manager view', async () => {
		const f = app.current!;
		const p = people(f);
		const list = await import('../../src/routes/manage/exports/+page.server');
		const overview = await import('../../src/routes/manage/+page.server');
		expect(((await overview.load(event(p.priya, '/manage'))) as { subjectAccess: unknown }).subjectAccess).toBeNull();
		expect((await act(() => list.actions.record!(event(p.priya, '/manage/exports', {}, { youngPerson: '', operation: 'abcdefghijklmnop' })))).status).toBe(400);
		const made = await act(() => list.actions.record!(event(p.priya, '/manage/exports', {}, { youngPerson: p.amiraRecord, operation: 'abcdefghijklmnop' })));
		expect(made.location).toMatch(/^\/manage\/exports\/[a-z2-7]{16}$/);
		expect((await act(() => list.actions.record!(event(p.sam, '/manage/exports', {}, { youngPerson: p.amiraRecord, operation: 'bbcdefghijklmnop' })))).status).toBe(403);
		const today = londonDay(new Date());
		const view = (await overview.load(event(p.priya, '/manage'))) as { subjectAccess: { count: number; next: { dueOn: string; daysLeft: number } } };
		expect(view.subjectAccess).toMatchObject({ count: 1, next: { dueOn: subjectAccessDueOn(today) } });
		expect(view.subjectAccess.next.daysLeft).toBeGreaterThanOrEqual(28);
		const rows = (await list.load(event(p.priya, '/manage/exports'))) as { requests: { name: string }[] };
		expect(rows.requests).toMatchObject([{ name: 'Amira' }]);
		// Her PA sees the clock on Today.
		const { todayFor } = await import('../../src/lib/server/monitoring/today');
		expect(todayFor(f.db, p.sam.id, today).filter((i) => i.kind === 'subject_access')).toEqual([{ kind: 'subject_access', youngPersonId: p.amiraRecord, name: 'Amira', dueOn: subjectAccessDueOn(today) }]);
	});

	it('finding 12.2: the readable HTML version is in the person\'s language', async () => {
		const f = app.current!;
		const p = people(f);
		const { renderExportHtml } = await import('../../src/lib/server/privacy/html');
		const { selfServiceExport } = await import('../../src/lib/server/privacy/self-service');
		const data = selfServiceExport(f.db, p.amira) as unknown as Record<string, unknown>;
		const ar = renderExportHtml(data, 'ar', ['مرحبا']);
		expect(ar).toContain('<html lang="ar" dir="rtl">');
		expect(ar).toContain('بياناتك من هاربر');
		expect(ar).toContain('ما تعرضه صفحاتك لك');
		expect(ar).not.toContain('>What your pages show you<');
		const en = renderExportHtml(data, 'en', ['Hello']);
		expect(en).toContain('<html lang="en" dir="ltr">');
		expect(en).toContain('What your pages show you');
		for (const secret of Object.values(HIDDEN)) expect(ar + en).not.toContain(secret);
		// Values are escaped, never markup.
		f.sqlite.prepare(`insert into trusted_adult (young_person_id, name, relationship, created_at) values (?, '<script>alert(1)</script>', 'aunt', 0)`).run(p.amiraRecord);
		const escaped = renderExportHtml(selfServiceExport(f.db, p.amira) as unknown as Record<string, unknown>, 'en', []);
		expect(escaped).not.toContain('<script>alert(1)</script>');
		expect(escaped).toContain('&lt;script&gt;');
	});
});
