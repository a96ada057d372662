import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client';
import { askForMoney, decidePending, decideRequest, ledgerFor, pendingList, potsOf, recordCorrection, recordPayment, setClaimState } from '../../src/lib/server/money/ledger';
import { costCodes, currentLimit, paymentsBetween, setApprovalLimit, setCostCodes } from '../../src/lib/server/money/finance';
import { newId } from '../../src/lib/server/ids';
import { latestLocalOffers, saveLocalOffer } from '../../src/lib/server/money/local-offer';
import { generateCouncil } from '../../src/lib/server/seed/generate';
import { createSeededDb, MIGRATIONS } from '../fixtures/db';

const TODAY = '2026-11-24';

function fixture() {
	const f = createSeededDb({ youngPeople: 30, contacts: 100 });
	const id = (email: string) => f.sqlite.prepare('select id from user where email = ?').pluck().get(email) as string;
	// Someone with nothing in the ledger yet (the seed gives Amira a cooker, and others some spends).
	const amira = f.sqlite.prepare(`select id from young_person where id not in (select young_person_id from ledger_entry) order by id limit 1`).pluck().get() as string;
	return { ...f, amira, amiraUser: id('amira@demo.harbour.test'), sam: id('sam@demo.harbour.test'), chris: id('chris@demo.harbour.test'), priya: id('priya@demo.harbour.test') };
}

const spends = (f: ReturnType<typeof fixture>) => f.sqlite.prepare(`select count(*) from ledger_entry where kind = 'spend' and young_person_id = ?`).pluck().get(f.amira) as number;
const approve = (f: ReturnType<typeof fixture>, requestId: string, actorId = f.sam) => decideRequest(f.db, { youngPersonId: f.amira, requestId, decision: 'approve', reason: '', actorId, operationId: newId() });

const ask = (f: ReturnType<typeof fixture>, pence: number, item = 'A bed') =>
	askForMoney(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence, item, actorId: f.amiraUser, today: TODAY, operationId: newId() });

