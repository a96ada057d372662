import { Faker, base, en, en_GB } from '@faker-js/faker';
import { addCalendarDays, birthday } from '../../domain/dates';
import type { Activity, LegalStatus } from '../db/schema';
import type { Sqlite } from '../db/client';
import { DEMO_PERSONAS } from './personas';

export interface SeedOptions {
	seed: number;
	youngPeople: number;
	/** Contact-like rows in all (PA contacts), spread over the last two years. */
	contacts: number;
	/** The day the council's data is "as of" (a London calendar day). */
	today: string;
	demo: boolean;
	onProgress?: (done: number, total: number) => void;
}

export interface SeedSummary {
	youngPeople: number;
	advisers: number;
	mentors: number;
	managers: number;
	contacts: number;
	assignments: number;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const UASC_NAMES = ['Yonas', 'Ahmad', 'Mohammed', 'Ali', 'Samir', 'Hevin', 'Awet', 'Bilal', 'Omid', 'Reza', 'Selam', 'Hamid', 'Daniel', 'Yusuf'];
const UASC_LANGUAGES = ['Arabic', 'Tigrinya', 'Pashto', 'Kurdish', 'Dari', 'Amharic', 'Albanian', 'Vietnamese', 'Farsi', 'Sudanese Arabic'];
const METHODS = ['visit', 'visit', 'call', 'call', 'message', 'office'] as const;

/**
 * Writes a realistic, made-up council into an empty, migrated database. The same seed gives the
 * same council, row for row. Raw prepared statements in large transactions: 100,000 young people
 * and 1,000,000 contacts take well under two minutes.
 */
export function generateCouncil(sqlite: Sqlite, options: SeedOptions): SeedSummary {
	const faker = new Faker({ locale: [en_GB, en, base] });
	faker.seed(options.seed);
	const id = () => faker.string.fromCharacters(BASE32, 16);
	const pick = <T>(items: readonly T[]): T => items[faker.number.int(items.length - 1)] as T;
	const chance = (p: number) => faker.number.float() < p;
	const { today } = options;
	const now = Date.parse(`${today}T12:00:00Z`);

	const advisers = Math.max(3, Math.ceil(options.youngPeople / 25));
	const mentors = Math.max(1, Math.ceil(options.youngPeople / 20));
	const managers = Math.max(1, Math.ceil(options.youngPeople / 2000));
	const total = advisers + mentors + managers + options.youngPeople * 2 + options.contacts;
	let done = 0;
	const tick = (n = 1) => {
		done += n;
		if (done % 5000 < n || done === total) options.onProgress?.(done, total);
	};

	const insertUser = sqlite.prepare(
		'insert into user (id, role, display_name, email, status, created_at) values (?, ?, ?, ?, ?, ?)'
	);
	const insertPerson = sqlite.prepare(
		`insert into young_person (id, user_id, full_name, preferred_name, date_of_birth, legal_status,
		 weeks_looked_after_since_14, looked_after_on_16th_birthday, left_care_on, uasc, parent, staying_put,
		 activity, activity_started_on, languages, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const insertAssignment = sqlite.prepare(
		'insert into assignment (young_person_id, adviser_id, kind, starts_on, ends_on, reason, created_at) values (?, ?, ?, ?, ?, ?, ?)'
	);
	const insertContact = sqlite.prepare(
		'insert into pa_contact (young_person_id, adviser_id, occurred_on, method, in_touch, note, restricted, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)'
	);

	const staff = (role: string, count: number, personas: readonly { displayName: string; email: string }[]) => {
		const ids: string[] = [];
		for (let i = 0; i < count; i++) {
			const persona = options.demo ? personas[i] : undefined;
			const userId = id();
			const name = persona?.displayName ?? faker.person.fullName();
			const email = persona?.email ?? `${role}.${i + 1}@staff.harbourside.example`;
			insertUser.run(userId, role, name, email, 'active', now);
			ids.push(userId);
			tick();
		}
		return ids;
	};

	let assignments = 0;
	const people: { id: string; dob: string; adviser: string; since: string; age: number; status: LegalStatus; userId: string | null; key: string | null }[] = [];
	let managerIds: string[] = [];
	let mentorIds: string[] = [];

	sqlite.transaction(() => {
		const adviserIds = staff('adviser', advisers, DEMO_PERSONAS.advisers);
		mentorIds = staff('mentor', mentors, DEMO_PERSONAS.mentors);
		managerIds = staff('manager', managers, DEMO_PERSONAS.managers);

		for (let i = 0; i < options.youngPeople; i++) {
			const persona = options.demo ? DEMO_PERSONAS.youngPeople[i] : undefined;
			const age = persona?.age ?? faker.number.int({ min: 16, max: 25 });
			// A birthday between `age` and `age + 1` years ago (never in the future, never a day too old).
			const lastBirthdayYear = Number(today.slice(0, 4)) - age;
			const dob = addCalendarDays(safeDay(lastBirthdayYear, today), -faker.number.int(364));
			const uasc = persona?.uasc ?? chance(0.15);
			const facts = careFacts(age, dob, today, faker.number.float(), faker.number.int({ min: 13, max: 400 }), faker.number.int({ min: 2, max: 12 }));
			const activity = chooseActivity(age, faker.number.float());
			const activityStartedOn = activity === 'higher_education' || activity === 'apprenticeship' ? addCalendarDays(today, -faker.number.int({ min: 10, max: 700 })) : null;
			const first = uasc ? pick(UASC_NAMES) : faker.person.firstName();
			const fullName = persona?.fullName ?? `${first} ${faker.person.lastName()}`;
			const preferredName = persona?.preferredName ?? (chance(0.2) ? first.slice(0, Math.max(3, first.length - 2)) : first);
			const languages = persona?.languages ?? (uasc ? [pick(UASC_LANGUAGES), 'English'] : ['English']);
			let userId: string | null = null;
			if (persona?.email) {
				userId = id();
				insertUser.run(userId, 'young_person', persona.preferredName, persona.email, 'active', now);
			}
			const personId = id();
			insertPerson.run(
				personId, userId, fullName, preferredName, dob, facts.status, facts.weeks, facts.on16th ? 1 : 0, facts.leftCareOn,
				uasc ? 1 : 0, age >= 17 && chance(0.08) ? 1 : 0, facts.status === 'former_relevant' && age <= 20 && chance(0.2) ? 1 : 0,
				activity, activityStartedOn, JSON.stringify(languages), now
			);
			// Demo people have fixed relationships (see personas.ts); everyone else is spread across PAs.
			const [sam, chris] = adviserIds as [string, string];
			const adviser = persona ? (persona.key === 'leah' ? chris : sam) : (adviserIds[i % adviserIds.length] as string);
			const since = persona?.key === 'leah' ? addCalendarDays(today, -30) : addCalendarDays(today, -faker.number.int({ min: 30, max: 900 }));
			if (persona?.key === 'leah') {
				insertAssignment.run(personId, sam, 'primary', addCalendarDays(today, -400), addCalendarDays(today, -31), 'Moved nearer college', now);
				assignments++;
			}
			const covers: Record<string, [number, number]> = { dan: [-5, 14], maya: [-40, -20], tom: [7, 21] };
			const cover = persona ? covers[persona.key] : undefined;
			if (cover) {
				insertAssignment.run(personId, chris, 'cover', addCalendarDays(today, cover[0]), addCalendarDays(today, cover[1]), 'Annual leave', now);
				assignments++;
			}
			if (!persona && chance(0.3)) {
				const before = adviserIds[(i + 7) % adviserIds.length] as string;
				insertAssignment.run(personId, before, 'primary', addCalendarDays(since, -faker.number.int({ min: 60, max: 700 })), addCalendarDays(since, -1), 'Caseloads rebalanced', now);
				assignments++;
			}
			insertAssignment.run(personId, adviser, 'primary', since, null, null, now);
			assignments++;
			if (!persona && chance(0.02)) {
				const candidate = adviserIds[(i + 3) % adviserIds.length] as string;
				const cover = candidate === adviser ? (adviserIds[(i + 4) % adviserIds.length] as string) : candidate;
				insertAssignment.run(personId, cover, 'cover', addCalendarDays(today, -5), addCalendarDays(today, 14), 'Annual leave', now);
				assignments++;
			}
			people.push({ id: personId, dob, adviser, since, age, status: facts.status, userId, key: persona?.key ?? null });
			tick(2);
		}
	})();

	// Contacts, in batches so a million rows never sit in one huge transaction.
	const batch = 50_000;
	for (let start = 0; start < options.contacts; start += batch) {
		const end = Math.min(options.contacts, start + batch);
		sqlite.transaction(() => {
			for (let c = start; c < end; c++) {
				const person = people[c % people.length];
				if (!person) break;
				const occurredOn = addCalendarDays(today, -faker.number.int(730));
				insertContact.run(person.id, person.adviser, occurredOn, pick(METHODS), chance(0.9) ? 1 : 0, '', chance(0.05) ? 1 : 0, now);
			}
		})();
		tick(end - start);
	}

	seedMoney(sqlite, faker, people, managerIds[0] as string, today, now, id);
	seedMatches(sqlite, faker, people, mentorIds, today, now, id);
	seedHousing(sqlite, faker, people, today, now, id);
	seedReturns(sqlite, faker, people, today, now);
	seedLifeEvents(sqlite, people, today);

	return { youngPeople: options.youngPeople, advisers, mentors, managers, contacts: options.contacts, assignments };
}

/**
 * Mentor and befriender matches. Demo: Jo is Amira's mentor (active, weekly) and was Tom's (ended
 * a month ago). Others: about one young person in four has a match, most of them active.
 */
function seedMatches(sqlite: Sqlite, faker: Faker, people: { id: string; key: string | null }[], mentorIds: string[], today: string, now: number, id: () => string) {
	const insert = sqlite.prepare(
		`insert into mentor_match (id, mentor_id, young_person_id, kind, status, rhythm, started_on, planned_end_on, ended_on, closing_note, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const [jo] = mentorIds as [string];
	const log = sqlite.prepare(
		`insert into contact_log (match_id, mentor_id, young_person_id, occurred_on, mode, minutes, note, mood, operation_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const profile = sqlite.prepare(
		`insert into mentor_profile (user_id, offers, dbs_level, certificate_on, update_service_checked_on, references_received, training_completed_on, last_supervision_on, capacity, gender, interests, languages, area, lat, lon, updated_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const INTERESTS = ['football', 'cooking', 'music', 'gaming', 'art', 'running', 'films', 'gym', 'cars', 'reading', 'fashion', 'coding'];
	const LANGUAGES = ['Arabic', 'Tigrinya', 'Pashto', 'Dari', 'Kurdish', 'Polish', 'Somali', 'Amharic', 'Vietnamese', 'Albanian'];
	// Harbourside is a made-up place; its districts sit around central London's coordinates.
	const centre = { lat: 51.5, lon: -0.12 };
	sqlite.transaction(() => {
		mentorIds.forEach((mentorId, i) => {
			if (i === 0) {
				profile.run(jo, 'both', 'enhanced_barred_children', addCalendarDays(today, -300), null, 2, addCalendarDays(today, -280), addCalendarDays(today, -20), 3, 'female', JSON.stringify(['football', 'cooking', 'music']), JSON.stringify(['English', 'Arabic']), 'HS1', centre.lat + 0.01, centre.lon, now);
				return;
			}
			const level = faker.helpers.arrayElement(['enhanced_barred_children', 'enhanced_barred_children', 'enhanced', 'basic']);
			const certificate = addCalendarDays(today, -faker.number.int({ min: 30, max: 1400 }));
			profile.run(
				mentorId, faker.helpers.arrayElement(['mentor', 'befriender', 'both']), level, certificate, faker.number.float() < 0.3 ? addCalendarDays(today, -faker.number.int({ min: 10, max: 500 })) : null,
				faker.number.int({ min: 1, max: 3 }), addCalendarDays(certificate, 20), addCalendarDays(today, -faker.number.int({ min: 5, max: 120 })), faker.number.int({ min: 1, max: 3 }),
				faker.helpers.arrayElement(['female', 'male', 'female', 'male', 'non_binary']), JSON.stringify(faker.helpers.arrayElements(INTERESTS, { min: 1, max: 4 })),
				JSON.stringify(['English', ...(faker.number.float() < 0.3 ? [faker.helpers.arrayElement(LANGUAGES)] : [])]), `HS${faker.number.int({ min: 1, max: 9 })}`,
				centre.lat + faker.number.float({ min: -0.1, max: 0.1 }), centre.lon + faker.number.float({ min: -0.15, max: 0.15 }), now
			);
		});
	})();
	sqlite.transaction(() => {
		people.forEach((p, i) => {
			if (p.key === 'amira') {
				// Weekly with Jo, last seen 9 days ago: "overdue by 2 days" until Jo logs today's coffee.
				const matchId = id();
				insert.run(matchId, jo, p.id, 'mentor', 'active', 'weekly', addCalendarDays(today, -120), addCalendarDays(today, 245), null, null, now);
				for (const ago of [9, 16, 23, 37, 44, 51]) log.run(matchId, jo, p.id, addCalendarDays(today, -ago), ago % 2 ? 'in_person' : 'call', 60, '', 'good', id(), now);
			}
			else if (p.key === 'leah') sqlite.prepare(`insert into match_request (id, young_person_id, kind, interests, languages, gender_preference, area, lat, lon, frequency, created_at) values (?, ?, 'either', '["football","music"]', '["English"]', 'any', 'HS1', 51.51, -0.12, 'fortnightly', ?)`).run(id(), p.id, now);
			else if (p.key === 'maya' && mentorIds.length > 1) insert.run(id(), mentorIds[1] as string, p.id, 'befriender', 'proposed', 'fortnightly', null, null, null, null, now);
			else if (p.key === 'tom') insert.run(id(), jo, p.id, 'befriender', 'ended', 'fortnightly', addCalendarDays(today, -400), null, addCalendarDays(today, -30), 'Tom moved away for work; we said a proper goodbye.', now);
			else if (!p.key && mentorIds.length > 1 && faker.number.float() < 0.25) {
				const mentor = mentorIds[1 + (i % (mentorIds.length - 1))] as string;
				const roll = faker.number.float();
				const status = roll < 0.75 ? 'active' : roll < 0.85 ? 'paused' : roll < 0.9 ? 'introduced' : 'ended';
				const started = addCalendarDays(today, -faker.number.int({ min: 14, max: 700 }));
				const matchId = id();
				insert.run(matchId, mentor, p.id, faker.number.float() < 0.6 ? 'mentor' : 'befriender', status, faker.helpers.arrayElement(['weekly', 'fortnightly', 'monthly']), started, addCalendarDays(started, 365), status === 'ended' ? addCalendarDays(today, -faker.number.int({ min: 1, max: 10 })) : null, status === 'ended' ? 'Planned ending.' : null, now);
				if (status === 'active') {
					const gap = faker.number.int({ min: 3, max: 40 });
					for (let k = 0; k < 3; k++) log.run(matchId, mentor, p.id, addCalendarDays(today, -gap - k * 14), 'in_person', 45, '', 'not_said', id(), now);
				}
			}
		});
	})();
}

/** Where young people live now (an ACCOM code each), and a few housing worries, mostly sorted. */
function seedHousing(sqlite: Sqlite, faker: Faker, people: { id: string; adviser: string; age: number; since: string; key: string | null; userId: string | null }[], today: string, now: number, id: () => string) {
	// Pathway plans: a review in the last 8 months for most, so some are due and most are not.
	const review = sqlite.prepare(`insert into pathway_review (young_person_id, kind, "on", recorded_by, recorded_at) values (?, 'review', ?, ?, ?)`);
	const stay = sqlite.prepare(`insert into accommodation_stay (young_person_id, accom_code, from_on, emergency, council_provided, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)`);
	const flag = sqlite.prepare(
		`insert into housing_flag (id, young_person_id, raised_by, operation_id, kind, urgency, note, status, raised_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by, outcome, resolution)
		 values (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const event = sqlite.prepare(`insert into housing_flag_event (flag_id, kind, note, actor_id, at) values (?, ?, '', ?, ?)`);
	const codes = (age: number) => (age < 18 ? ['C1', 'D1', 'D1', 'E1', 'Z1', 'B1'] : ['U1', 'U1', 'U1', 'D1', 'D1', 'Z1', 'B1', 'K1', 'T1', 'K2', 'U2', 'S2', 'W2', 'R2']);
	const day = 86_400_000;
	const batch = 20_000;
	for (let start = 0; start < people.length; start += batch) {
		sqlite.transaction(() => {
			for (const p of people.slice(start, start + batch)) {
				if (p.key !== 'dan') review.run(p.id, addCalendarDays(today, -faker.number.int({ min: 7, max: p.key ? 120 : 240 })), p.adviser, now);
				const code = p.key === 'amira' ? 'U1' : p.key === 'dan' ? 'D1' : (faker.helpers.arrayElement(codes(p.age)) as string);
				stay.run(p.id, code, addCalendarDays(today, -faker.number.int({ min: 20, max: 600 })), code.startsWith('W') || code.startsWith('V') ? 1 : 0, code.startsWith('U') ? 1 : 0, p.adviser, now);
				// Amira once had her boiler fail: a sorted worry in her history. About 3% of others have a worry, a third still open.
				if (p.key === 'amira' || (!p.key && faker.number.float() < 0.03)) {
					const flagId = id();
					const open = p.key !== 'amira' && faker.number.float() < 0.33;
					const raisedAt = now - faker.number.int({ min: 1, max: 90 }) * day;
					const kind = p.key === 'amira' ? 'repairs' : faker.helpers.arrayElement(['might_lose_home', 'asked_to_leave', 'need_to_move', 'repairs']);
					const by = p.userId ?? p.adviser;
					flag.run(flagId, p.id, by, id(), kind, 'soon', open ? 'raised' : 'resolved', raisedAt, open ? null : raisedAt + day, open ? null : p.adviser, open ? null : raisedAt + 5 * day, open ? null : p.adviser, open ? null : 'stayed', open ? null : 'Landlord fixed it.');
					event.run(flagId, 'raised', by, raisedAt);
					if (!open) {
						event.run(flagId, 'acknowledged', p.adviser, raisedAt + day);
						event.run(flagId, 'resolved', p.adviser, raisedAt + 5 * day);
					}
				}
			}
		})();
	}
}

/**
 * DfE birthday returns already made this reporting year (birthdays from 1 April to today), so the
 * manager's indicators have data: codes drawn to look like a real council's, and always valid.
 */
function seedReturns(sqlite: Sqlite, faker: Faker, people: { id: string; dob: string; adviser: string }[], today: string, now: number) {
	const insert = sqlite.prepare(
		`insert or ignore into birthday_return (young_person_id, age, reporting_year, in_touch, activity, accommodation, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const year = Number(today.slice(5, 7)) >= 4 ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
	const from = `${year}-04-01`;
	sqlite.transaction(() => {
		for (const p of people) {
			for (let age = 17; age <= 21; age++) {
				const b = birthday(p.dob, age);
				if (b < from || b > today) continue;
				const roll = faker.number.float();
				const inTouch = roll < 0.86 ? 'YES' : roll < 0.92 ? 'NO' : roll < 0.95 ? 'REFU' : roll < 0.98 ? 'NREQ' : roll < 0.99 ? 'RHOM' : 'DIED';
				const gone = inTouch === 'RHOM' || inTouch === 'DIED';
				const known = inTouch === 'YES' || (!gone && faker.number.float() < 0.3);
				const activity = gone || !known ? '0' : faker.helpers.arrayElement(['F1', 'F2', 'F2', 'P2', 'F4', 'F5', 'F5', 'P5', 'G4', 'G5', 'G5', 'G6']);
				const accommodation = gone || !known ? '0' : faker.helpers.arrayElement(['U1', 'U1', 'D1', 'Z1', 'B1', 'K1', 'T1', 'U2', 'S2', 'W2']);
				insert.run(p.id, age, year, inTouch, activity, accommodation, p.adviser, now);
			}
		}
	})();
}

const LOCAL_OFFER = [
	{ title: 'Driving lessons', description: 'Up to £500 towards driving lessons and your theory test.', howToGet: 'Ask your personal adviser. They will help you book.', amount: 50_000, minAge: 17, maxAge: 25 },
	{ title: 'Birthday and festival gift', description: 'A £50 gift on your birthday and for a festival that matters to you.', howToGet: 'Paid by your personal adviser. You do not need to ask.', amount: 5_000, minAge: 16, maxAge: 21 },
	{ title: 'Free leisure pass', description: 'Free entry to council gyms and swimming pools.', howToGet: 'Show your care leaver card at the front desk.', amount: null, minAge: 16, maxAge: 25 }
];
const ITEMS = ['Bed and mattress', 'Cooker', 'Fridge freezer', 'Washing machine', 'Curtains', 'Pots and pans', 'Sofa', 'Bedding and towels', 'Kettle and toaster', 'Table and chairs'];

/** The local offer, and a realistic spread of claims and ledger entries (demo: Amira has bought a cooker). */
function seedMoney(sqlite: Sqlite, faker: Faker, people: { id: string; adviser: string; age: number; status: LegalStatus; userId: string | null; key: string | null }[], managerId: string, today: string, now: number, id: () => string) {
	const offer = sqlite.prepare(
		`insert into local_offer_version (offer_id, version, title, description, how_to_get, conditions, amount_pence, min_age, max_age, effective_from, created_by, created_at)
		 values (?, 1, ?, ?, ?, '', ?, ?, ?, '2025-04-01', ?, ?)`
	);
	const claimRow = sqlite.prepare(`insert into claim (id, young_person_id, entitlement, state, updated_at, created_at) values (?, ?, 'setting_up_home', ?, ?, ?)`);
	const event = sqlite.prepare(`insert into claim_event (claim_id, state, note, actor_id, at) values (?, ?, ?, ?, ?)`);
	const entry = sqlite.prepare(
		`insert into ledger_entry (young_person_id, entitlement, kind, pence, item, occurred_on, key, request_id, created_by, created_at) values (?, 'setting_up_home', ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const request = sqlite.prepare(
		`insert into money_request (id, claim_id, young_person_id, pence, item, state, asked_by, asked_at, decided_by, decided_at, paid_by, paid_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const batch = 20_000;
	sqlite.transaction(() => {
		for (const o of LOCAL_OFFER) offer.run(id(), o.title, o.description, o.howToGet, o.amount, o.minAge, o.maxAge, managerId, now);
	})();
	for (let start = 0; start < people.length; start += batch) {
		sqlite.transaction(() => {
			for (const p of people.slice(start, start + batch)) {
				const careLeaver = p.status !== 'qualifying' && p.age >= 18;
				const demoSpend = p.key === 'amira';
				if (!demoSpend && (p.key || !careLeaver || faker.number.float() > 0.4)) continue;
				const claimId = id();
				const opened = addCalendarDays(today, -faker.number.int({ min: 60, max: 500 }));
				const spends = demoSpend ? 1 : faker.number.int({ min: 0, max: 3 });
				claimRow.run(claimId, p.id, spends > 0 ? 'part_paid' : 'asked', now, now);
				event.run(claimId, 'asked', 'Setting up my first flat', p.userId ?? p.adviser, now);
				entry.run(p.id, 'allowance', 300_000, 'allowance', opened, `open:${p.id}:setting_up_home`, null, p.adviser, now);
				for (let s = 0; s < spends; s++) {
					const pence = demoSpend ? 28_000 : faker.number.int({ min: 20, max: 600 }) * 100;
					const item = demoSpend ? 'Cooker' : (ITEMS[faker.number.int(ITEMS.length - 1)] as string);
					const requestId = id();
					const on = demoSpend ? addCalendarDays(today, -40) : addCalendarDays(opened, faker.number.int({ min: 1, max: 50 }));
					request.run(requestId, claimId, p.id, pence, item, 'paid', p.userId ?? p.adviser, now, p.adviser, now, p.adviser, now);
					entry.run(p.id, 'spend', pence, item, on, `pay:${requestId}`, requestId, p.adviser, now);
				}
				if (spends > 0) event.run(claimId, 'part_paid', 'Paid', p.adviser, now);
				if (!demoSpend && faker.number.float() < 0.25) request.run(id(), claimId, p.id, faker.number.int({ min: 20, max: 400 }) * 100, ITEMS[faker.number.int(ITEMS.length - 1)] as string, 'asked', p.adviser, now, null, null, null, null);
			}
		})();
	}
}

/**
 * Dates a PA records as they happen (issue 13 items 5 and 9), set without the random generator so
 * every other seeded value stays as it was. Every third former relevant child has moved into a
 * first home, three weeks after leaving care (those who left before April 2023 show the £2,000
 * minimum of that time). 16- and 17-year-olds have their needs assessment done 6 weeks after their
 * 16th birthday, except every fourth, and Dan (demo), so Today shows the clock.
 */
function seedLifeEvents(sqlite: Sqlite, people: { id: string; dob: string; age: number; status: LegalStatus; key: string | null }[], today: string) {
	const moved = sqlite.prepare('update young_person set moved_into_first_home_on = ? where id = ?');
	const assessed = sqlite.prepare('update young_person set needs_assessment_completed_on = ? where id = ?');
	const leftOn = sqlite.prepare('select left_care_on from young_person where id = ?').pluck();
	sqlite.transaction(() => {
		let leavers = 0;
		let children = 0;
		for (const p of people) {
			const left = leftOn.get(p.id) as string | null;
			if (p.status === 'former_relevant' && left && (p.key === 'tom' || leavers++ % 3 === 0)) {
				const on = addCalendarDays(left, 21);
				moved.run(on <= today ? on : today, p.id);
			}
			if (p.age < 18 && (p.status === 'eligible' || p.status === 'relevant') && p.key !== 'dan' && children++ % 4 !== 3) {
				const on = addCalendarDays(birthday(p.dob, 16), 42);
				if (on <= today) assessed.run(on, p.id);
			}
		}
	})();
}

function safeDay(year: number, today: string): string {
	const md = today.slice(5);
	return md === '02-29' ? `${year}-03-01` : `${year}-${md}`;
}

/** Care history consistent with a legal status (domain.md §1.1). */
export function careFacts(age: number, dob: string, today: string, roll: number, weeks: number, shortWeeks: number) {
	const sixteenth = birthday(dob, 16);
	const eighteenth = birthday(dob, 18);
	let status: LegalStatus;
	if (age < 18) status = roll < 0.55 ? 'eligible' : roll < 0.88 ? 'relevant' : 'qualifying';
	else status = roll < 0.86 ? 'former_relevant' : 'qualifying';
	const qualifying = status === 'qualifying';
	let leftCareOn: string | null = null;
	if (status === 'relevant') leftCareOn = addCalendarDays(sixteenth, Math.floor(roll * 200));
	if (status === 'former_relevant') leftCareOn = eighteenth;
	if (qualifying) leftCareOn = age < 18 ? addCalendarDays(sixteenth, 30) : addCalendarDays(sixteenth, 60);
	if (leftCareOn && leftCareOn > today) leftCareOn = today;
	return { status, weeks: qualifying ? shortWeeks : weeks, on16th: true, leftCareOn };
}

export function chooseActivity(age: number, roll: number): Activity {
	if (age < 18) return roll < 0.7 ? 'school_or_college' : roll < 0.78 ? 'apprenticeship' : roll < 0.85 ? 'training' : 'not_in_work_or_learning';
	if (roll < 0.08) return 'higher_education';
	if (roll < 0.13) return 'apprenticeship';
	if (roll < 0.33) return 'employment';
	if (roll < 0.43) return 'training';
	if (roll < 0.6) return 'school_or_college';
	return 'not_in_work_or_learning';
}
