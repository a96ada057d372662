import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client';
import { askForMoney, decideRequest, ledgerFor, potsOf, recordCorrection, recordPayment, setClaimState } from '../../src/lib/server/money/ledger';
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

const ask = (f: ReturnType<typeof fixture>, pence: number, item = 'A bed') =>
	askForMoney(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence, item, actorId: f.amiraUser, today: TODAY });

describe('the money ledger', () => {
	it('runs ask → approve → pay, and both sides see the new balance', () => {
		const f = fixture();
		const asked = ask(f, 24_000);
		expect(asked.ok).toBe(true);
		if (!asked.ok) return;
		expect(decideRequest(f.db, { youngPersonId: f.amira, requestId: asked.requestId, decision: 'approve', reason: '', actorId: f.sam })).toBe('approved');
		const paid = recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, requestId: asked.requestId, pence: 24_000, item: '', paidOn: TODAY, actorId: f.sam });
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
		const decide = (actorId: string) => decideRequest(f.db, { youngPersonId: f.amira, requestId: asked.requestId, decision: 'approve', reason: '', actorId });
		expect([decide(f.sam), decide(f.chris)]).toEqual(['approved', 'already_decided']);
		const pay = () => recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, requestId: asked.requestId, pence: 10_000, item: '', paidOn: TODAY, actorId: f.sam });
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
				const asked = askForMoney(a.db, { youngPersonId: amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 100, item: `Round ${round}`, actorId: user('amira@demo.harbour.test'), today: TODAY });
				if (!asked.ok) throw new Error('ask failed');
				const both = await Promise.all(
					[a, b].map(async (conn, i) => {
						await Promise.resolve();
						const decided = decideRequest(conn.db, { youngPersonId: amira, requestId: asked.requestId, decision: 'approve', reason: '', actorId: user(i ? 'chris@demo.harbour.test' : 'sam@demo.harbour.test') });
						const paid = recordPayment(conn.db, { youngPersonId: amira, entitlement: 'setting_up_home', allowancePence: 300_000, requestId: asked.requestId, pence: 100, item: '', paidOn: TODAY, actorId: user('sam@demo.harbour.test') });
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

	it('refuses to take a balance below zero unless an override reason is recorded', () => {
		const f = fixture();
		const base = { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 300_001, item: 'Sofa and bed', paidOn: TODAY, actorId: f.sam };
		expect(recordPayment(f.db, base)).toMatchObject({ ok: false, code: 'would_go_below_zero', leftPence: 300_000 });
		expect(recordPayment(f.db, { ...base, overrideReason: '   ' })).toMatchObject({ ok: false, code: 'would_go_below_zero' });
		expect(recordPayment(f.db, { ...base, overrideReason: 'Agreed by the team manager: flat fire' })).toMatchObject({ ok: true, leftPence: -1 });
		expect(f.sqlite.prepare('select override_reason from ledger_entry where kind = ? and young_person_id = ?').pluck().get('spend', f.amira)).toBe('Agreed by the team manager: flat fire');
	});

	it('corrects with a new entry and never edits or deletes one', () => {
		const f = fixture();
		const paid = recordPayment(f.db, { youngPersonId: f.amira, entitlement: 'setting_up_home', allowancePence: 300_000, pence: 5_000, item: 'Kettle', paidOn: TODAY, actorId: f.sam });
		if (!paid.ok) throw new Error('pay failed');
		expect(recordCorrection(f.db, { youngPersonId: f.amira, correctsId: paid.entryId, pence: 2_000, reason: 'Kettle cost £30, not £50', actorId: f.sam, on: TODAY })).toEqual({ ok: true });
		expect(potsOf(ledgerFor(f.db, f.amira))[0]!.leftPence).toBe(297_000);
		expect(() => f.sqlite.prepare('update ledger_entry set pence = 1').run()).toThrow(/append-only/);
		expect(() => f.sqlite.prepare('delete from ledger_entry').run()).toThrow(/append-only/);
		expect(recordCorrection(f.db, { youngPersonId: f.amira, correctsId: 999_999, pence: 1, reason: 'x', actorId: f.sam, on: TODAY })).toEqual({ ok: false, code: 'not_found' });
	});

	it('records a declined claim with its reason, as a step in the story', () => {
		const f = fixture();
		setClaimState(f.db, { youngPersonId: f.amira, entitlement: 'he_bursary', state: 'declined', reason: 'Not at university yet', actorId: f.sam });
		expect(f.sqlite.prepare(`select state, decline_reason from claim where entitlement = 'he_bursary'`).get()).toEqual({ state: 'declined', decline_reason: 'Not at university yet' });
	});
});

describe('the local offer', () => {
	it('keeps every version: an edit is a new version and claims keep theirs', () => {
		const f = fixture();
		const fields = { title: 'Driving lessons', description: 'Up to 10 lessons', howToGet: 'Ask your PA', conditions: '', amountPence: 50_000, minAge: 17, maxAge: 25, effectiveFrom: '2026-04-01', effectiveTo: null, withdrawn: false };
		const first = saveLocalOffer(f.db, null, fields, f.priya);
		const asked = askForMoney(f.db, { youngPersonId: f.amira, entitlement: `local:${first.offerId}`, allowancePence: 50_000, pence: 10_000, item: 'Two lessons', actorId: f.amiraUser, today: TODAY, localOfferVersionId: f.sqlite.prepare('select id from local_offer_version where offer_id = ?').pluck().get(first.offerId) as number });
		expect(asked.ok).toBe(true);
		const second = saveLocalOffer(f.db, first.offerId, { ...fields, amountPence: 60_000 }, f.priya);
		expect(second).toEqual({ offerId: first.offerId, version: 2 });
		expect(latestLocalOffers(f.db).filter((o) => o.offerId === first.offerId).map((o) => [o.version, o.amountPence])).toEqual([[2, 60_000]]);
		expect(f.sqlite.prepare('select amount_pence from local_offer_version where version = 1 and offer_id = ?').pluck().get(first.offerId)).toBe(50_000);
		expect(f.sqlite.prepare('select v.version from claim c join local_offer_version v on v.id = c.local_offer_version_id where c.young_person_id = ?').pluck().get(f.amira)).toBe(1);
		expect(() => f.sqlite.prepare('update local_offer_version set amount_pence = 1').run()).toThrow(/append-only/);
	});
});