describe('the money ledger', () => {
	it('runs ask → approve → pay, and both sides see the new balance', () => {
		const f = fixture();
		const asked = ask(f, 24_000);
		expect(asked.ok).toBe(true);
		if (!asked.ok) return;
		expect(decideRequest(f.db, { youngPersonId: f.amira, requestId: asked.requestId, decision: 'approve', reason: '', actorId: f.sam, operationId: newId() })).toMatchObject({ code: 'approved' });
		const paid = recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, requestId: asked.requestId, pence: 24_000, item: '', paidOn: TODAY, actorId: f.sam, operationId: newId() });
		expect(paid).toMatchObject({ ok: true, leftPence: 276_000 });
		const [pot] = potsOf(ledgerFor(f.db, f.amira));
		expect(pot).toMatchObject({ entitlement: 'setting_up_home', allowancePence: 300_000, leftPence: 276_000 });
		expect(pot!.entries.map((e) => [e.kind, e.pence, e.item])).toEqual([['allowance', 300_000, 'allowance'], ['spend', 24_000, 'A bed']]);
		expect(f.sqlite.prepare('select state from claim where young_person_id = ?').pluck().get(f.amira)).toBe('part_paid');
		expect(f.sqlite.prepare('select e.state from claim_event e join claim c on c.id = e.claim_id where c.young_person_id = ? order by e.id').pluck().all(f.amira)).toEqual(['asked', 'approved', 'part_paid']);
	});

	it('approves once when the same request is approved twice, and pays once when paid twice', () => {
		const f = fixture();
		const asked = ask(f, 10_000);
		if (!asked.ok) throw new Error('ask failed');
		const decide = (actorId: string) => decideRequest(f.db, { youngPersonId: f.amira, requestId: asked.requestId, decision: 'approve', reason: '', actorId, operationId: newId() }).code;
		expect([decide(f.sam), decide(f.chris)]).toEqual(['approved', 'already_decided']);
		const pay = () => recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, requestId: asked.requestId, pence: 10_000, item: '', paidOn: TODAY, actorId: f.sam, operationId: newId() });
		expect(pay().ok).toBe(true);
		expect(pay()).toMatchObject({ ok: false, code: 'already_paid' });
		expect(f.sqlite.prepare(`select count(*) from ledger_entry where kind = 'spend' and young_person_id = ?`).pluck().get(f.amira)).toBe(1);
	});

	it('pays exactly once when two PAs on two connections pay the same request at the same moment', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'harbour-money-'));
		try {
			const path = join(dir, 'race.db');
			const a = openDatabase(path, { migrationsFolder: MIGRATIONS });
			generateCouncil(a.sqlite, { seed: 3, youngPeople: 10, contacts: 10, today: TODAY, demo: true });
			const b = openDatabase(path, { migrationsFolder: MIGRATIONS });
			const amira = a.sqlite.prepare(`select id from young_person where id not in (select young_person_id from ledger_entry) order by id limit 1`).pluck().get() as string;
			const user = (email: string) => a.sqlite.prepare('select id from user where email = ?').pluck().get(email) as string;
			const results: string[] = [];
			for (let round = 0; round < 25; round++) {
				const asked = askForMoney(a.db, { youngPersonId: amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 100, item: `Round ${round}`, actorId: user('amira@demo.harbour.test'), today: TODAY, operationId: newId() });
				if (!asked.ok) throw new Error('ask failed');
				const both = await Promise.all(
					[a, b].map(async (conn, i) => {
						await Promise.resolve();
						const decided = decideRequest(conn.db, { youngPersonId: amira, requestId: asked.requestId, decision: 'approve', reason: '', actorId: user(i ? 'chris@demo.harbour.test' : 'sam@demo.harbour.test'), operationId: newId() }).code;
						const paid = recordPayment(conn.db, { youngPersonId: amira, entitlement: 'setting_up_home', allowancePence: 300_000, requestId: asked.requestId, pence: 100, item: '', paidOn: TODAY, actorId: user('sam@demo.harbour.test'), operationId: newId() });
						return `${decided}/${paid.ok ? 'paid' : paid.code}`;
					})
				);
				results.push(both.sort().join(' '));
			}
			expect(new Set(results)).toEqual(new Set(['already_decided/already_paid approved/paid']));
			expect(a.sqlite.prepare(`select count(*) from ledger_entry where kind = 'spend' and young_person_id = ?`).pluck().get(amira)).toBe(25);
			expect(potsOf(ledgerFor(b.db, amira))[0]!.leftPence).toBe(300_000 - 25 * 100);
			a.sqlite.close();
			b.sqlite.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('never asks for more than is left, counting asks still waiting', () => {
		const f = fixture();
		expect(ask(f, 200_000).ok).toBe(true);
		expect(ask(f, 100_001)).toEqual({ ok: false, field: 'amount', code: 'more_than_left', leftPence: 100_000 });
		expect(ask(f, 100_000).ok).toBe(true);
	});

	it('refuses to take a balance below zero unless an override reason is recorded, and an override waits for a manager', () => {
		const f = fixture();
		const base = { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 300_001, item: 'Sofa and bed', paidOn: TODAY, actorId: f.sam, operationId: newId() };
		expect(recordPayment(f.db, base)).toMatchObject({ ok: false, code: 'would_go_below_zero', leftPence: 300_000 });
		expect(recordPayment(f.db, { ...base, overrideReason: '   ' })).toMatchObject({ ok: false, code: 'would_go_below_zero' });
		const pending = recordPayment(f.db, { ...base, overrideReason: 'Agreed by the team manager: flat fire' });
		expect(pending).toMatchObject({ ok: true, why: 'override' });
		expect(spends(f)).toBe(0);
		if (!pending.ok || !('pendingId' in pending)) throw new Error('not pending');
		expect(decidePending(f.db, { pendingId: pending.pendingId, decision: 'confirm', reason: '', actorId: f.priya, operationId: newId() })).toMatchObject({ ok: true, code: 'confirmed' });
		expect(potsOf(ledgerFor(f.db, f.amira))[0]!.leftPence).toBe(-1);
		expect(f.sqlite.prepare('select override_reason, created_by, approved_by from ledger_entry where kind = ? and young_person_id = ?').get('spend', f.amira)).toEqual({ override_reason: 'Agreed by the team manager: flat fire', created_by: f.sam, approved_by: f.priya });
	});

	it('corrects with a new entry and never edits or deletes one', () => {
		const f = fixture();
		const paid = recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 5_000, item: 'Kettle', paidOn: TODAY, actorId: f.sam, operationId: newId() });
		if (!paid.ok || !('entryId' in paid)) throw new Error('pay failed');
		expect(recordCorrection(f.db, { youngPersonId: f.amira, correctsId: paid.entryId, pence: 2_000, reason: 'Kettle cost £30, not £50', actorId: f.sam, on: TODAY, operationId: newId() })).toMatchObject({ ok: true });
		expect(potsOf(ledgerFor(f.db, f.amira))[0]!.leftPence).toBe(297_000);
		expect(() => f.sqlite.prepare('update ledger_entry set pence = 1').run()).toThrow(/append-only/);
		expect(() => f.sqlite.prepare('delete from ledger_entry').run()).toThrow(/append-only/);
		expect(recordCorrection(f.db, { youngPersonId: f.amira, correctsId: 999_999, pence: 1, reason: 'x', actorId: f.sam, on: TODAY, operationId: newId() })).toEqual({ ok: false, code: 'not_found' });
	});

	it('records a declined claim with its reason, as a step in the story', () => {
		const f = fixture();
		setClaimState(f.db, { youngPersonId: f.amira, entitlement: 'he_bursary', state: 'declined', reason: 'Not at university yet', actorId: f.sam, operationId: newId() });
		expect(f.sqlite.prepare(`select state, decline_reason from claim where entitlement = 'he_bursary'`).get()).toEqual({ state: 'declined', decline_reason: 'Not at university yet' });
	});
});

describe('the local offer', () => {
	it('keeps every version: an edit is a new version and claims keep theirs', () => {
		const f = fixture();
		const fields = { title: 'Driving lessons', description: 'Up to 10 lessons', howToGet: 'Ask your PA', conditions: '', amountPence: 50_000, minAge: 17, maxAge: 25, effectiveFrom: '2026-04-01', effectiveTo: null, withdrawn: false };
		const first = saveLocalOffer(f.db, null, fields, f.priya, newId());
		if (!first.ok) throw new Error('save failed');
		const asked = askForMoney(f.db, { youngPersonId: f.amira, entitlement: `local:${first.offerId}`, allowancePence: 50_000, pence: 10_000, item: 'Two lessons', actorId: f.amiraUser, today: TODAY, operationId: newId(), localOfferVersionId: f.sqlite.prepare('select id from local_offer_version where offer_id = ?').pluck().get(first.offerId) as number });
		expect(asked.ok).toBe(true);
		const second = saveLocalOffer(f.db, first.offerId, { ...fields, amountPence: 60_000 }, f.priya, newId());
		expect(second).toEqual({ ok: true, offerId: first.offerId, version: 2 });
		expect(latestLocalOffers(f.db).filter((o) => o.offerId === first.offerId).map((o) => [o.version, o.amountPence])).toEqual([[2, 60_000]]);
		expect(f.sqlite.prepare('select amount_pence from local_offer_version where version = 1 and offer_id = ?').pluck().get(first.offerId)).toBe(50_000);
		expect(f.sqlite.prepare('select v.version from claim c join local_offer_version v on v.id = c.local_offer_version_id where c.young_person_id = ?').pluck().get(f.amira)).toBe(1);
		expect(() => f.sqlite.prepare('update local_offer_version set amount_pence = 1').run()).toThrow(/append-only/);
	});
});

describe('money writes happen once (issue 13.1)', () => {
	it('the same payment submitted twice with the same operation id makes one row', () => {
		const f = fixture();
		const op = newId();
		const pay = () => recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 24_000, item: 'A bed', paidOn: TODAY, actorId: f.sam, operationId: op });
		const first = pay();
		expect(first).toMatchObject({ ok: true, leftPence: 276_000 });
		expect(pay()).toEqual(first);
		expect(spends(f)).toBe(1);
		expect(potsOf(ledgerFor(f.db, f.amira))[0]!.leftPence).toBe(276_000);
	});

	it('the same correction submitted twice with the same operation id makes one row', () => {
		const f = fixture();
		const paid = recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 24_000, item: 'A bed', paidOn: TODAY, actorId: f.sam, operationId: newId() });
		if (!paid.ok || !('entryId' in paid)) throw new Error('pay failed');
		const op = newId();
		const fix = () => recordCorrection(f.db, { youngPersonId: f.amira, correctsId: paid.entryId, pence: 4_000, reason: 'Bed was £200', actorId: f.sam, on: TODAY, operationId: op });
		expect(fix()).toMatchObject({ ok: true });
		expect(fix()).toMatchObject({ ok: true });
		expect(f.sqlite.prepare(`select count(*) from ledger_entry where kind = 'correction' and young_person_id = ?`).pluck().get(f.amira)).toBe(1);
	});

	it('the same ask submitted twice with the same operation id makes one ask', () => {
		const f = fixture();
		const op = newId();
		const send = () => askForMoney(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 24_000, item: 'A bed', actorId: f.amiraUser, today: TODAY, operationId: op });
		const first = send();
		expect(first.ok).toBe(true);
		expect(send()).toEqual(first);
		expect(f.sqlite.prepare('select count(*) from money_request where young_person_id = ?').pluck().get(f.amira)).toBe(1);
	});

	it('an operation id reused with different content is refused and nothing is written', () => {
		const f = fixture();
		const op = newId();
		const base = { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 24_000, item: 'A bed', paidOn: TODAY, actorId: f.sam, operationId: op };
		expect(recordPayment(f.db, base).ok).toBe(true);
		expect(recordPayment(f.db, { ...base, pence: 24_100 })).toEqual({ ok: false, code: 'operation_reused' });
		expect(askForMoney(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 100, item: 'x', actorId: f.amiraUser, today: TODAY, operationId: op })).toEqual({ ok: false, code: 'operation_reused' });
		expect(spends(f)).toBe(1);
		expect(f.sqlite.prepare('select count(*) from money_request where young_person_id = ?').pluck().get(f.amira)).toBe(0);
	});

	it('a write refused with a field error does not use up its operation id (fix and send again)', () => {
		const f = fixture();
		const op = newId();
		const base = { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, item: 'Everything', actorId: f.amiraUser, today: TODAY, operationId: op };
		expect(askForMoney(f.db, { ...base, pence: 999_999 })).toMatchObject({ ok: false, code: 'more_than_left' });
		expect(askForMoney(f.db, { ...base, pence: 1_000 }).ok).toBe(true);
	});

	it('a young person cannot ask for £0 (issue 12.9)', () => {
		const f = fixture();
		expect(ask(f, 0)).toEqual({ ok: false, field: 'amount', code: 'not_positive' });
		expect(f.sqlite.prepare('select count(*) from money_request where young_person_id = ?').pluck().get(f.amira)).toBe(0);
	});

	it('two PAs on two connections sending the same payment (same operation id) make one row', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'harbour-money-op-'));
		try {
			const path = join(dir, 'race.db');
			const a = openDatabase(path, { migrationsFolder: MIGRATIONS });
			generateCouncil(a.sqlite, { seed: 3, youngPeople: 10, contacts: 10, today: TODAY, demo: true });
			const b = openDatabase(path, { migrationsFolder: MIGRATIONS });
			const amira = a.sqlite.prepare(`select id from young_person where id not in (select young_person_id from ledger_entry) order by id limit 1`).pluck().get() as string;
			const user = (email: string) => a.sqlite.prepare('select id from user where email = ?').pluck().get(email) as string;
			for (let round = 0; round < 20; round++) {
				const op = newId();
				const both = await Promise.all(
					[a, b].map(async (conn, i) => {
						await Promise.resolve();
						return recordPayment(conn.db, { youngPersonId: amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 100, item: `Round ${round}`, paidOn: TODAY, actorId: user(i ? 'chris@demo.harbour.test' : 'sam@demo.harbour.test'), operationId: op });
					})
				);
				expect(both[0]).toEqual(both[1]);
			}
			expect(a.sqlite.prepare(`select count(*) from ledger_entry where kind = 'spend' and young_person_id = ?`).pluck().get(amira)).toBe(20);
			expect(b.sqlite.prepare(`select count(*) from money_operation where kind = 'pay'`).pluck().get()).toBe(20);
			a.sqlite.close();
			b.sqlite.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('corrections stay within bounds (issue 13.2)', () => {
	it('a +£5,000 correction of a £240 spend is refused; only what the spend was can be undone, once in total', () => {
		const f = fixture();
		const paid = recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 24_000, item: 'A bed', paidOn: TODAY, actorId: f.sam, operationId: newId() });
		if (!paid.ok || !('entryId' in paid)) throw new Error('pay failed');
		const fix = (pence: number, overrideReason: string | null = null) =>
			recordCorrection(f.db, { youngPersonId: f.amira, correctsId: paid.entryId, pence, reason: 'Refund', overrideReason, actorId: f.sam, on: TODAY, operationId: newId() });
		expect(fix(500_000)).toEqual({ ok: false, code: 'correction_too_large', leftToUndoPence: 24_000 });
		expect(fix(-1_000)).toMatchObject({ ok: false, code: 'correction_wrong_way' });
		expect(fix(20_000)).toMatchObject({ ok: true });
		expect(fix(4_001)).toEqual({ ok: false, code: 'correction_too_large', leftToUndoPence: 4_000 });
		expect(fix(4_000)).toMatchObject({ ok: true });
		expect(fix(1)).toEqual({ ok: false, code: 'correction_too_large', leftToUndoPence: 0 });
		expect(potsOf(ledgerFor(f.db, f.amira))[0]!.leftPence).toBe(300_000);
	});

	it('a correction beyond the bounds with a reason waits for a manager, and moves nothing until confirmed', () => {
		const f = fixture();
		const paid = recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 24_000, item: 'A bed', paidOn: TODAY, actorId: f.sam, operationId: newId() });
		if (!paid.ok || !('entryId' in paid)) throw new Error('pay failed');
		const pending = recordCorrection(f.db, { youngPersonId: f.amira, correctsId: paid.entryId, pence: 30_000, reason: 'Refund and shop credit', overrideReason: 'Shop refunded delivery too', actorId: f.sam, on: TODAY, operationId: newId() });
		expect(pending).toMatchObject({ ok: true, why: 'override' });
		expect(potsOf(ledgerFor(f.db, f.amira))[0]!.leftPence).toBe(276_000);
		if (!pending.ok || !('pendingId' in pending)) throw new Error('not pending');
		expect(decidePending(f.db, { pendingId: pending.pendingId, decision: 'confirm', reason: '', actorId: f.sam, operationId: newId() })).toEqual({ ok: false, code: 'own_request' });
		expect(decidePending(f.db, { pendingId: pending.pendingId, decision: 'confirm', reason: '', actorId: f.priya, operationId: newId() })).toMatchObject({ ok: true, code: 'confirmed' });
		expect(potsOf(ledgerFor(f.db, f.amira))[0]!.leftPence).toBe(306_000);
	});

	it('a correction pointing at an entry of another young person is not found', () => {
		const f = fixture();
		const other = f.sqlite.prepare(`select id from ledger_entry where young_person_id != ? and kind = 'spend' limit 1`).pluck().get(f.amira) as number;
		expect(other).toBeGreaterThan(0);
		expect(recordCorrection(f.db, { youngPersonId: f.amira, correctsId: other, pence: 100, reason: 'x', actorId: f.sam, on: TODAY, operationId: newId() })).toEqual({ ok: false, code: 'not_found' });
	});
});

describe('approval limits and separation of duties (issue 13.3)', () => {
	it('the approval limit is £500 until a manager sets one, and each change is a new version', () => {
		const f = fixture();
		expect(currentLimit(f.db)).toBe(50_000);
		expect(setApprovalLimit(f.db, { limitPence: 75_000, actorId: f.priya, operationId: newId() })).toEqual({ ok: true, version: 1 });
		expect(setApprovalLimit(f.db, { limitPence: 40_000, actorId: f.priya, operationId: newId() })).toEqual({ ok: true, version: 2 });
		expect(currentLimit(f.db)).toBe(40_000);
		expect(() => f.sqlite.prepare('update approval_limit_version set limit_pence = 1').run()).toThrow(/append-only/);
	});

	it('an over-limit payment waits for a manager and moves no money until confirmed', () => {
		const f = fixture();
		const pending = recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 60_000, item: 'Sofa', paidOn: TODAY, actorId: f.sam, operationId: newId() });
		expect(pending).toMatchObject({ ok: true, why: 'over_limit' });
		expect(spends(f)).toBe(0);
		expect(potsOf(ledgerFor(f.db, f.amira))[0]!.leftPence).toBe(300_000);
		expect(pendingList(f.db, f.amira)).toMatchObject([{ kind: 'pay', pence: 60_000, by: 'Sam Taylor', why: 'over_limit' }]);
		expect(pendingList(f.db).some((p) => p.youngPersonId === f.amira)).toBe(true);
		if (!pending.ok || !('pendingId' in pending)) throw new Error('not pending');
		const op = newId();
		expect(decidePending(f.db, { pendingId: pending.pendingId, decision: 'confirm', reason: '', actorId: f.priya, operationId: op })).toMatchObject({ ok: true, code: 'confirmed' });
		expect(decidePending(f.db, { pendingId: pending.pendingId, decision: 'confirm', reason: '', actorId: f.priya, operationId: op })).toMatchObject({ ok: true, code: 'confirmed' });
		expect(spends(f)).toBe(1);
		expect(potsOf(ledgerFor(f.db, f.amira))[0]!.leftPence).toBe(240_000);
		expect(f.sqlite.prepare(`select created_by, approved_by from ledger_entry where kind = 'spend' and young_person_id = ?`).get(f.amira)).toEqual({ created_by: f.sam, approved_by: f.priya });
		expect(pendingList(f.db, f.amira)).toEqual([]);
	});

	it('a refused over-limit payment never moves money', () => {
		const f = fixture();
		const pending = recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 60_000, item: 'Sofa', paidOn: TODAY, actorId: f.sam, operationId: newId() });
		if (!pending.ok || !('pendingId' in pending)) throw new Error('not pending');
		expect(decidePending(f.db, { pendingId: pending.pendingId, decision: 'refuse', reason: '', actorId: f.priya, operationId: newId() })).toEqual({ ok: false, code: 'reason_missing' });
		expect(decidePending(f.db, { pendingId: pending.pendingId, decision: 'refuse', reason: 'Get a second quote', actorId: f.priya, operationId: newId() })).toMatchObject({ ok: true, code: 'refused' });
		expect(decidePending(f.db, { pendingId: pending.pendingId, decision: 'confirm', reason: '', actorId: f.priya, operationId: newId() })).toEqual({ ok: false, code: 'already_decided' });
		expect(spends(f)).toBe(0);
	});

	it('a self-approval is refused: the one who recorded an over-limit payment cannot confirm it', () => {
		const f = fixture();
		const pending = recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 60_000, item: 'Sofa', paidOn: TODAY, actorId: f.priya, operationId: newId() });
		if (!pending.ok || !('pendingId' in pending)) throw new Error('not pending');
		expect(decidePending(f.db, { pendingId: pending.pendingId, decision: 'confirm', reason: '', actorId: f.priya, operationId: newId() })).toEqual({ ok: false, code: 'own_request' });
		expect(spends(f)).toBe(0);
	});

	it('a self-approval is refused: nobody can agree an ask they made themselves', () => {
		const f = fixture();
		const asked = askForMoney(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 1_000, item: 'Kettle', actorId: f.sam, today: TODAY, operationId: newId() });
		if (!asked.ok) throw new Error('ask failed');
		expect(approve(f, asked.requestId, f.sam)).toEqual({ ok: false, code: 'own_request' });
		expect(approve(f, asked.requestId, f.chris)).toEqual({ ok: true, code: 'approved' });
	});

	it('an ask above the limit, once agreed by the PA, waits for a manager before it can be paid', () => {
		const f = fixture();
		const asked = ask(f, 80_000, 'Washing machine and fridge');
		if (!asked.ok) throw new Error('ask failed');
		expect(approve(f, asked.requestId)).toEqual({ ok: true, code: 'pending' });
		expect(f.sqlite.prepare('select state from money_request where id = ?').pluck().get(asked.requestId)).toBe('confirming');
		const pay = () => recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, requestId: asked.requestId, pence: 0, item: '', paidOn: TODAY, actorId: f.sam, operationId: newId() });
		expect(pay()).toMatchObject({ ok: false, code: 'not_approved' });
		const [waiting] = pendingList(f.db, f.amira);
		expect(decidePending(f.db, { pendingId: waiting!.id, decision: 'confirm', reason: '', actorId: f.sam, operationId: newId() })).toEqual({ ok: false, code: 'own_request' });
		expect(decidePending(f.db, { pendingId: waiting!.id, decision: 'confirm', reason: '', actorId: f.priya, operationId: newId() })).toMatchObject({ ok: true, code: 'confirmed' });
		// Confirmed once by a manager: paying it does not wait a second time.
		expect(pay()).toMatchObject({ ok: true, leftPence: 220_000 });
		expect(f.sqlite.prepare(`select approved_by from ledger_entry where kind = 'spend' and young_person_id = ?`).pluck().get(f.amira)).toBe(f.priya);
		expect(f.sqlite.prepare('select decided_by, confirmed_by from money_request where id = ?').get(asked.requestId)).toEqual({ decided_by: f.sam, confirmed_by: f.priya });
	});

	it('the person who agreed an ask cannot also be the only one to confirm an override paying it', () => {
		const f = fixture();
		const other = 'mgr2' + newId();
		f.sqlite.prepare(`insert into user (id, email, display_name, role, created_at) select ?, 'second.manager@demo.harbour.test', 'Morgan Lee', 'manager', created_at from user where id = ?`).run(other, f.priya);
		const asked = ask(f, 30_000, 'Deposit');
		if (!asked.ok) throw new Error('ask failed');
		expect(approve(f, asked.requestId, f.priya)).toEqual({ ok: true, code: 'approved' });
		recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 49_000, item: 'Cooker', paidOn: TODAY, actorId: f.sam, operationId: newId() });
		recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 49_000, item: 'Bed', paidOn: TODAY, actorId: f.sam, operationId: newId() });
		recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 49_000, item: 'Sofa', paidOn: TODAY, actorId: f.sam, operationId: newId() });
		recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 49_000, item: 'Table', paidOn: TODAY, actorId: f.sam, operationId: newId() });
		recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 49_000, item: 'Curtains', paidOn: TODAY, actorId: f.sam, operationId: newId() });
		expect(potsOf(ledgerFor(f.db, f.amira))[0]!.leftPence).toBe(55_000 - 30_000 + 30_000);
		recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 40_000, item: 'Wardrobe', paidOn: TODAY, actorId: f.sam, operationId: newId() });
		const pending = recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, requestId: asked.requestId, pence: 0, item: '', paidOn: TODAY, overrideReason: 'Deposit needed today', actorId: f.sam, operationId: newId() });
		expect(pending).toMatchObject({ ok: true, why: 'override' });
		if (!pending.ok || !('pendingId' in pending)) throw new Error('not pending');
		expect(decidePending(f.db, { pendingId: pending.pendingId, decision: 'confirm', reason: '', actorId: f.priya, operationId: newId() })).toEqual({ ok: false, code: 'approved_it' });
		expect(decidePending(f.db, { pendingId: pending.pendingId, decision: 'confirm', reason: '', actorId: other, operationId: newId() })).toMatchObject({ ok: true, code: 'confirmed' });
		expect(potsOf(ledgerFor(f.db, f.amira))[0]!.leftPence).toBe(-15_000);
	});
});

describe('finance export and cost codes (issue 13.10)', () => {
	it('lists the period\'s payments with cost code, payee, recorder, approvers and entry ids', () => {
		const f = fixture();
		expect(setCostCodes(f.db, { codes: { setting_up_home: '=LC-4410' }, actorId: f.priya, operationId: newId() })).toEqual({ ok: true, changed: 1 });
		expect(costCodes(f.db).get('setting_up_home')).toBe('=LC-4410');
		const asked = ask(f, 24_000, '=HYPERLINK("http://x")');
		if (!asked.ok) throw new Error('ask failed');
		approve(f, asked.requestId, f.chris);
		const paid = recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, requestId: asked.requestId, pence: 0, item: '', paidOn: TODAY, actorId: f.sam, operationId: newId() });
		if (!paid.ok || !('entryId' in paid)) throw new Error('pay failed');
		const rows = paymentsBetween(f.db, TODAY, TODAY).filter((r) => r.payeeId === f.amira);
		expect(rows).toMatchObject([{ entryId: paid.entryId, type: 'payment', pence: 24_000, costCode: '=LC-4410', recordedBy: 'Sam Taylor', approvedBy: ['Chris Evans'], requestId: asked.requestId, itemName: 'Setting up home allowance' }]);
		expect(paymentsBetween(f.db, '2026-11-25', '2026-12-31').some((r) => r.payeeId === f.amira)).toBe(false);
	});
});
